import type { APIEmbed } from "discord.js";
import { waitFor } from "../support/wait.js";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_UPLOAD_LIMIT } from "../fakes/discord/attachments.js";
import { type Harness, JPEG_BYTES, PNG_BYTES, startHarness } from "./harness.js";

let h: Harness;
afterEach(async () => {
	// Every body the bot sent must match Discord's OpenAPI spec (when the spec is present).
	expect(h.discord.violations).toEqual([]);
	await h.close();
});

const EPHEMERAL = 1 << 6;
const embedOf = (message: { embeds: APIEmbed[] } | undefined) => message?.embeds[0];

function generate(
	options: Record<string, string | boolean | ReturnType<Harness["discord"]["addAttachment"]>>,
) {
	return h.discord.sendSlashCommand({ name: "luma", subcommand: "generate", options });
}

describe("/luma generate end to end", () => {
	it("answers with a pending embed, submits once in async mode, and edits the same message into the video", async () => {
		h = await startHarness();
		h.ace.setBehaviour({ mode: "manual" });
		const interaction = generate({
			prompt: "a paper boat on a rainy street",
			aspect_ratio: "9:16",
			loop: true,
		});
		const response = await interaction.response();
		expect(response.type).toBe(4);
		const pending = interaction.originalMessage();
		expect(pending?.flags ?? 0).toBe(0);
		expect(embedOf(pending)?.title).toBe("Making your video");
		expect(embedOf(pending)?.description).toBe("a paper boat on a rainy street");
		expect(JSON.stringify(embedOf(pending)?.fields)).toMatch(/<t:\d+:R>/);
		expect(JSON.stringify(embedOf(pending)?.fields)).toContain("9:16 · loop");

		await waitFor(() => h.ace.submittedBodies().length === 1);
		expect(h.ace.submittedBodies()).toEqual([
			{
				action: "generate",
				async: true,
				prompt: "a paper boat on a rainy street",
				aspect_ratio: "9:16",
				loop: true,
			},
		]);
		const taskId = [...h.ace.tasks.keys()][0]!;
		h.ace.startTask(taskId);
		await h.discord.waitForMessage(
			(m) => m.id === pending!.id && JSON.stringify(m.embeds).includes("Generating"),
		);

		h.ace.completeTask(taskId);
		const result = await h.discord.waitForMessage(
			(m) => m.id === pending!.id && embedOf(m)?.title === "Video ready",
		);
		const task = h.ace.tasks.get(taskId)!;
		expect(JSON.stringify(embedOf(result)?.fields)).toContain(task.videoId);
		expect(JSON.stringify(embedOf(result)?.fields)).toContain("752×1360");
		expect(embedOf(result)?.thumbnail?.url).toMatch(/\.jpg$/);
		expect(result.attachments).toHaveLength(1);
		expect(result.attachments[0]?.filename).toMatch(/\.mp4$/);
		expect(JSON.stringify(result.components)).toContain("Open video");
		expect(h.ace.submittedBodies()).toHaveLength(1);
		// The secrets never reach a log line.
		const logs = h.logs.join("");
		for (const secret of [h.discord.token, h.ace.apiKey, interaction.token])
			expect(logs).not.toContain(secret);
	});

	it("passes both frames' URLs to the provider and shows them on the pending embed", async () => {
		h = await startHarness();
		const start = h.discord.addAttachment({
			filename: "start.png",
			data: PNG_BYTES,
			contentType: "image/png",
		});
		const end = h.discord.addAttachment({ filename: "end.jpg", data: JPEG_BYTES, contentType: "image/jpeg" });
		const interaction = generate({ prompt: "morph", start_frame: start, end_frame: end });
		await interaction.response();
		const pending = interaction.originalMessage();
		expect(pending?.embeds.map((e) => e.thumbnail?.url)).toEqual([undefined, start.url, end.url]);
		await waitFor(() => h.ace.submittedBodies().length === 1);
		expect(h.ace.submittedBodies()[0]).toMatchObject({ start_image_url: start.url, end_image_url: end.url });
		await h.discord.waitForMessage((m) => m.id === pending!.id && embedOf(m)?.title === "Video ready");
	});

	it("refuses a frame that is not an image by its content, privately, and submits nothing", async () => {
		h = await startHarness();
		const fake = h.discord.addAttachment({
			filename: "cat.png",
			data: Buffer.from("GIF89a not really a png"),
			contentType: "image/png",
		});
		const interaction = generate({ prompt: "a cat", start_frame: fake });
		const response = await interaction.response();
		expect(response.type).toBe(4);
		const data = response.data as { content: string; flags: number };
		expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
		expect(data.content).toMatch(/start frame \(cat\.png\) is not a PNG, JPEG or WebP image/);
		expect(h.ace.submittedBodies()).toHaveLength(0);
	});

	it("refuses an empty prompt privately", async () => {
		h = await startHarness();
		const response = await generate({ prompt: "   " }).response();
		expect((response.data as { flags: number }).flags & EPHEMERAL).toBe(EPHEMERAL);
		expect((response.data as { content: string }).content).toMatch(/prompt is empty/);
		expect(h.ace.submittedBodies()).toHaveLength(0);
	});

	it("turns a provider failure into a failure embed in plain words", async () => {
		h = await startHarness();
		h.ace.setBehaviour({
			mode: "auto",
			runningAfterMs: 10,
			completeAfterMs: 30,
			fail: { code: "forbidden", message: "RAW moderation text" },
		});
		const interaction = generate({ prompt: "something the moderators dislike" });
		await interaction.response();
		const id = interaction.originalMessage()!.id;
		const failed = await h.discord.waitForMessage((m) => m.id === id && embedOf(m)?.title === "Video failed");
		expect(embedOf(failed)?.description).toMatch(/moderation/i);
		expect(JSON.stringify(failed)).not.toContain("RAW moderation text");
	});

	it("delivers through the bot's channel edit when the interaction token is refused", async () => {
		h = await startHarness();
		h.ace.setBehaviour({ mode: "manual" });
		const interaction = generate({ prompt: "a slow one" });
		await interaction.response();
		const id = interaction.originalMessage()!.id;
		await waitFor(() => h.ace.tasks.size === 1);
		h.discord.expireToken(interaction.id);
		h.ace.completeTask([...h.ace.tasks.keys()][0]!);
		const result = await h.discord.waitForMessage((m) => m.id === id && embedOf(m)?.title === "Video ready");
		expect(result.attachments).toHaveLength(1);
		const channelEdit = await h.discord.waitForRequest(
			(r) => r.method === "PATCH" && r.path === `/api/v10/channels/${result.channel_id}/messages/${id}`,
		);
		expect(channelEdit.headers.authorization).toBe(`Bot ${h.discord.token}`);
		expect(h.discord.requests.some((r) => r.path.includes("/webhooks/") && r.status === 401)).toBe(true);
	});

	it("posts a new message mentioning the requester when the pending message was deleted", async () => {
		h = await startHarness();
		h.ace.setBehaviour({ mode: "manual" });
		const interaction = generate({ prompt: "gone" });
		await interaction.response();
		const original = interaction.originalMessage()!;
		await waitFor(() => h.ace.tasks.size === 1);
		h.discord.expireToken(interaction.id);
		h.discord.deleteMessage(original.channel_id, original.id);
		h.ace.completeTask([...h.ace.tasks.keys()][0]!);
		const posted = await h.discord.waitForMessage(
			(m) => m.id !== original.id && embedOf(m)?.title === "Video ready",
		);
		expect(posted.content).toContain(`<@${h.discord.guild.memberIds[0]}>`);
	});

	it("posts the link instead of uploading when the video is over the upload limit", async () => {
		h = await startHarness({ videoBytes: 300 * 1024 });
		const interaction = h.discord.sendSlashCommand({
			name: "luma",
			subcommand: "generate",
			options: { prompt: "big" },
			attachmentSizeLimit: 100 * 1024,
		});
		await interaction.response();
		const id = interaction.originalMessage()!.id;
		const result = await h.discord.waitForMessage((m) => m.id === id && embedOf(m)?.title === "Video ready");
		expect(result.attachments).toHaveLength(0);
		expect(result.content).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\/.+\.mp4$/);
	});

	it("posts the link when Discord refuses the upload (413 / 40005), and the video is not lost", async () => {
		const videoBytes = DEFAULT_UPLOAD_LIMIT + 64 * 1024;
		h = await startHarness({ videoBytes });
		h.ace.setBehaviour({ mode: "manual" });
		// The interaction allowed a bigger file than the channel takes by the time the video is ready.
		const interaction = h.discord.sendSlashCommand({
			name: "luma",
			subcommand: "generate",
			options: { prompt: "boost lost" },
			attachmentSizeLimit: 4 * DEFAULT_UPLOAD_LIMIT,
		});
		await interaction.response();
		const id = interaction.originalMessage()!.id;
		await waitFor(() => h.ace.tasks.size === 1);
		h.discord.expireToken(interaction.id);
		h.ace.completeTask([...h.ace.tasks.keys()][0]!);
		const result = await h.discord.waitForMessage(
			(m) => m.id === id && embedOf(m)?.title === "Video ready" && m.content.length > 0,
		);
		expect(result.attachments).toHaveLength(0);
		expect(result.content).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\/.+\.mp4$/);
		expect(h.discord.requests.some((r) => r.status === 413)).toBe(true);
		// The log line about the refusal names the error, not the file's bytes.
		expect(h.logs.every((line) => line.length < 16 * 1024)).toBe(true);
	});

	it("resumes after a restart on the same store: submitted once, delivered exactly once", async () => {
		h = await startHarness();
		h.ace.setBehaviour({ mode: "manual" });
		const interaction = generate({ prompt: "survive a restart" });
		await interaction.response();
		const id = interaction.originalMessage()!.id;
		await waitFor(() => h.ace.tasks.size === 1);
		await h.app.stop();
		h.ace.completeTask([...h.ace.tasks.keys()][0]!);
		await h.restart();
		await h.discord.waitForMessage((m) => m.id === id && embedOf(m)?.title === "Video ready");
		await h.app.poller.pass();
		await h.app.poller.pass();
		const deliveries = h.discord.requests.filter((r) => r.method !== "GET" && r.files.length > 0);
		expect(deliveries).toHaveLength(1);
		expect(h.ace.submittedBodies()).toHaveLength(1);
	});

	it("registers commands on start only when they changed", async () => {
		h = await startHarness();
		const puts = () =>
			h.discord.requests.filter((r) => r.method === "PUT" && r.path.endsWith("/commands")).length;
		expect(puts()).toBe(1);
		expect(JSON.stringify(h.discord.commands.global)).toContain("generate");
		await h.restart();
		expect(puts()).toBe(1);
	});
});
