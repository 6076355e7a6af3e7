import type { APIEmbed } from "discord.js";
import { freePort, waitFor } from "../support/wait.js";
import { afterEach, describe, expect, it } from "vitest";
import type { FakeLuma } from "../fakes/luma/index.js";
import type { StoredMessage } from "../fakes/discord/index.js";
import { type Harness, type HarnessOptions, startHarness } from "./harness.js";

let h: Harness;
afterEach(async () => {
	expect(h.discord.violations).toEqual([]);
	expect(h.provider.violations).toEqual([]);
	await h.close();
});

const embed = (m: StoredMessage | undefined): APIEmbed | undefined => m?.embeds[0];

/** The bot with its HTTP endpoint on a free loopback port; callbacks on when `callbacks` is set. */
async function start(options: HarnessOptions & { callbacks?: boolean } = {}): Promise<string> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	h = await startHarness({
		...options,
		env: {
			HTTP_PORT: String(port),
			HTTP_HOST: "127.0.0.1",
			...(options.callbacks && { PUBLIC_URL: base }),
			...options.env,
		},
	});
	return base;
}

async function generate(prompt: string): Promise<string> {
	const interaction = h.discord.sendSlashCommand({
		name: "luma",
		subcommand: "generate",
		options: { prompt },
	});
	await interaction.response();
	return interaction.originalMessage()!.id;
}

describe("GET /healthz and /metrics", () => {
	it("is 200 with its checks when the gateway is ready and the store answers, 503 when not", async () => {
		const base = await start();
		const healthy = await fetch(`${base}/healthz`);
		expect(healthy.status).toBe(200);
		expect(await healthy.json()).toEqual({
			status: "ok",
			checks: { gateway: { ok: true }, store: { ok: true } },
		});
		await h.app.client.destroy();
		const down = await fetch(`${base}/healthz`);
		expect(down.status).toBe(503);
		expect(await down.json()).toMatchObject({ status: "unavailable", checks: { gateway: { ok: false } } });
		expect((await fetch(`${base}/nothing-here`)).status).toBe(404);
	});

	it("opens no port without HTTP_PORT", async () => {
		h = await startHarness();
		expect(h.app.http).toBeUndefined();
	});

	it("exposes jobs, provider requests, latencies and refusals after a job, with no prompts or ids in labels", async () => {
		const base = await start({ env: { USER_DAILY_LIMIT: "1" } });
		const id = await generate("a secret prompt about otters");
		await h.discord.waitForMessage((m) => m.id === id && embed(m)?.title === "Video ready");
		await h.discord
			.sendSlashCommand({ name: "luma", subcommand: "generate", options: { prompt: "again" } })
			.response();
		const response = await fetch(`${base}/metrics`);
		expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
		const text = await response.text();
		expect(text).toMatch(/luma_jobs_finished_total\{provider="acedatacloud",outcome="succeeded"\} 1/);
		expect(text).toMatch(
			/luma_provider_requests_total\{provider="acedatacloud",endpoint="POST \/luma\/videos",status="200"\} 1/,
		);
		expect(text).toMatch(
			/luma_provider_requests_total\{provider="acedatacloud",endpoint="POST \/luma\/tasks",status="200"\} \d+/,
		);
		expect(text).toMatch(/luma_job_duration_seconds_count\{provider="acedatacloud",outcome="succeeded"\} 1/);
		expect(text).toMatch(/luma_delivery_lag_seconds_count 1/);
		expect(text).toMatch(/luma_interaction_ack_seconds_count [1-9]/);
		expect(text).toMatch(/luma_request_refusals_total\{rule="user_daily"\} 1/);
		expect(text).toMatch(/process_resident_memory_bytes/);
		for (const secret of ["otters", h.discord.guild.id, h.discord.guild.memberIds[0]!, "Test Guild"])
			expect(text).not.toContain(secret);
	});
});

describe("Discord REST errors", () => {
	it("are counted by status and Discord's code, and the bot still reads them (token refused -> channel edit)", async () => {
		const base = await start();
		h.ace.setBehaviour({ mode: "manual" });
		const interaction = h.discord.sendSlashCommand({
			name: "luma",
			subcommand: "generate",
			options: { prompt: "late" },
		});
		await interaction.response();
		const id = interaction.originalMessage()!.id;
		await waitFor(() => h.ace.tasks.size === 1);
		h.discord.expireToken(interaction.id);
		h.ace.completeTask([...h.ace.tasks.keys()][0]!);
		await h.discord.waitForMessage((m) => m.id === id && embed(m)?.title === "Video ready");
		const text = await (await fetch(`${base}/metrics`)).text();
		expect(text).toMatch(/luma_discord_rest_errors_total\{status="401",code="50027"\} 1/);
	});
});

describe("provider callbacks", () => {
	it("AceDataCloud: the submit carries an unguessable per-job address and the pushed result is shown at once", async () => {
		// A poll every 5 s, and callback jobs only every 30 s: a fast delivery can only be the callback.
		const base = await start({ callbacks: true, pollIntervalMs: 5000 });
		h.ace.setBehaviour({ mode: "manual" });
		const id = await generate("pushed, not polled");
		await waitFor(() => h.ace.tasks.size === 1);
		expect(await (await fetch(`${base}/metrics`)).text()).toMatch(
			/luma_jobs_in_flight\{provider="acedatacloud"\} 1/,
		);
		const body = h.ace.submittedBodies()[0] as { callback_url: string; async: boolean };
		expect(body.async).toBe(true);
		expect(body.callback_url).toMatch(
			new RegExp(`^${base}/callbacks/acedatacloud/[a-z0-9]+/[A-Za-z0-9_-]{43}$`),
		);
		const finishedAt = Date.now();
		h.ace.completeTask([...h.ace.tasks.keys()][0]!);
		await h.discord.waitForMessage((m) => m.id === id && embed(m)?.title === "Video ready");
		expect(Date.now() - finishedAt).toBeLessThan(3000);
		await h.ace.callbacksSettled();
		expect(h.ace.callbacks().map((c) => c.status)).toEqual([200]);
	});

	it("Luma Dream Machine: every update is pushed; the result shows without a poll", async () => {
		await start({ provider: "luma", callbacks: true, pollIntervalMs: 5000 });
		const luma = h.provider as FakeLuma;
		luma.setBehaviour({ mode: "manual" });
		const id = await generate("dreamed and pushed");
		await waitFor(() => luma.taskIds().length === 1);
		const taskId = luma.taskIds()[0]!;
		expect(String(luma.submissions()[0]?.fields.callback_url)).toContain("/callbacks/luma/");
		luma.startTask(taskId);
		await h.discord.waitForMessage((m) => m.id === id && JSON.stringify(m.embeds).includes("Generating"));
		luma.completeTask(taskId);
		await h.discord.waitForMessage((m) => m.id === id && embed(m)?.title === "Video ready");
		await luma.callbacksSettled();
		expect(luma.callbacks().every((c) => c.status === 200)).toBe(true);
	});

	it("refuses forged callbacks with 4xx and changes nothing; a repeat of a real one changes nothing either", async () => {
		const base = await start({ callbacks: true, pollIntervalMs: 5000 });
		h.ace.setBehaviour({ mode: "manual" });
		h.ace.setCallbacks("off");
		const id = await generate("guarded");
		await waitFor(() => h.ace.tasks.size === 1);
		const taskId = [...h.ace.tasks.keys()][0]!;
		const url = (h.ace.submittedBodies()[0] as { callback_url: string }).callback_url;
		const [, jobId, token] = /\/callbacks\/acedatacloud\/([a-z0-9]+)\/(.+)$/.exec(url)!;
		const done = (task: string) => ({
			success: true,
			task_id: task,
			video_id: "forged-video",
			video_url: "https://evil.example/forged.mp4",
			state: "completed",
		});
		const post = (path: string, body: unknown) =>
			fetch(`${base}${path}`, {
				method: "POST",
				headers: { "content-type": "application/json" },
				body: typeof body === "string" ? body : JSON.stringify(body),
			});
		const flipped = `${token!.slice(0, -1)}${token!.endsWith("A") ? "B" : "A"}`;
		expect((await post(`/callbacks/acedatacloud/${jobId}/${flipped}`, done(taskId))).status).toBe(403);
		expect((await post(`/callbacks/acedatacloud/${jobId}`, done(taskId))).status).toBe(404);
		expect((await post(`/callbacks/luma/${jobId}/${token}`, done(taskId))).status).toBe(404);
		expect((await post(`/callbacks/acedatacloud/nojob123/${token}`, done(taskId))).status).toBe(403);
		expect((await post(`/callbacks/acedatacloud/${jobId}/${token}`, done("another-task"))).status).toBe(422);
		expect((await post(`/callbacks/acedatacloud/${jobId}/${token}`, { hello: "world" })).status).toBe(400);
		expect((await post(`/callbacks/acedatacloud/${jobId}/${token}`, "{not json")).status).toBe(400);
		expect(
			(await post(`/callbacks/acedatacloud/${jobId}/${token}`, { pad: "x".repeat(70_000) })).status,
		).toBe(413);
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(h.discord.requests.some((r) => JSON.stringify(r.body ?? "").includes("Video ready"))).toBe(false);

		// The real result, pushed twice: shown once.
		h.ace.completeTask(taskId);
		const real = {
			...done(taskId),
			video_id: h.ace.tasks.get(taskId)!.videoId,
			video_url: `${h.ace.baseUrl}/files/${taskId}.mp4`,
		};
		expect((await post(`/callbacks/acedatacloud/${jobId}/${token}`, real)).status).toBe(200);
		expect((await post(`/callbacks/acedatacloud/${jobId}/${token}`, real)).status).toBe(200);
		await h.discord.waitForMessage((m) => m.id === id && embed(m)?.title === "Video ready");
		await new Promise((resolve) => setTimeout(resolve, 300));
		const uploads = h.discord.requests.filter((r) => r.method !== "GET" && r.files.length > 0);
		expect(uploads).toHaveLength(1);
	});

	it("polling stays as the safety net when a callback is lost", async () => {
		await start({ callbacks: true, pollIntervalMs: 200 });
		h.ace.setCallbacks("off");
		const id = await generate("the push never comes");
		// Callback jobs are polled six times less often: still delivered, a little later.
		await h.discord.waitForMessage((m) => m.id === id && embed(m)?.title === "Video ready");
	});
});
