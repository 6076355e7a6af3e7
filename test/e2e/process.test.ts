import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { APIEmbed } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeAceDataCloud, startFakeAceDataCloud } from "../fakes/acedatacloud/index.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/index.js";

const root = join(import.meta.dirname, "..", "..");
const tsxLoader = pathToFileURL(createRequire(join(root, "package.json")).resolve("tsx")).href;
const entry = join(root, "src", "index.ts");

let discord: FakeDiscord;
let ace: FakeAceDataCloud;
let workDir: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
	discord = await startFakeDiscord();
	ace = await startFakeAceDataCloud();
	// A folder of its own: no developer .env is read, and the store starts empty.
	workDir = mkdtempSync(join(tmpdir(), "luma-process-"));
});
afterEach(async () => {
	for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
	await Promise.all([discord.close(), ace.close()]);
	rmSync(workDir, { recursive: true, force: true });
});

/** Runs src/index.ts as the real process would, in its own working folder. */
function runBot(env: Record<string, string>): {
	child: ChildProcess;
	exited: Promise<{ code: number | null; stderr: string }>;
	output: () => string;
} {
	const child = spawn(process.execPath, ["--import", tsxLoader, entry], {
		cwd: workDir,
		env: { PATH: process.env.PATH ?? "", ...env },
		stdio: ["ignore", "pipe", "pipe"],
	});
	children.push(child);
	let stderr = "";
	child.stderr?.on("data", (chunk) => {
		stderr += String(chunk);
	});
	let stdout = "";
	child.stdout?.on("data", (chunk) => {
		stdout += String(chunk);
		if (process.env.BOT_DEBUG) process.stderr.write(chunk);
	});
	const exited = new Promise<{ code: number | null; stderr: string }>((resolve) =>
		child.once("exit", (code) => resolve({ code, stderr })),
	);
	return { child, exited, output: () => stdout };
}

function botEnv(): Record<string, string> {
	return {
		DISCORD_TOKEN: discord.token,
		DISCORD_API_BASE: discord.apiBase,
		LUMA_API_KEY: ace.apiKey,
		LUMA_API_BASE: ace.baseUrl,
		POLL_INTERVAL_MS: "200",
		LOG_LEVEL: "info",
	};
}

const registered = () =>
	discord.waitForRequest(
		(r) => r.method === "PUT" || (r.method === "GET" && r.path.endsWith("/gateway/bot")),
		20_000,
	);

describe("the bot process", () => {
	it("exits 0 on SIGTERM after closing its gateway connection", { timeout: 40_000 }, async () => {
		const bot = runBot(botEnv());
		await discord.waitForLogin(20_000);
		await registered();
		bot.child.kill("SIGTERM");
		const { code } = await bot.exited;
		expect(code).toBe(0);
		expect(discord.gatewayConnections).toBe(0);
	});

	it(
		"stops with one line naming the variable when the configuration is bad",
		{
			timeout: 20_000,
		},
		async () => {
			const { DISCORD_TOKEN: _token, ...rest } = botEnv();
			const { code, stderr } = await runBot(rest).exited;
			expect(code).toBe(1);
			expect(stderr.trim()).toBe("Configuration error: DISCORD_TOKEN is required");
		},
	);

	it(
		"survives kill -9 mid-job: the video is delivered once and the task was submitted once",
		{
			timeout: 60_000,
		},
		async () => {
			ace.setBehaviour({ mode: "manual" });
			const first = runBot(botEnv());
			await discord.waitForLogin(20_000);
			const interaction = discord.sendSlashCommand({
				name: "luma",
				subcommand: "generate",
				options: { prompt: "hard stop" },
			});
			await interaction.response(10_000);
			const messageId = interaction.originalMessage()!.id;
			// Killed after the task id is saved: killed between the provider call and that write, the
			// job is failed honestly instead (the jobs unit tests cover that case).
			await waitUntil(() => first.output().includes('"msg":"job submitted"'));
			first.child.kill("SIGKILL");
			await first.exited;
			ace.completeTask([...ace.tasks.keys()][0]!);

			runBot(botEnv());
			const done = await discord.waitForMessage(
				(m) => m.id === messageId && (m.embeds[0] as APIEmbed | undefined)?.title === "Video ready",
				30_000,
			);
			expect(done.attachments).toHaveLength(1);
			await new Promise((resolve) => setTimeout(resolve, 1000));
			expect(discord.requests.filter((r) => r.files.length > 0)).toHaveLength(1);
			expect(ace.submittedBodies()).toHaveLength(1);
		},
	);
});

async function waitUntil(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error("condition not met in time");
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}
