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
import { waitFor } from "../support/wait.js";

const root = join(import.meta.dirname, "..", "..");
const tsxLoader = pathToFileURL(createRequire(join(root, "package.json")).resolve("tsx")).href;
const entry = join(root, "src", "index.ts");
/** Makes the bot's process leave an error unhandled on SIGUSR2; the bot has no hook of its own. */
const crashOnSignal = pathToFileURL(join(root, "test", "support", "crashOnSignal.ts")).href;

let discord: FakeDiscord;
let ace: FakeAceDataCloud;
let workDir: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
	discord = await startFakeDiscord();
	ace = await startFakeAceDataCloud();
	// Its own folder: the SQLite store (data/luma.sqlite) is what the restarted bot resumes from.
	workDir = mkdtempSync(join(tmpdir(), "luma-crash-only-"));
});
afterEach(async () => {
	for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
	await Promise.all([discord.close(), ace.close()]);
	rmSync(workDir, { recursive: true, force: true });
});

interface Bot {
	child: ChildProcess;
	exited: Promise<number | null>;
	/** Every JSON log line so far. */
	lines(): Record<string, unknown>[];
}

function startBot(env: Record<string, string> = {}): Bot {
	const child = spawn(process.execPath, ["--import", tsxLoader, "--import", crashOnSignal, entry], {
		cwd: workDir,
		env: {
			PATH: process.env.PATH ?? "",
			DISCORD_TOKEN: discord.token,
			DISCORD_API_BASE: discord.apiBase,
			LUMA_API_KEY: ace.apiKey,
			LUMA_API_BASE: ace.baseUrl,
			POLL_INTERVAL_MS: "200",
			LOG_LEVEL: "info",
			...env,
		},
		stdio: ["ignore", "pipe", "inherit"],
	});
	children.push(child);
	let stdout = "";
	child.stdout?.on("data", (chunk) => {
		stdout += String(chunk);
	});
	const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
	const lines = () =>
		stdout
			.split("\n")
			.filter((line) => line.startsWith("{"))
			.map((line) => JSON.parse(line) as Record<string, unknown>);
	return { child, exited, lines };
}

const logged = (bot: Bot, msg: string) => bot.lines().some((line) => line.msg === msg);

describe("crash-only: an error nobody handled ends the process", () => {
	it(
		"an unhandled rejection is logged as fatal and exits non-zero; restarted on the same store, the job in flight is delivered",
		{ timeout: 60_000 },
		async () => {
			ace.setBehaviour({ mode: "manual" });
			const first = startBot();
			await waitFor(() => logged(first, "bot ready"), 30_000);
			const interaction = discord.sendSlashCommand({
				name: "luma",
				subcommand: "generate",
				options: { prompt: "a lighthouse through the crash" },
			});
			await interaction.response(10_000);
			const messageId = interaction.originalMessage()!.id;
			await waitFor(() => logged(first, "job submitted"), 15_000);

			first.child.kill("SIGUSR2");
			expect(await first.exited).toBe(1);
			const fatal = first.lines().filter((line) => line.level === 60);
			expect(fatal).toHaveLength(1);
			expect(fatal[0]).toMatchObject({
				msg: "unhandled rejection: exiting for a restart",
				err: { type: "Error", message: "deliberately unhandled (crash-only test)" },
			});
			// The stop was tried, briefly: the store and the gateway were closed.
			expect(logged(first, "bot stopped")).toBe(true);

			// What a supervisor does: start it again. The job was in the store all along.
			ace.completeTask([...ace.tasks.keys()][0]!);
			const second = startBot();
			const done = await discord.waitForMessage(
				(m) => m.id === messageId && (m.embeds[0] as APIEmbed | undefined)?.title === "Video ready",
				30_000,
			);
			expect(done.attachments).toHaveLength(1);
			expect(ace.submittedBodies()).toHaveLength(1);
			second.child.kill("SIGTERM");
			expect(await second.exited).toBe(0);
		},
	);

	it("an uncaught exception is logged as fatal and exits non-zero", { timeout: 40_000 }, async () => {
		const bot = startBot({ CRASH_WITH: "exception" });
		await waitFor(() => logged(bot, "bot ready"), 30_000);
		bot.child.kill("SIGUSR2");
		expect(await bot.exited).toBe(1);
		expect(bot.lines().filter((line) => line.level === 60)).toEqual([
			expect.objectContaining({
				msg: "uncaught exception: exiting for a restart",
				err: expect.objectContaining({ message: "deliberately uncaught (crash-only test)" }),
			}),
		]);
	});
});
