import type { APIEmbed } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Job } from "../../src/jobs/job.js";
import type { StoredMessage } from "../fakes/discord/index.js";
import { type Harness, JPEG_BYTES, startHarness } from "./harness.js";

let h: Harness;
let owner: string;
let alice: string;
let bob: string;
beforeEach(async () => {
	h = await startHarness();
	[owner, alice, bob] = h.discord.guild.memberIds as [string, string, string];
});
afterEach(async () => {
	expect(h.discord.violations).toEqual([]);
	await h.close();
});

const EPHEMERAL = 1 << 6;
const embed = (message: StoredMessage | undefined): APIEmbed | undefined => message?.embeds[0];
const fields = (message: StoredMessage | undefined) => JSON.stringify(embed(message)?.fields ?? []);
const jobIdOf = (message: StoredMessage) => /^Job (\S+)/.exec(embed(message)?.footer?.text ?? "")?.[1] ?? "";

async function makeClip(prompt: string, userId: string): Promise<{ message: StoredMessage; jobId: string }> {
	const interaction = h.discord.sendSlashCommand({
		name: "luma",
		subcommand: "generate",
		options: { prompt },
		userId,
	});
	await interaction.response();
	const id = interaction.originalMessage()!.id;
	const message = await h.discord.waitForMessage((m) => m.id === id && embed(m)?.title === "Video ready");
	return { message, jobId: jobIdOf(message) };
}

async function readJob(jobId: string): Promise<Job | undefined> {
	return (await h.app.store.openNamespace<Job>("jobs").get(jobId)) as Job | undefined;
}

/** Clicks Extend on a message, checks the modal, and submits it with `prompt`. */
async function extendByButton(message: StoredMessage, userId: string, prompt: string) {
	const button = JSON.stringify(message.components).match(/luma:extend:[a-z0-9]+/)?.[0];
	expect(button).toBeDefined();
	const click = h.discord.sendButton({ customId: button!, messageId: message.id, userId });
	const modal = await click.response();
	expect(modal.type).toBe(9);
	const data = modal.data as { custom_id: string; components: unknown[] };
	expect(JSON.stringify(data.components)).toContain(JSON.stringify(embed(message)?.description).slice(1, -1));
	const submit = h.discord.sendModalSubmit({
		customId: data.custom_id,
		fields: { prompt },
		messageId: message.id,
		userId,
	});
	return { submit, answer: await privateAnswer(submit) };
}

/** The text of a private (deferred, then edited) answer. */
async function privateAnswer(handle: ReturnType<Harness["discord"]["sendModalSubmit"]>): Promise<string> {
	const response = await handle.response();
	if (response.type === 4) {
		expect((response.data as { flags: number }).flags & EPHEMERAL).toBe(EPHEMERAL);
		return (response.data as { content: string }).content;
	}
	expect((response.data as { flags?: number } | undefined)?.flags ?? 0).toBe(EPHEMERAL);
	const message = await h.discord.waitForMessage(
		(m) => m.id === handle.originalMessage()?.id && m.content !== "",
	);
	return message.content;
}

async function waitUntilSubmitted(count: number): Promise<void> {
	const deadline = Date.now() + 10_000;
	while (h.ace.submittedBodies().length < count) {
		if (Date.now() > deadline) throw new Error(`expected ${count} submissions`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

const waitExtended = (prompt: string) =>
	h.discord.waitForMessage((m) => embed(m)?.title === "Video extended" && embed(m)?.description === prompt);

function extendCommand(
	options: Record<string, string | ReturnType<Harness["discord"]["addAttachment"]>>,
	userId = bob,
) {
	return h.discord.sendSlashCommand({ name: "luma", subcommand: "extend", options, userId });
}

describe("extending clips", () => {
	it("Extend button -> modal -> a reply message that continues the parent's video_id, with its own Extend button", async () => {
		const parent = await makeClip("a fox in the snow", alice);
		const { answer } = await extendByButton(parent.message, bob, "the fox starts to run");
		expect(answer).toMatch(/^Extending the clip: follow it here https:\/\/discord\.com\/channels\//);

		const child = await waitExtended("the fox starts to run");
		expect(child.message_reference).toMatchObject({ message_id: parent.message.id });
		expect(fields(child)).toContain(`Extended by <@${bob}> from <@${alice}>'s clip`);
		expect(fields(child)).toContain("Part 2 of [this chain](https://discord.com/channels/");
		expect(JSON.stringify(child.components)).toMatch(/luma:extend:[a-z0-9]+/);
		expect(child.attachments).toHaveLength(1);

		const parentTask = [...h.ace.tasks.values()][0]!;
		const extendBody = h.ace.submittedBodies()[1] as Record<string, unknown>;
		expect(extendBody).toMatchObject({
			action: "extend",
			async: true,
			video_id: parentTask.videoId,
			prompt: "the fox starts to run",
		});
		expect(extendBody).not.toHaveProperty("task_id");
		expect(extendBody.video_id).not.toBe(parentTask.id);
	});

	it("grows a chain of three clips that can be walked both ways", async () => {
		const first = await makeClip("a seed in the ground", owner);
		await extendByButton(first.message, alice, "it sprouts");
		const second = await waitExtended("it sprouts");
		await extendByButton(second, bob, "it becomes a tree");
		const third = await waitExtended("it becomes a tree");
		expect(fields(third)).toContain("Part 3 of [this chain](");
		expect(fields(third)).toContain(`/${first.message.id})`);
		expect(fields(third)).toContain(`Extended by <@${bob}> from <@${alice}>'s clip`);

		const [root, middle, last] = await Promise.all([
			readJob(first.jobId),
			readJob(jobIdOf(second)),
			readJob(jobIdOf(third)),
		]);
		expect(root?.children).toEqual([middle?.id]);
		expect(middle?.children).toEqual([last?.id]);
		expect(last?.parent?.jobId).toBe(middle?.id);
		expect(last?.chain).toMatchObject({ rootJobId: root?.id, part: 3 });
		expect(middle?.chain).toMatchObject({ rootJobId: root?.id, part: 2 });
	});

	it("/luma extend accepts the video id, a link to the bot's message, and a video URL from elsewhere", async () => {
		const clip = await makeClip("ocean waves", alice);
		const videoId = [...h.ace.tasks.values()][0]!.videoId!;

		await privateAnswer(extendCommand({ video: videoId, prompt: "a surfer appears" }));
		await waitExtended("a surfer appears");

		const link = `https://discord.com/channels/${h.discord.guild.id}/${clip.message.channel_id}/${clip.message.id}`;
		await privateAnswer(extendCommand({ video: link }));
		// No prompt given: the clip's own prompt is reused.
		await waitExtended("ocean waves");

		await privateAnswer(extendCommand({ video: "https://videos.example/clip.mp4", prompt: "continue it" }));
		const external = await waitExtended("continue it");
		expect(fields(external)).toContain("[a video made elsewhere](https://videos.example/clip.mp4)");

		const bodies = h.ace.submittedBodies().slice(1) as Record<string, unknown>[];
		expect(bodies.map((b) => b.video_id ?? b.video_url)).toEqual([
			videoId,
			videoId,
			"https://videos.example/clip.mp4",
		]);
		for (const body of bodies) expect(body).not.toHaveProperty("task_id");
	});

	it("/luma extend also takes the bot's own job id and an end frame", async () => {
		const clip = await makeClip("a door", alice);
		const end = h.discord.addAttachment({ filename: "end.jpg", data: JPEG_BYTES, contentType: "image/jpeg" });
		await privateAnswer(extendCommand({ video: clip.jobId, prompt: "it opens", end_frame: end }));
		await waitExtended("it opens");
		expect(h.ace.submittedBodies()[1]).toMatchObject({ action: "extend", end_image_url: end.url });
	});

	it("autocomplete lists this server's recent finished videos and filters as the user types", async () => {
		await makeClip("a red fox", alice);
		await makeClip("a blue whale", bob);
		const all = await h.discord
			.sendAutocomplete({ name: "luma", subcommand: "extend", focused: "video", value: "" })
			.response();
		const choices = (all.data as { choices: { name: string; value: string }[] }).choices;
		expect(all.type).toBe(8);
		expect(choices.map((c) => c.name)).toEqual([
			expect.stringMatching(/^a blue whale · /),
			expect.stringMatching(/^a red fox · /),
		]);
		const some = await h.discord
			.sendAutocomplete({ name: "luma", subcommand: "extend", focused: "video", value: "FOX" })
			.response();
		expect((some.data as { choices: { name: string }[] }).choices.map((c) => c.name)).toEqual([
			expect.stringMatching(/^a red fox/),
		]);
	});

	it("the Extend video context menu opens the same modal", async () => {
		const clip = await makeClip("a candle", alice);
		const menu = await h.discord
			.sendMessageCommand({ name: "Extend video", targetMessageId: clip.message.id, userId: bob })
			.response();
		expect(menu.type).toBe(9);
		expect((menu.data as { custom_id: string }).custom_id).toBe(`luma:extend-modal:${clip.jobId}`);
	});

	it("an Extend button made before a restart still works", async () => {
		const clip = await makeClip("before the restart", alice);
		await h.restart();
		await extendByButton(clip.message, bob, "after the restart");
		const child = await waitExtended("after the restart");
		expect(child.message_reference).toMatchObject({ message_id: clip.message.id });
	});

	describe("refusals are private, name the rule, and submit nothing", () => {
		async function refusal(
			options: Record<string, string | ReturnType<Harness["discord"]["addAttachment"]>>,
		) {
			const before = h.ace.submittedBodies().length;
			const text = await privateAnswer(extendCommand(options));
			expect(h.ace.submittedBodies()).toHaveLength(before);
			return text;
		}

		it("unknown ids and links, other servers' messages, messages without a video", async () => {
			expect(await refusal({ video: "nope123" })).toMatch(/No video with the ID `nope123`/);
			expect(await refusal({ video: "https://discord.com/channels/111111111111111111/2/3" })).toMatch(
				/another server/,
			);
			const chat = h.discord.createMessage({ content: "hello", authorId: alice });
			const link = `https://discord.com/channels/${h.discord.guild.id}/${chat.channel_id}/${chat.id}`;
			expect(await refusal({ video: link })).toMatch(/has no video from this bot/);
			const menu = h.discord.sendMessageCommand({
				name: "Extend video",
				targetMessageId: chat.id,
				userId: bob,
			});
			expect(await privateAnswer(menu)).toMatch(/not from this bot/);
		});

		it("a parent that failed or is still being made", async () => {
			h.ace.setBehaviour({
				mode: "auto",
				runningAfterMs: 5,
				completeAfterMs: 10,
				fail: { code: "forbidden", message: "no" },
			});
			const failing = h.discord.sendSlashCommand({
				name: "luma",
				subcommand: "generate",
				options: { prompt: "bad" },
				userId: alice,
			});
			await failing.response();
			const failedMessage = await h.discord.waitForMessage((m) => embed(m)?.title === "Video failed");
			expect(await refusal({ video: jobIdOf(failedMessage) })).toMatch(
				/failed, so there is nothing to extend/,
			);
			const menu = h.discord.sendMessageCommand({
				name: "Extend video",
				targetMessageId: failedMessage.id,
				userId: bob,
			});
			expect(await privateAnswer(menu)).toMatch(/failed, so there is nothing to extend/);

			h.ace.setBehaviour({ mode: "manual" });
			const slow = h.discord.sendSlashCommand({
				name: "luma",
				subcommand: "generate",
				options: { prompt: "slow" },
				userId: alice,
			});
			await slow.response();
			// Its own submission lands after the reply; count from there.
			await waitUntilSubmitted(2);
			expect(await refusal({ video: jobIdOf(slow.originalMessage()!) })).toMatch(/still being made/);
		});

		it("a bad end frame, and an empty prompt with nothing to fall back on", async () => {
			const clip = await makeClip("base", alice);
			const gif = h.discord.addAttachment({
				filename: "end.png",
				data: Buffer.from("GIF89a....."),
				contentType: "image/png",
			});
			expect(await refusal({ video: clip.jobId, end_frame: gif })).toMatch(
				/end frame \(end\.png\) is not a PNG, JPEG or WebP/,
			);
			const big = h.discord.addAttachment({
				filename: "big.jpg",
				data: Buffer.alloc(11 * 1024 * 1024, 0xff),
				contentType: "image/jpeg",
			});
			expect(await refusal({ video: clip.jobId, end_frame: big })).toMatch(
				/end frame is 11\.0 MB; frames can be at most 10\.0 MB/,
			);
			expect(await refusal({ video: "https://videos.example/x.mp4" })).toMatch(
				/Write a prompt for the next part/,
			);
		});
	});
});
