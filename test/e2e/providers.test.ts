import type { APIEmbed } from "discord.js";
import { waitFor } from "../support/wait.js";
import { afterEach, describe, expect, it } from "vitest";
import { CAPABILITIES } from "../../src/providers/capabilities.js";
import { PROVIDER_LABELS, PROVIDER_NAMES, type ProviderName } from "../../src/providers/names.js";
import type { FakeSubmission } from "../fakes/common/fakeProvider.js";
import type { StoredMessage } from "../fakes/discord/index.js";
import { type Harness, JPEG_BYTES, PNG_BYTES, startHarness } from "./harness.js";

let h: Harness;
afterEach(async () => {
	expect(h.discord.violations).toEqual([]);
	expect(h.provider.violations).toEqual([]);
	await h.close();
});

const EPHEMERAL = 1 << 6;
const embed = (m: StoredMessage | undefined): APIEmbed | undefined => m?.embeds[0];
const fieldsOf = (m: StoredMessage | undefined) => JSON.stringify(embed(m)?.fields ?? []);
const videoIdOf = (m: StoredMessage) => /"Video ID","value":"`([^`]+)`"/.exec(fieldsOf(m))?.[1];

function generate(
	options: Record<string, string | boolean | ReturnType<Harness["discord"]["addAttachment"]>>,
) {
	return h.discord.sendSlashCommand({ name: "luma", subcommand: "generate", options });
}

async function makeClip(prompt: string): Promise<StoredMessage> {
	const interaction = generate({ prompt });
	await interaction.response();
	const id = interaction.originalMessage()!.id;
	return h.discord.waitForMessage((m) => m.id === id && embed(m)?.title === "Video ready");
}

/** Whether a submission carried the frame: its exact bytes (file part or inline base64) or its URL. */
function carriesFrame(submission: FakeSubmission, frame: { url: string }, bytes: Buffer): boolean {
	if (submission.files.some((file) => file.data.equals(bytes))) return true;
	const text = JSON.stringify(submission.fields);
	return text.includes(frame.url) || text.includes(bytes.toString("base64"));
}

/** The options `/luma generate` should offer for a provider, from its capabilities. */
function expectedGenerateOptions(name: ProviderName): string[] {
	const caps = CAPABILITIES[name];
	return [
		"prompt",
		...(caps.startFrame ? ["start_frame"] : []),
		...(caps.endFrame ? ["end_frame"] : []),
		...(caps.aspectRatios.length > 0 ? ["aspect_ratio"] : []),
		...(caps.loop ? ["loop"] : []),
		...(caps.enhance ? ["enhance"] : []),
		...(caps.models.length > 1 ? ["model"] : []),
		...(caps.durations.length > 0 ? ["duration"] : []),
		...(caps.resolutions.length > 0 ? ["resolution"] : []),
	];
}

describe.each(PROVIDER_NAMES)("with LUMA_PROVIDER=%s", (name) => {
	const label = PROVIDER_LABELS[name];

	it("registers /luma built from the provider's capabilities", async () => {
		h = await startHarness({ provider: name });
		const luma = h.discord.commands.global.find(
			(command) => (command as { name: string }).name === "luma",
		) as unknown as {
			options: { name: string; options?: { name: string; choices?: { value: string }[] }[] }[];
		};
		const generateSub = luma.options.find((o) => o.name === "generate")!;
		expect(generateSub.options?.map((o) => o.name)).toEqual(expectedGenerateOptions(name));
		const ratios = generateSub.options?.find((o) => o.name === "aspect_ratio")?.choices?.map((c) => c.value);
		expect(ratios ?? []).toEqual([...CAPABILITIES[name].aspectRatios]);
		const extendSub = luma.options.find((o) => o.name === "extend");
		expect(extendSub?.options?.some((o) => o.name === "end_frame")).toBe(CAPABILITIES[name].extend!.endFrame);
		expect(extendSub?.options?.some((o) => o.name === "direction")).toBe(CAPABILITIES[name].extend!.backward);
	});

	it("text only: pending embed, one submission, the video delivered with who made it", async () => {
		h = await startHarness({ provider: name });
		h.provider.setBehaviour({ mode: "manual" });
		const interaction = generate({ prompt: "a paper boat on a rainy street" });
		await interaction.response();
		const pending = interaction.originalMessage()!;
		expect(embed(pending)?.title).toBe("Making your video");
		await waitFor(() => h.provider.taskIds().length === 1);
		const [submission] = h.provider.submissions();
		expect(JSON.stringify(submission?.fields)).toContain("a paper boat on a rainy street");
		const taskId = h.provider.taskIds()[0]!;
		h.provider.startTask(taskId);
		h.provider.completeTask(taskId);
		const result = await h.discord
			.waitForMessage((m) => m.id === pending.id && embed(m)?.title === "Video ready")
			.catch((e) => {
				console.log("LOGS", h.logs.find((l) => l.includes("action is not"))?.slice(0, 3000));
				throw e;
			});
		expect(result.attachments).toHaveLength(1);
		expect(fieldsOf(result)).toContain(`"Made with","value":"${label}`);
		expect(h.provider.submissions()).toHaveLength(1);
		const logs = h.logs.join("");
		expect(logs).not.toContain(h.provider.apiKey);
	});

	it("both frames: the provider gets exactly the attachments' bytes or their URLs", async () => {
		h = await startHarness({ provider: name });
		const start = h.discord.addAttachment({
			filename: "start.png",
			data: PNG_BYTES,
			contentType: "image/png",
		});
		const end = h.discord.addAttachment({ filename: "end.jpg", data: JPEG_BYTES, contentType: "image/jpeg" });
		const interaction = generate({ prompt: "morph", start_frame: start, end_frame: end });
		await interaction.response();
		const id = interaction.originalMessage()!.id;
		await h.discord.waitForMessage((m) => m.id === id && embed(m)?.title === "Video ready");
		const [submission] = h.provider.submissions();
		expect(carriesFrame(submission!, start, PNG_BYTES)).toBe(true);
		expect(carriesFrame(submission!, end, JPEG_BYTES)).toBe(true);
	});

	it("a provider failure becomes a failure embed in plain words", async () => {
		h = await startHarness({ provider: name });
		h.provider.setBehaviour({ mode: "auto", runningAfterMs: 10, completeAfterMs: 30, fail: "failed" });
		const interaction = generate({ prompt: "this one breaks" });
		await interaction.response();
		const id = interaction.originalMessage()!.id;
		const failed = await h.discord.waitForMessage((m) => m.id === id && embed(m)?.title === "Video failed");
		expect(embed(failed)?.description).toMatch(/could not make this video|had a problem/);
	});

	it("moderation keeps the unit; a credits failure gives it back and holds the provider (the same codes for every provider)", async () => {
		h = await startHarness({ provider: name, env: { USER_DAILY_LIMIT: "2" } });
		h.provider.setBehaviour({ mode: "manual" });
		const run = async (prompt: string) => {
			const interaction = generate({ prompt });
			const response = await interaction.response();
			return { interaction, data: response.data as { flags?: number; content?: string } };
		};
		const failOne = async (
			interaction: ReturnType<typeof generate>,
			why: "moderated" | "no_credits",
			nth: number,
		) => {
			await waitFor(() => h.provider.taskIds().length === nth);
			h.provider.failTask(h.provider.taskIds()[nth - 1]!, why);
			const id = interaction.originalMessage()!.id;
			return h.discord.waitForMessage((m) => m.id === id && embed(m)?.title === "Video failed");
		};
		const quota = async () => {
			const response = await h.discord.sendSlashCommand({ name: "luma", subcommand: "quota" }).response();
			return (response.data as { content: string }).content;
		};

		const first = await run("refused by the provider's moderators");
		const moderated = await failOne(first.interaction, "moderated", 1);
		expect(embed(moderated)?.description).toMatch(/moderation rejected this prompt/);
		expect(await quota()).toContain("**You today:** **1** of 2 left");

		const second = await run("the account runs dry");
		const credits = await failOne(second.interaction, "no_credits", 2);
		expect(embed(credits)?.description).toMatch(/credits are used up/);
		// The unit comes back once the failure is shown, and new requests are turned away privately
		// until an admin acts.
		await waitFor(async () => (await quota()).includes("**You today:** **1** of 2 left"));
		const third = await run("third try");
		expect((third.data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
		expect(third.data.content).toMatch(/credits for this bot are used up/);
		expect(h.provider.submissions()).toHaveLength(2);
	});

	it("Extend button and /luma extend continue the clip with its own provider reference", async () => {
		h = await startHarness({ provider: name });
		const parent = await makeClip("a fox in the snow");
		const videoId = videoIdOf(parent)!;
		expect(videoId).toBeTruthy();

		const button = JSON.stringify(parent.components).match(/luma:extend:[a-z0-9]+/)![0];
		const modal = await h.discord.sendButton({ customId: button, messageId: parent.id }).response();
		expect(modal.type).toBe(9);
		const submit = h.discord.sendModalSubmit({
			customId: (modal.data as { custom_id: string }).custom_id,
			fields: { prompt: "the fox starts to run" },
			messageId: parent.id,
		});
		await submit.response();
		const child = await h.discord.waitForMessage(
			(m) => embed(m)?.title === "Video extended" && embed(m)?.description === "the fox starts to run",
		);
		expect(child.message_reference).toMatchObject({ message_id: parent.id });

		const command = h.discord.sendSlashCommand({
			name: "luma",
			subcommand: "extend",
			options: { video: videoId, prompt: "it jumps over a log" },
		});
		await command.response();
		await h.discord.waitForMessage(
			(m) => embed(m)?.title === "Video extended" && embed(m)?.description === "it jumps over a log",
		);
		const extensions = h.provider.submissions().slice(1);
		expect(extensions).toHaveLength(2);
		for (const extension of extensions) expect(JSON.stringify(extension)).toContain(videoId);
	});

	it("resumes after a restart mid-job: submitted once, delivered exactly once", async () => {
		h = await startHarness({ provider: name });
		h.provider.setBehaviour({ mode: "manual" });
		const interaction = generate({ prompt: "survive a restart" });
		await interaction.response();
		const id = interaction.originalMessage()!.id;
		await waitFor(() => h.provider.taskIds().length === 1);
		await h.app.stop();
		h.provider.completeTask(h.provider.taskIds()[0]!);
		await h.restart();
		await h.discord.waitForMessage((m) => m.id === id && embed(m)?.title === "Video ready");
		await h.app.poller.pass();
		const deliveries = h.discord.requests.filter((r) => r.method !== "GET" && r.files.length > 0);
		expect(deliveries).toHaveLength(1);
		expect(h.provider.submissions()).toHaveLength(1);
	});
});

describe("provider specifics", () => {
	it("Luma Dream Machine: a rate-limited create waits and retries, never shown as a failure, without holding up others", async () => {
		h = await startHarness({ provider: "luma" });
		h.provider.injectSubmitError("rate_limited");
		const send = async (prompt: string) => {
			const interaction = generate({ prompt });
			await interaction.response();
			return interaction.originalMessage()!.id;
		};
		const waiting = await send("rate limited first");
		await waitFor(() => h.provider.submissions().length === 1);
		const other = await send("sent meanwhile");
		await h.discord.waitForMessage((m) => m.id === other && embed(m)?.title === "Video ready");
		await h.discord.waitForMessage((m) => m.id === waiting && embed(m)?.title === "Video ready");
		// The second request was made while the first waited out its rate limit.
		const prompts = h.provider.submissions().map((s) => s.fields.prompt);
		expect(prompts).toEqual(["rate limited first", "sent meanwhile", "rate limited first"]);
		expect(h.provider.taskIds()).toHaveLength(2);
		const edits = h.discord.requests.filter(
			(r) => r.method === "PATCH" && JSON.stringify(r.body).includes("Video failed"),
		);
		expect(edits).toHaveLength(0);
	});

	it("Luma Agents: the provider gets an opaque, stable user reference, never the Discord id", async () => {
		h = await startHarness({ provider: "luma-agents" });
		await makeClip("one");
		await makeClip("two");
		const refs = h.provider.submissions().map((s) => s.fields.user_id);
		expect(refs[0]).toEqual(expect.any(String));
		expect(refs[0]).toBe(refs[1]);
		expect(JSON.stringify(h.provider.submissions())).not.toContain(h.discord.guild.memberIds[0]!);
	});

	it("Luma Agents: links expire, so the result offers Get link (a fresh one) instead of a dead link", async () => {
		h = await startHarness({ provider: "luma-agents", videoBytes: 300 * 1024 });
		const interaction = h.discord.sendSlashCommand({
			name: "luma",
			subcommand: "generate",
			options: { prompt: "too big to upload" },
			attachmentSizeLimit: 100 * 1024,
		});
		await interaction.response();
		const id = interaction.originalMessage()!.id;
		const result = await h.discord.waitForMessage((m) => m.id === id && embed(m)?.title === "Video ready");
		expect(result.attachments).toHaveLength(0);
		expect(result.content).toBe("");
		expect(fieldsOf(result)).toContain("Use **Get link** for a fresh download link");
		const components = JSON.stringify(result.components);
		expect(components).not.toContain("Open video");
		const button = /luma:link:[a-z0-9]+/.exec(components)![0];

		const click = h.discord.sendButton({ customId: button, messageId: id });
		const response = await click.response();
		expect((response.data as { flags?: number } | undefined)?.flags ?? 0).toBe(EPHEMERAL);
		const answer = await h.discord.waitForMessage(
			(m) => m.id === click.originalMessage()?.id && m.content !== "",
		);
		const url = /(http:\/\/127\.0\.0\.1:\d+\/files\/\S+)/.exec(answer.content)![1]!;
		const download = await fetch(url);
		expect(download.status).toBe(200);
		expect((await download.arrayBuffer()).byteLength).toBe(300 * 1024);
	});
});

describe("options the provider cannot do", () => {
	it("refuses privately, naming the provider and the option, and sends nothing (an older registration's option)", async () => {
		h = await startHarness({ provider: "302ai" });
		const response = await generate({ prompt: "wide", aspect_ratio: "21:9" }).response();
		const data = response.data as { content: string; flags: number };
		expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
		expect(data.content).toMatch(/302\.AI.*does not support a choice of aspect ratio \(21:9\)/);
		expect(h.provider.submissions()).toHaveLength(0);
	});

	it("refuses what Luma Agents' own rules forbid (a looping 10 s clip) and a model it does not have", async () => {
		h = await startHarness({ provider: "luma-agents" });
		const long = await generate({ prompt: "long", duration: "10s", loop: true }).response();
		expect((long.data as { content: string }).content).toMatch(/10s clips cannot loop/);
		const model = await generate({ prompt: "m", model: "ray-9" }).response();
		expect((model.data as { content: string }).content).toMatch(/does not support that model \(ray-9\)/);
		expect(h.provider.submissions()).toHaveLength(0);
	});
});
