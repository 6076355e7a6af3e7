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

const root = join(import.meta.dirname, "..", "..");
const tsxLoader = pathToFileURL(createRequire(join(root, "package.json")).resolve("tsx")).href;
const entry = join(root, "src", "index.ts");
/**
 * A store every shard process reaches. Each run's fake Discord has a new application id, so the
 * command registration remembered by an earlier run does not count for this one.
 */
const SHARED_STORE_URL = "redis://127.0.0.1:6379/15";

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
		LOG_LEVEL: "info",
	};
}

const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

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

// Needs the shared store (redis://), which another branch adds; run with LUMA_SHARD_E2E=1 and a
// Redis server on 127.0.0.1:6379.
describe.skipIf(!process.env.LUMA_SHARD_E2E)("two shard processes under one manager", () => {
	/** Starts the manager and waits until both shards said "bot ready"; returns their pids by shard. */
	async function startSharded(): Promise<RunningBot & { shardPids: Map<number, number> }> {
		const bot = runBot({ ...botEnv(), SHARD_COUNT: "2", STORE_URL: SHARED_STORE_URL });
		const ready = () => bot.lines().filter((l) => l.msg === "bot ready" && l.shard !== undefined);
		await waitUntil(() => ready().length >= 2, 60_000);
		const shardPids = new Map(ready().map((l) => [l.shard!, l.pid]));
		pids.push(...shardPids.values());
		return { ...bot, shardPids };
	}

	it(
		"each shard identifies as its own [id, 2], commands are registered once, each server's interaction is answered by its shard, and SIGTERM stops them all with exit 0",
		{ timeout: 90_000 },
		async () => {
			const bot = await startSharded();
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
			const bot = await startSharded();
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

	it("shards stop on their own when their manager is killed outright", { timeout: 90_000 }, async () => {
		const bot = await startSharded();
		bot.child.kill("SIGKILL");
		await bot.exited;
		await waitUntil(() => [...bot.shardPids.values()].every((pid) => !alive(pid)), 15_000);
		expect(discord.gatewayConnections).toBe(0);
	});
});

async function waitUntil(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error("condition not met in time");
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}
