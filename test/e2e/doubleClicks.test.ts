import type { APIEmbed } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { InteractionHandle, StoredMessage } from "../fakes/discord/index.js";
import { waitFor } from "../support/wait.js";
import { type Harness, startHarness } from "./harness.js";

let h: Harness;
let alice: string;
let bob: string;
beforeEach(async () => {
	h = await startHarness();
	[, alice, bob] = h.discord.guild.memberIds as [string, string, string];
});
afterEach(async () => {
	expect(h.discord.violations).toEqual([]);
	// A repeat is an expected event, never a fault.
	expect(h.logs.filter((line) => /"level":(50|60)/.test(line))).toEqual([]);
	await h.close();
});

const EPHEMERAL = 1 << 6;
const embed = (message: StoredMessage | undefined): APIEmbed | undefined => message?.embeds[0];
const jobIdOf = (message: StoredMessage) => /^Job (\S+)/.exec(embed(message)?.footer?.text ?? "")?.[1] ?? "";
const extensions = () =>
	h.ace.submittedBodies().filter((body) => (body as { action?: string }).action === "extend");

async function makeClip(prompt: string): Promise<{ message: StoredMessage; jobId: string }> {
	const interaction = h.discord.sendSlashCommand({
		name: "luma",
		subcommand: "generate",
		options: { prompt },
		userId: alice,
	});
	await interaction.response();
	const id = interaction.originalMessage()!.id;
	const message = await h.discord.waitForMessage((m) => m.id === id && embed(m)?.title === "Video ready");
	return { message, jobId: jobIdOf(message) };
}

/** The text of a private answer, deferred or not. */
async function privateAnswer(handle: InteractionHandle): Promise<string> {
	const response = await handle.response();
	const data = response.data as { flags?: number; content?: string } | undefined;
	expect((data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
	if (response.type === 4) return data?.content ?? "";
	const message = await h.discord.waitForMessage(
		(m) => m.id === handle.originalMessage()?.id && m.content !== "",
	);
	return message.content;
}

function submitForm(clip: { message: StoredMessage; jobId: string }, prompt: string, userId = bob) {
	return h.discord.sendModalSubmit({
		customId: `luma:extend-modal:${clip.jobId}`,
		fields: { prompt },
		messageId: clip.message.id,
		userId,
	});
}

/** Lets every poll and delivery that could still add a request happen. */
async function settle(): Promise<void> {
	await h.app.poller.pass();
	await new Promise((resolve) => setTimeout(resolve, 300));
	await h.app.poller.pass();
}

describe("a double click never doubles", () => {
	it("two clicks on Extend open two forms, and each distinct submission makes one extension", async () => {
		const clip = await makeClip("a kite on a beach");
		const button = `luma:extend:${clip.jobId}`;
		const clicks = [0, 1].map(() =>
			h.discord.sendButton({ customId: button, messageId: clip.message.id, userId: bob }),
		);
		for (const click of clicks) expect((await click.response()).type).toBe(9);

		const answers = await Promise.all([
			privateAnswer(submitForm(clip, "the kite climbs")),
			privateAnswer(submitForm(clip, "the kite falls")),
		]);
		for (const answer of answers) expect(answer).toMatch(/^Extending the clip: follow it here/);
		await waitFor(() => extensions().length === 2);
		await settle();
		expect(
			extensions()
				.map((body) => (body as { prompt: string }).prompt)
				.sort(),
		).toEqual(["the kite climbs", "the kite falls"]);
	});

	it("the same form submission delivered twice makes one extension, whether the repeat comes at once or later", async () => {
		const clip = await makeClip("a paper plane");
		const first = submitForm(clip, "it loops once");
		// At once: before the bot has answered the first delivery.
		h.discord.redeliverInteraction(first.id);
		expect(await privateAnswer(first)).toMatch(/^Extending the clip/);
		await waitFor(() => extensions().length === 1);
		// Later: after the extension was made.
		h.discord.redeliverInteraction(first.id);
		const repeats = () =>
			h.logs.filter((line) => line.includes('"msg":"interaction delivered again"')).length;
		await waitFor(() => repeats() === 2);
		// After a restart, with nothing remembered in memory: its first answer is refused as a second.
		await h.restart();
		h.discord.redeliverInteraction(first.id);
		await waitFor(() => repeats() === 3);
		await settle();
		expect(extensions()).toHaveLength(1);
		expect(h.discord.messages().filter((m) => embed(m)?.description === "it loops once")).toHaveLength(1);
	});

	it("two quick submits of the same form make one extension; the second is told privately it is being made", async () => {
		const clip = await makeClip("a lantern");
		const [one, two] = await Promise.all([
			privateAnswer(submitForm(clip, "it floats up")),
			privateAnswer(submitForm(clip, "it floats up")),
		]);
		const answers = [one, two].sort();
		expect(answers[0]).toMatch(/^Extending the clip: follow it here/);
		expect(answers[1]).toMatch(/asked for this same extension a moment ago/);
		// Remembered in the store: a restart in between does not make the repeat a new request.
		await h.restart();
		expect(await privateAnswer(submitForm(clip, "it floats up"))).toMatch(/a moment ago/);
		// Another member asking for the same thing is a submission of their own.
		expect(await privateAnswer(submitForm(clip, "it floats up", alice))).toMatch(/^Extending the clip/);
		await waitFor(() => extensions().length === 2);
		await settle();
		expect(extensions()).toHaveLength(2);
	});

	it("a submit that was refused does not hold back the same submit once the refusal is lifted", async () => {
		const clip = await makeClip("a bell");
		const admin = (subcommand: "ban" | "unban") =>
			h.discord.sendSlashCommand({ name: "luma-admin", subcommand, options: { user: bob } }).response();
		await admin("ban");
		expect(await privateAnswer(submitForm(clip, "it rings"))).toMatch(/banned/);
		await admin("unban");
		expect(await privateAnswer(submitForm(clip, "it rings"))).toMatch(/^Extending the clip/);
		await waitFor(() => extensions().length === 1);
	});

	it("a second Delete is answered privately that the clip is already deleted, and deletes nothing more", async () => {
		const clip = await makeClip("a sandcastle");
		// A copy of the result elsewhere (a DM delivery, say) keeps its Delete button after the first.
		const copy = h.discord.createMessage({
			authorId: h.discord.botUserId,
			content: "copy",
			components: clip.message.components,
		});
		const button = `luma:delete:${clip.jobId}`;
		// Both clicks arrive before the bot has handled either.
		const clicks = [0, 1].map(() =>
			h.discord.sendButton({ customId: button, messageId: clip.message.id, userId: alice }),
		);
		const answers = (await Promise.all(clicks.map(privateAnswer))).sort();
		expect(answers).toEqual([
			"Deleted the video. It can no longer be extended.",
			"This video is already deleted.",
		]);
		const later = h.discord.sendButton({ customId: button, messageId: copy.id, userId: alice });
		expect(await privateAnswer(later)).toBe("This video is already deleted.");
		expect(h.discord.message(clip.message.channel_id, clip.message.id)).toBeUndefined();
		const deletes = h.discord.requests.filter(
			(r) => r.method === "DELETE" && r.path.endsWith(`/messages/${clip.message.id}`),
		);
		expect(deletes).toHaveLength(1);
	});
});
