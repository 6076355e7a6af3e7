import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeAceDataCloud, startFakeAceDataCloud } from "../fakes/acedatacloud/index.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/index.js";
import { guildIdOnShard } from "../fakes/discord/snowflake.js";
import { NO_LIMITS } from "../support/noLimits.js";
import { alive, freePort } from "../support/wait.js";
import { type Isolated, postgres, redis, suiteName, usePostgres, useRedis } from "../support/services.js";

const root = join(import.meta.dirname, "..", "..");
const tsxLoader = pathToFileURL(createRequire(join(root, "package.json")).resolve("tsx")).href;
const entry = join(root, "src", "index.ts");

const onShard0 = guildIdOnShard(0, 2);
const onShard1 = guildIdOnShard(1, 2);

let discord: FakeDiscord;
let ace: FakeAceDataCloud;
let workDir: string;
const children: ChildProcess[] = [];
const pids: number[] = [];

beforeEach(async () => {
	// max_concurrency 16: the manager waits 5.5 s / 16 between shards instead of 5.5 s.
	discord = await startFakeDiscord({ guilds: [{ id: onShard0 }, { id: onShard1 }], maxConcurrency: 16 });
	ace = await startFakeAceDataCloud();
	workDir = mkdtempSync(join(tmpdir(), "luma-shards-"));
});
afterEach(async () => {
	for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
	// Shard processes outlive a manager killed by a failed test only until they see it gone.
	for (const pid of pids.splice(0)) if (alive(pid)) process.kill(pid, "SIGKILL");
	await Promise.all([discord.close(), ace.close()]);
	rmSync(workDir, { recursive: true, force: true });
});

interface LogLine {
	msg: string;
	pid: number;
	level: number;
	shard?: number;
	code?: number | null;
	signal?: string | null;
}

interface RunningBot {
	child: ChildProcess;
	exited: Promise<{ code: number | null; stderr: string }>;
	lines: () => LogLine[];
}

/** Runs src/index.ts through tsx as its own process, in its own working folder. */
function runBot(env: Record<string, string>): RunningBot {
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
	const lines = () =>
		stdout
			.split("\n")
			.filter((line) => line.startsWith("{"))
			.map((line) => JSON.parse(line) as LogLine);
	return { child, exited, lines };
}

function botEnv(): Record<string, string> {
	return {
		DISCORD_TOKEN: discord.token,
		DISCORD_API_BASE: discord.apiBase,
		LUMA_API_KEY: ace.apiKey,
		LUMA_API_BASE: ace.baseUrl,
		POLL_INTERVAL_MS: "200",
		POLL_FIRST_DELAY_MS: "0",
		LOG_LEVEL: "info",
		...NO_LIMITS,
	};
}

const commandPuts = () =>
	discord.requests.filter((r) => r.method === "PUT" && /\/applications\/\d+\/commands$/.test(r.path));

describe("SHARD_COUNT on a store only one process can use", () => {
	it(
		"stops with one configuration line and exit 1, before reaching Discord",
		{ timeout: 20_000 },
		async () => {
			const { code, stderr } = await runBot({ ...botEnv(), SHARD_COUNT: "2" }).exited;
			expect(code).toBe(1);
			expect(stderr.trim()).toBe(
				"Configuration error: SHARD_COUNT needs a store every shard reaches: set STORE_URL to redis://… or postgres://… (sqlite:// and memory:// belong to one process)",
			);
			expect(discord.requests).toEqual([]);
		},
	);
});

/** Starts the manager on `store` and waits until both shards said "bot ready"; their pids by shard. */
const submittedLines = (bot: { lines: () => LogLine[] }) =>
	bot.lines().filter((l) => l.msg === "job submitted").length;

async function startSharded(
	store: Isolated,
	env: Record<string, string> = {},
): Promise<RunningBot & { shardPids: Map<number, number> }> {
	const bot = runBot({ ...botEnv(), SHARD_COUNT: "2", STORE_URL: store.url, ...env });
	const ready = () => bot.lines().filter((l) => l.msg === "bot ready" && l.shard !== undefined);
	await waitUntil(() => ready().length >= 2, 60_000, "both shards to be ready");
	const shardPids = new Map(ready().map((l) => [l.shard!, l.pid]));
	pids.push(...shardPids.values());
	return { ...bot, shardPids };
}

describe.skipIf(!redis.available)(suiteName("two shard processes under one manager", redis), () => {
	const store = useRedis();
	it(
		"each shard identifies as its own [id, 2], commands are registered once, each server's interaction is answered by its shard, and SIGTERM stops them all with exit 0",
		{ timeout: 90_000 },
		async () => {
			const bot = await startSharded(store);
			expect([...bot.shardPids.keys()].sort()).toEqual([0, 1]);
			expect(new Set([bot.child.pid, ...bot.shardPids.values()]).size).toBe(3);
			expect(discord.identified.map((r) => r.shard).sort()).toEqual([
				[0, 2],
				[1, 2],
			]);
			expect(commandPuts()).toHaveLength(1);

			for (const [guildId, shard] of [
				[onShard0, 0],
				[onShard1, 1],
			] as const) {
				const quota = discord.sendSlashCommand({ name: "luma", subcommand: "quota", guildId });
				// Only the owning shard's session receives it, so the answer can only come from that process.
				expect(quota.shards).toEqual([shard]);
				expect((await quota.response(15_000)).type).toBe(4);
			}

			bot.child.kill("SIGTERM");
			const { code, stderr } = await bot.exited;
			expect(code, stderr).toBe(0);
			const stopped = bot.lines().filter((l) => l.msg === "bot stopped");
			expect(stopped.map((l) => l.shard).sort()).toEqual([0, 1]);
			expect(bot.lines().some((l) => l.msg === "every shard stopped")).toBe(true);
			for (const pid of bot.shardPids.values()) expect(alive(pid)).toBe(false);
			expect(discord.gatewayConnections).toBe(0);
			// Still once: no shard registered anything of its own.
			expect(commandPuts()).toHaveLength(1);
		},
	);

	it(
		"starts a shard again when its process dies, with a warning naming the shard",
		{ timeout: 90_000 },
		async () => {
			const bot = await startSharded(store);
			const pid = bot.shardPids.get(1)!;
			process.kill(pid, "SIGKILL");
			await waitUntil(() => bot.lines().some((l) => l.msg === "a shard exited; starting it again"), 20_000);
			const warning = bot.lines().find((l) => l.msg === "a shard exited; starting it again")!;
			expect(warning).toMatchObject({ level: 40, shard: 1, code: null, signal: "SIGKILL" });
			await waitUntil(
				() => bot.lines().filter((l) => l.msg === "bot ready" && l.shard === 1 && l.pid !== pid).length === 1,
				60_000,
			);
			pids.push(...bot.lines().map((l) => l.pid));
			expect(discord.identified.filter((r) => r.shard[0] === 1)).toHaveLength(2);
			const quota = discord.sendSlashCommand({ name: "luma", subcommand: "quota", guildId: onShard1 });
			expect((await quota.response(15_000)).type).toBe(4);

			bot.child.kill("SIGTERM");
			const { code, stderr } = await bot.exited;
			expect(code, stderr).toBe(0);
			expect(commandPuts()).toHaveLength(1);
		},
	);

	it(
		"the manager serves the endpoint: health names both shards, metrics are summed, and each callback reaches its job's shard",
		{ timeout: 90_000 },
		async () => {
			ace.setBehaviour({ mode: "manual" });
			const port = await freePort();
			const base = `http://127.0.0.1:${port}`;
			// Polls every 5 s, and callback jobs six times less often: a quick delivery is the callback's.
			const bot = await startSharded(store, {
				HTTP_PORT: String(port),
				HTTP_HOST: "127.0.0.1",
				PUBLIC_URL: base,
				POLL_INTERVAL_MS: "5000",
			});
			const health = await fetch(`${base}/healthz`);
			expect(health.status).toBe(200);
			expect(await health.json()).toMatchObject({ checks: { shard_0: { ok: true }, shard_1: { ok: true } } });
			for (const guildId of [onShard0, onShard1])
				await discord
					.sendSlashCommand({ name: "luma", subcommand: "generate", options: { prompt: guildId }, guildId })
					.response(15_000);
			await waitUntil(() => ace.tasks.size === 2, 20_000);
			expect(await (await fetch(`${base}/metrics`)).text()).toMatch(
				/luma_jobs_in_flight\{provider="acedatacloud"\} 2/,
			);
			const finishedAt = Date.now();
			for (const taskId of ace.tasks.keys()) ace.completeTask(taskId);
			await waitUntil(
				() => discord.messages().filter((m) => m.embeds[0]?.title === "Video ready").length === 2,
				20_000,
			);
			expect(Date.now() - finishedAt).toBeLessThan(4_000);
			await ace.callbacksSettled();
			expect(ace.callbacks().map((c) => c.status)).toEqual([200, 200]);

			bot.child.kill("SIGTERM");
			expect((await bot.exited).code).toBe(0);
		},
	);

	it(
		"a manager killed outright mid-job: a new one delivers every video once and sends nothing again",
		{ timeout: 120_000 },
		async () => {
			ace.setBehaviour({ mode: "manual" });
			const first = await startSharded(store);
			for (let i = 0; i < 10; i++)
				await discord
					.sendSlashCommand({
						name: "luma",
						subcommand: "generate",
						options: { prompt: `clip ${i}` },
						guildId: i % 2 ? onShard1 : onShard0,
					})
					.response(15_000);
			// Killed once every job is recorded as sent: a kill between the provider's answer and that
			// write leaves the job failed and refunded, which is another test's subject.
			await waitUntil(() => submittedLines(first) === 10, 20_000, "10 submissions recorded");
			first.child.kill("SIGKILL");
			await first.exited;
			await waitUntil(() => [...first.shardPids.values()].every((pid) => !alive(pid)), 15_000);
			for (const taskId of ace.tasks.keys()) ace.completeTask(taskId);

			const second = await startSharded(store);
			const ready = () => discord.messages().filter((m) => m.embeds[0]?.title === "Video ready");
			await waitUntil(() => ready().length === 10, 60_000);
			await new Promise((resolve) => setTimeout(resolve, 1_500));
			expect(ready()).toHaveLength(10);
			expect(discord.requests.filter((r) => r.files.length > 0)).toHaveLength(10);
			expect(ace.submittedBodies()).toHaveLength(10);
			second.child.kill("SIGTERM");
			expect((await second.exited).code).toBe(0);
		},
	);

	it("shards stop on their own when their manager is killed outright", { timeout: 90_000 }, async () => {
		const bot = await startSharded(store);
		bot.child.kill("SIGKILL");
		await bot.exited;
		await waitUntil(() => [...bot.shardPids.values()].every((pid) => !alive(pid)), 15_000);
		expect(discord.gatewayConnections).toBe(0);
	});
});

/**
 * The whole promise across processes, on each shared store: two servers, one per shard, each with
 * a daily limit of 10; 100 requests at once give exactly 10 videos per server; one shard is
 * killed outright mid-job and started again by the manager; every accepted video is then
 * delivered once, nothing is sent to the provider twice, no message is left "in progress".
 */
function shardedJobs(store: Isolated) {
	it(
		"limits hold per server across shards, and a shard killed mid-job loses nothing and pays nothing twice",
		{ timeout: 150_000 },
		async () => {
			ace.setBehaviour({ mode: "manual" });
			const bot = await startSharded(store, { GUILD_DAILY_LIMIT: "10" });
			const requests = Array.from({ length: 100 }, (_, i) =>
				discord.sendSlashCommand({
					name: "luma",
					subcommand: "generate",
					options: { prompt: `clip ${i}` },
					guildId: i % 2 ? onShard1 : onShard0,
				}),
			);
			const answers = await Promise.all(requests.map((request) => request.response(20_000)));
			const isAccepted = answers.map((answer) => !(((answer.data as { flags?: number }).flags ?? 0) & 64));
			expect(isAccepted.filter((ok, i) => ok && i % 2 === 0)).toHaveLength(10);
			expect(isAccepted.filter((ok, i) => ok && i % 2 === 1)).toHaveLength(10);
			await waitUntil(() => submittedLines(bot) === 20, 30_000, "20 submissions recorded");

			// Shard 1 dies outright with its ten jobs at the provider; the manager starts it again.
			const killed = bot.shardPids.get(1)!;
			process.kill(killed, "SIGKILL");
			await waitUntil(
				() => bot.lines().some((l) => l.msg === "bot ready" && l.shard === 1 && l.pid !== killed),
				60_000,
				"shard 1 to be ready again",
			);
			pids.push(...bot.lines().map((l) => l.pid));
			for (const taskId of ace.tasks.keys()) ace.completeTask(taskId);

			const ready = () => discord.messages().filter((m) => m.embeds[0]?.title === "Video ready");
			await waitUntil(() => ready().length === 20, 60_000, "20 videos").catch((error: unknown) => {
				const titles = discord.messages().map((m) => m.embeds[0]?.title ?? "(none)");
				const counts = new Map<string, number>();
				for (const title of titles) counts.set(title, (counts.get(title) ?? 0) + 1);
				const levels = bot
					.lines()
					.filter((l) => l.level >= 40)
					.map((l) => `${l.shard} ${l.msg}`);
				throw new Error(
					`${String(error)}; messages ${JSON.stringify([...counts])}; warnings ${levels.join(" | ")}`,
				);
			});
			// Give a duplicate time to show up, then count again.
			await new Promise((resolve) => setTimeout(resolve, 1_500));
			expect(ready()).toHaveLength(20);
			const uploads = discord.requests.filter((r) => r.files.length > 0);
			expect(uploads).toHaveLength(20);
			expect(ace.submittedBodies()).toHaveLength(20);
			const pending = discord.messages().filter((m) => m.embeds[0] && m.embeds[0].title !== "Video ready");
			expect(pending).toEqual([]);

			bot.child.kill("SIGTERM");
			const { code, stderr } = await bot.exited;
			expect(code, stderr).toBe(0);
		},
	);
}

describe.skipIf(!redis.available)(suiteName("shard processes on Redis", redis), () => {
	shardedJobs(useRedis());
});

describe.skipIf(!postgres.available)(suiteName("shard processes on PostgreSQL", postgres), () => {
	shardedJobs(usePostgres());
});

async function waitUntil(condition: () => boolean, timeoutMs = 15_000, what = "a condition"): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}
