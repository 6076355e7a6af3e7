import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { pathToFileURL } from "node:url";
import { REST } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseEnv } from "../../src/env.js";
import { createLogger } from "../../src/logger.js";
import { createShardManager, type ShardManager } from "../../src/shard/manager.js";
import { planShards } from "../../src/shard/plan.js";
import { createStore } from "../../src/store/createStore.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/index.js";
import { alive } from "../support/wait.js";

const root = join(import.meta.dirname, "..", "..");
const tsxLoader = pathToFileURL(createRequire(join(root, "package.json")).resolve("tsx")).href;
const fakeShard = join(root, "test", "support", "fakeShard.ts");

interface LogLine {
	level: number;
	msg: string;
	shard?: number;
	code?: number | null;
	signal?: string | null;
}

let discord: FakeDiscord;
let dir: string;
let manager: ShardManager | undefined;
let logs: LogLine[];
/** discord.js's ShardingManager writes SHARDING_MANAGER and the token into this process's environment. */
const environment = { ...process.env };

beforeEach(async () => {
	discord = await startFakeDiscord({ recommendedShards: 3, maxConcurrency: 16 });
	dir = mkdtempSync(join(tmpdir(), "luma-fake-shards-"));
	logs = [];
	// The fake shard processes inherit this process's environment, as real shards do.
	process.env.FAKE_SHARD_DIR = dir;
	delete process.env.FAKE_SHARD_MODE;
});
afterEach(async () => {
	await manager?.stop().catch(() => undefined);
	manager = undefined;
	await discord.close();
	rmSync(dir, { recursive: true, force: true });
	for (const name of Object.keys(process.env)) if (!(name in environment)) delete process.env[name];
	Object.assign(process.env, environment);
});

function startManager(shardCount: string, onGiveUp?: () => void): ShardManager {
	const env = parseEnv({
		DISCORD_TOKEN: discord.token,
		DISCORD_API_BASE: discord.apiBase,
		LUMA_API_KEY: "key",
		// Never opened: the registration's store is the memory one below.
		STORE_URL: "redis://127.0.0.1:1/0",
		SHARD_COUNT: shardCount,
	});
	const destination = new Writable({
		write(chunk, _encoding, callback) {
			logs.push(JSON.parse(String(chunk)) as LogLine);
			callback();
		},
	});
	const logger = createLogger({ level: "debug", destination });
	manager = createShardManager({
		env,
		logger,
		file: fakeShard,
		execArgv: ["--import", tsxLoader],
		openStore: () => createStore("memory://", logger),
		...(onGiveUp && { onGiveUp }),
	});
	return manager;
}

/** What each fake shard process was handed, by pid. */
function handedOver(): Map<number, { SHARDS: string; SHARD_COUNT: string; execArgv: string[] }> {
	return new Map(
		readdirSync(dir)
			.filter((name) => name.endsWith(".json"))
			.map((name) => [Number.parseInt(name, 10), JSON.parse(readFileSync(join(dir, name), "utf8"))]),
	);
}

async function waitUntil(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error("condition not met in time");
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

describe("planShards", () => {
	const restFor = (fake: FakeDiscord) => new REST({ api: fake.apiBase }).setToken(fake.token);

	it("resolves auto to Discord's recommendation from GET /gateway/bot", async () => {
		expect(await planShards("auto", restFor(discord))).toEqual({
			count: 3,
			spawnDelayMs: Math.ceil(5_500 / 16),
			sessionStartsLeft: 1000,
		});
		expect(discord.requests.filter((r) => r.path.endsWith("/gateway/bot"))).toHaveLength(1);
	});

	it("takes a number as it is, and waits 5.5 s between shards with one identify at a time", async () => {
		const single = await startFakeDiscord({ recommendedShards: 7 });
		try {
			expect(await planShards(2, restFor(single))).toEqual({
				count: 2,
				spawnDelayMs: 5_500,
				sessionStartsLeft: 1000,
			});
		} finally {
			await single.close();
		}
	});
});

describe("the shard manager", () => {
	it(
		"registers the commands once, then starts each shard with its id, the count and its own node flags",
		{ timeout: 30_000 },
		async () => {
			const shards = startManager("auto");
			await shards.start();
			const handed = [...handedOver().values()];
			expect(handed.map((h) => h.SHARDS).sort()).toEqual(["0", "1", "2"]);
			expect(handed.every((h) => h.SHARD_COUNT === "3")).toBe(true);
			expect(handed.every((h) => h.execArgv.join(" ") === `--import ${tsxLoader}`)).toBe(true);
			expect(
				discord.requests.filter((r) => r.method === "PUT" && /\/applications\/\d+\/commands$/.test(r.path)),
			).toHaveLength(1);
			const pids = [...shards.shardPids().values()] as number[];
			expect(pids.sort()).toEqual([...handedOver().keys()].sort());

			await shards.stop();
			for (const pid of pids) {
				expect(existsSync(join(dir, `${pid}.stopped`)), "stopped by SIGTERM").toBe(true);
				expect(alive(pid)).toBe(false);
			}
			expect(logs.some((l) => l.msg === "every shard stopped")).toBe(true);
			expect(logs.filter((l) => l.level >= 40)).toEqual([]);
		},
	);

	it(
		"starts a shard again when its process dies, with a warning naming it",
		{ timeout: 30_000 },
		async () => {
			const shards = startManager("2");
			await shards.start();
			const killed = shards.shardPids().get(1)!;
			process.kill(killed, "SIGKILL");
			await waitUntil(() => {
				const pid = shards.shardPids().get(1);
				return pid !== undefined && pid !== killed && handedOver().has(pid);
			});
			expect(logs.find((l) => l.level === 40)).toMatchObject({
				msg: "a shard exited; starting it again",
				shard: 1,
				code: null,
				signal: "SIGKILL",
			});
			expect(handedOver().get(shards.shardPids().get(1)!)?.SHARDS).toBe("1");
			await shards.stop();
			expect(logs.filter((l) => l.level >= 40)).toHaveLength(1);
		},
	);

	it(
		"gives up on a shard that keeps exiting with an error, rather than spend every identify",
		{ timeout: 30_000 },
		async () => {
			process.env.FAKE_SHARD_MODE = "crash";
			let gaveUp = false;
			const shards = startManager("1", () => {
				gaveUp = true;
			});
			await shards.start();
			await waitUntil(() => gaveUp, 25_000);
			const warnings = logs.filter((l) => l.msg === "a shard exited; starting it again");
			expect(warnings).toHaveLength(4);
			expect(warnings[0]).toMatchObject({ level: 40, shard: 0, code: 1, signal: null });
			expect(logs.find((l) => l.level === 50)).toMatchObject({
				msg: "a shard keeps exiting; stopping every shard",
				shard: 0,
				code: 1,
			});
			await shards.stop().catch(() => undefined);
			for (const pid of handedOver().keys()) expect(alive(pid)).toBe(false);
		},
	);
});
