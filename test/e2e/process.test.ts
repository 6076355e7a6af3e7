import { type ChildProcess, execFile, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { APIEmbed } from "discord.js";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeAceDataCloud, startFakeAceDataCloud } from "../fakes/acedatacloud/index.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/index.js";
import { alive } from "../support/wait.js";

const root = join(import.meta.dirname, "..", "..");
const tsxLoader = pathToFileURL(createRequire(join(root, "package.json")).resolve("tsx")).href;
const entry = join(root, "src", "index.ts");

let discord: FakeDiscord;
let ace: FakeAceDataCloud;
let workDir: string;
const children: ChildProcess[] = [];
const groups: number[] = [];

beforeEach(async () => {
	discord = await startFakeDiscord();
	ace = await startFakeAceDataCloud();
	// A folder of its own: no developer .env is read, and the store starts empty.
	workDir = mkdtempSync(join(tmpdir(), "luma-process-"));
});
afterEach(async () => {
	for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
	// `npm start` runs in a process group of its own: whatever of it is left (a failed test) goes too.
	for (const group of groups.splice(0)) {
		try {
			process.kill(-group, "SIGKILL");
		} catch {
			// already gone
		}
	}
	await Promise.all([discord.close(), ace.close()]);
	rmSync(workDir, { recursive: true, force: true });
});

interface RunningBot {
	child: ChildProcess;
	exited: Promise<{ code: number | null; stderr: string }>;
	output: () => string;
}

/** Runs src/index.ts as the real process would, in its own working folder. */
function runBot(env: Record<string, string>): RunningBot {
	return watch(
		spawn(process.execPath, ["--import", tsxLoader, entry], {
			cwd: workDir,
			env: { PATH: process.env.PATH ?? "", ...env },
			stdio: ["ignore", "pipe", "pipe"],
		}),
	);
}

function watch(child: ChildProcess): RunningBot {
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

	describe("started with npm start, as a production install runs it", () => {
		let project: string;
		/** PATH without any node_modules/.bin (npx and npm test add this project's): no tsc on it. */
		const path = (process.env.PATH ?? "")
			.split(delimiter)
			.filter((dir) => !dir.includes("node_modules"))
			.join(delimiter);

		// A copy of the project as it is after `npm ci --omit=dev` on a machine with dist/ built:
		// the sources, package.json, scripts/ and dist/, and a node_modules without TypeScript.
		beforeAll(async () => {
			project = mkdtempSync(join(tmpdir(), "luma-production-"));
			for (const name of [
				"package.json",
				"tsconfig.json",
				"tsconfig.build.json",
				"src",
				"commands",
				"scripts",
			])
				cpSync(join(root, name), join(project, name), { recursive: true });
			mkdirSync(join(project, "node_modules"));
			for (const name of readdirSync(join(root, "node_modules")))
				if (name !== "typescript" && !name.startsWith("."))
					symlinkSync(join(root, "node_modules", name), join(project, "node_modules", name));
			// The build, made before the install (as `npm run build` in the image's build stage).
			await promisify(execFile)(
				process.execPath,
				[
					join(root, "node_modules/typescript/bin/tsc"),
					"-p",
					"tsconfig.build.json",
					"--outDir",
					join(project, "dist"),
				],
				{ cwd: root },
			);
		}, 120_000);
		afterAll(() => rmSync(project, { recursive: true, force: true }));

		function npmStart(env: Record<string, string>): RunningBot & { pid: () => number | undefined } {
			const child = spawn("npm", ["start"], {
				cwd: project,
				env: { PATH: path, HOME: process.env.HOME ?? tmpdir(), npm_config_update_notifier: "false", ...env },
				stdio: ["ignore", "pipe", "pipe"],
				detached: true,
			});
			if (child.pid) groups.push(child.pid);
			const bot = watch(child);
			// The bot's own pid, from its log lines (npm and sh are in between otherwise).
			const pid = () => {
				const line = bot
					.output()
					.split("\n")
					.find((l) => l.startsWith("{"));
				return line ? (JSON.parse(line) as { pid: number }).pid : undefined;
			};
			return { ...bot, pid };
		}

		it("SIGTERM sent to `npm start` stops the bot (exit 0)", { timeout: 60_000 }, async () => {
			const bot = npmStart(botEnv());
			await discord.waitForLogin(30_000);
			await registered();
			await waitUntil(() => bot.pid() !== undefined);
			const pid = bot.pid()!;
			expect(pid).not.toBe(bot.child.pid);
			bot.child.kill("SIGTERM");
			const { code, stderr } = await bot.exited;
			expect(code, stderr).toBe(0);
			expect(bot.output()).toContain('"msg":"bot stopped"');
			expect(alive(pid)).toBe(false);
			expect(discord.gatewayConnections).toBe(0);
		});

		it(
			"the production start path: `npm start` with dist present and no tsc on PATH starts without building",
			{ timeout: 60_000 },
			async () => {
				// The premise: neither the PATH nor the project's node_modules holds a compiler.
				expect(spawnSync("sh", ["-c", "command -v tsc"], { env: { PATH: path } }).status).not.toBe(0);
				const built = statSync(join(project, "dist/src/index.js")).mtimeMs;
				const bot = npmStart(botEnv());
				await discord.waitForLogin(30_000);
				await registered();
				await waitUntil(() => bot.output().includes('"msg":"bot ready"'));
				bot.child.kill("SIGTERM");
				const { code, stderr } = await bot.exited;
				expect(code, stderr).toBe(0);
				expect(stderr).not.toMatch(/Building|tsc|not found/);
				expect(statSync(join(project, "dist/src/index.js")).mtimeMs).toBe(built);
			},
		);
	});

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
