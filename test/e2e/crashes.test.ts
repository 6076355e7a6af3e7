import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeAceDataCloud, startFakeAceDataCloud } from "../fakes/acedatacloud/index.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/index.js";
import { NO_LIMITS } from "../support/noLimits.js";
import { seededRandom } from "../support/seededRandom.js";

const root = join(import.meta.dirname, "..", "..");
const tsxLoader = pathToFileURL(createRequire(join(root, "package.json")).resolve("tsx")).href;
const entry = join(root, "src", "index.ts");
const SEED = 20261206;

let discord: FakeDiscord;
let ace: FakeAceDataCloud;
let workDir: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
	discord = await startFakeDiscord();
	ace = await startFakeAceDataCloud();
	workDir = mkdtempSync(join(tmpdir(), "luma-crashes-"));
});
afterEach(async () => {
	for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
	await Promise.all([discord.close(), ace.close()]);
	rmSync(workDir, { recursive: true, force: true });
});

/** The bot as its own process on one SQLite store, as `npm start` would run it from source. */
function startBot(): { child: ChildProcess; exited: Promise<void> } {
	const child = spawn(process.execPath, ["--import", tsxLoader, entry], {
		cwd: workDir,
		env: {
			PATH: process.env.PATH ?? "",
			DISCORD_TOKEN: discord.token,
			DISCORD_API_BASE: discord.apiBase,
			LUMA_API_KEY: ace.apiKey,
			LUMA_API_BASE: ace.baseUrl,
			POLL_INTERVAL_MS: "200",
			POLL_FIRST_DELAY_MS: "0",
			LOG_LEVEL: "warn",
			...NO_LIMITS,
		},
		stdio: ["ignore", "ignore", "inherit"],
	});
	children.push(child);
	return { child, exited: new Promise((resolve) => child.once("exit", () => resolve())) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(20);
	}
}

const FINAL_TITLES = new Set(["Video ready", "Video failed"]);

describe("kill -9 at random moments", () => {
	it(
		`three hard kills with 40 jobs in flight (seed ${SEED}): nothing sent twice, nothing lost, nothing left in progress`,
		{ timeout: 180_000 },
		async () => {
			const random = seededRandom(SEED);
			ace.setBehaviour({ mode: "manual" });
			let bot = startBot();
			await discord.waitForLogin(30_000);
			const requests = Array.from({ length: 40 }, (_, i) =>
				discord.sendSlashCommand({ name: "luma", subcommand: "generate", options: { prompt: `clip ${i}` } }),
			);
			await Promise.all(requests.map((request) => request.response(20_000)));
			const messageIds = requests.map((request) => request.originalMessage()!.id);

			const killAfter = async (ms: number) => {
				await sleep(ms);
				bot.child.kill("SIGKILL");
				await bot.exited;
				bot = startBot();
			};
			const completeSome = (share: number) => {
				for (const [taskId, task] of ace.tasks)
					if (task.state !== "completed" && random() < share) ace.completeTask(taskId);
			};

			// 1: while the jobs are being sent to the provider.
			await killAfter(random() * 300);
			await waitUntil(() => discord.gatewayConnections > 0, 30_000, "the bot to be back");
			await sleep(1500);
			// 2: while the first half is being delivered.
			completeSome(0.5);
			await killAfter(200 + random() * 800);
			await waitUntil(() => discord.gatewayConnections > 0, 30_000, "the bot to be back");
			// 3: while the rest is being delivered.
			completeSome(1);
			await killAfter(200 + random() * 800);
			completeSome(1);

			const titleOf = (id: string) => discord.messages().find((m) => m.id === id)?.embeds[0]?.title;
			await waitUntil(
				() => messageIds.every((id) => FINAL_TITLES.has(titleOf(id) ?? "")),
				90_000,
				"every message to show its outcome",
			);
			await sleep(1500);

			// Nothing was sent to the provider twice: one task per prompt at most.
			const prompts = [...ace.tasks.values()].map((task) => (task.request as { prompt: string }).prompt);
			expect(new Set(prompts).size).toBe(prompts.length);
			// Every job whose task id the bot saved is delivered exactly once; a job caught between the
			// provider's answer and that write is failed honestly rather than sent again.
			const ready = messageIds.filter((id) => titleOf(id) === "Video ready");
			const failed = messageIds.filter((id) => titleOf(id) === "Video failed");
			expect(ready.length + failed.length).toBe(40);
			expect(ready.length).toBeGreaterThan(0);
			// An upload cut short by a kill is made again after the restart as an edit of the same
			// message, so what counts is what members see: one video on each ready message, none on
			// the others.
			for (const id of ready)
				expect(discord.messages().find((m) => m.id === id)?.attachments).toHaveLength(1);
			for (const id of failed) expect(discord.messages().find((m) => m.id === id)?.attachments).toEqual([]);
			for (const id of failed)
				expect(discord.messages().find((m) => m.id === id)?.embeds[0]?.description).toMatch(/restarted/);
			// No second message for any job: the 40 pending messages are the only ones with embeds.
			expect(discord.messages().filter((m) => m.embeds.length > 0)).toHaveLength(40);

			bot.child.kill("SIGTERM");
			await bot.exited;
		},
	);
});
