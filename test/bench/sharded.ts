/**
 * Two shards on Redis against one process, in the same run and on the same workload: 500 jobs in
 * two servers (250 per shard when sharded) on the batch provider, finishing at 25 a second,
 * polled every second. Figures: status queries per completed job, and delivery lag (provider
 * completion -> "Video ready" in Discord). Goal: the shards do as well as one process (queries
 * per job within 10% of it; lag p99 within the one-process goal, the interval + 1 s).
 */
import { createClient } from "@keyv/redis";
import { BENCH_DISCORD, BenchBot, percentile, sleep, until } from "./support.js";
import { startFakeAceDataCloud } from "../fakes/acedatacloud/index.js";
import { startFakeDiscord } from "../fakes/discord/index.js";
import { guildIdOnShard } from "../fakes/discord/snowflake.js";
import { NO_LIMITS } from "../support/noLimits.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const POLL_INTERVAL_MS = 1000;
const JOBS = 500;
const COMPLETIONS_PER_SECOND = 25;
const REDIS = "redis://127.0.0.1:6379";
/** The bench's own Redis database, marked while in use the way the tests mark theirs. */
const REDIS_DB = 15;

interface Figures {
	processes: number;
	store: string;
	task_queries_per_completed_job: number;
	delivery_lag_ms: { p50: number; p99: number };
}

async function run(mode: "one process" | "two shards", storeUrl: string): Promise<Figures> {
	const guilds = [guildIdOnShard(0, 2), guildIdOnShard(1, 2)];
	const discord = await startFakeDiscord({
		...BENCH_DISCORD,
		guilds: guilds.map((id) => ({ id })),
		maxConcurrency: 16,
	});
	const ace = await startFakeAceDataCloud({ videoBytes: 256 * 1024 });
	ace.setBehaviour({ mode: "manual" });
	const sharded = mode === "two shards";
	const bot = new BenchBot(mode, {
		STORE_URL: storeUrl,
		SHARD_COUNT: sharded ? "2" : "1",
		DISCORD_TOKEN: discord.token,
		DISCORD_API_BASE: discord.apiBase,
		LUMA_PROVIDER: "acedatacloud",
		LUMA_API_KEY: ace.apiKey,
		LUMA_API_BASE: ace.baseUrl,
		POLL_INTERVAL_MS: String(POLL_INTERVAL_MS),
		JOB_TIMEOUT_MS: String(30 * 60_000),
		LOG_LEVEL: "warn",
		...NO_LIMITS,
	});
	const bots = [bot];
	try {
		await until(() => discord.identified.length === (sharded ? 2 : 1), 60_000, `${mode} to log in`, bots);
		await until(
			() => discord.requests.some((r) => r.method === "PUT" && r.path.endsWith("/commands")),
			30_000,
			"the commands",
			bots,
		);
		// Every server's records are read ahead once the gateway is ready.
		await sleep(1500);
		const tasksRequests = () => ace.requests.filter((r) => r.path === "/luma/tasks").length;
		const queriesBefore = tasksRequests();
		for (let wave = 0; wave < JOBS / 100; wave++) {
			const commands = Array.from({ length: 100 }, (_, i) =>
				discord.sendSlashCommand({
					name: "luma",
					subcommand: "generate",
					options: { prompt: `clip ${wave}-${i}` },
					guildId: guilds[i % 2]!,
				}),
			);
			await bot.guard(Promise.all(commands.map((command) => command.response(15_000))));
		}
		await until(() => ace.tasks.size === JOBS, 60_000, `${JOBS} submissions`, bots);
		await sleep(2000);
		const lags: number[] = [];
		const deliveries: Promise<void>[] = [];
		for (const [index, taskId] of [...ace.tasks.keys()].entries()) {
			const prompt = String((ace.tasks.get(taskId)?.request as { prompt?: unknown } | undefined)?.prompt);
			const completedAt = Date.now();
			ace.completeTask(taskId);
			const delivered = discord
				.waitForMessage(
					(m) => m.embeds[0]?.title === "Video ready" && m.embeds[0]?.description === prompt,
					120_000,
				)
				.then(() => void lags.push(Date.now() - completedAt));
			delivered.catch(() => {});
			deliveries.push(delivered);
			if (index % COMPLETIONS_PER_SECOND === COMPLETIONS_PER_SECOND - 1) await sleep(1000);
		}
		await bot.guard(Promise.all(deliveries));
		return {
			processes: sharded ? 2 : 1,
			store: storeUrl.split(":")[0]!,
			task_queries_per_completed_job: Number(((tasksRequests() - queriesBefore) / lags.length).toFixed(3)),
			delivery_lag_ms: { p50: percentile(lags, 50), p99: percentile(lags, 99) },
		};
	} finally {
		await bot.stop();
		await Promise.all([discord.close(), ace.close()]);
	}
}

export async function measureShards() {
	const marks = createClient({ url: `${REDIS}/0` });
	await marks.connect();
	const mark = `bench:${process.pid}`;
	const markKey = `luma-test:database:${REDIS_DB}`;
	if (
		(await marks.set(markKey, mark, { condition: "NX", expiration: { type: "PX", value: 600_000 } })) !== "OK"
	)
		throw new Error(`Redis database ${REDIS_DB} is in use by a test run`);
	const db = createClient({ url: `${REDIS}/${REDIS_DB}` });
	await db.connect();
	const workDir = mkdtempSync(join(tmpdir(), "luma-bench-shards-"));
	try {
		const one = await run("one process", `sqlite://${join(workDir, "luma.sqlite")}`);
		await db.flushDb();
		const two = await run("two shards", `${REDIS}/${REDIS_DB}`);
		const queriesGoal = Number((one.task_queries_per_completed_job * 1.1).toFixed(3));
		const lagGoal = POLL_INTERVAL_MS + 1000;
		return {
			jobs: JOBS,
			poll_interval_ms: POLL_INTERVAL_MS,
			completions_per_second: COMPLETIONS_PER_SECOND,
			one_process: one,
			two_shards: two,
			task_queries_per_completed_job: {
				two_shards: two.task_queries_per_completed_job,
				goal: `<= ${queriesGoal} (one process's ${one.task_queries_per_completed_job} + 10%)`,
				met: two.task_queries_per_completed_job <= queriesGoal,
			},
			delivery_lag_p99_ms: {
				two_shards: two.delivery_lag_ms.p99,
				one_process: one.delivery_lag_ms.p99,
				goal: `<= ${lagGoal}`,
				met: two.delivery_lag_ms.p99 <= lagGoal,
			},
		};
	} finally {
		await db.flushDb().catch(() => undefined);
		db.destroy();
		if ((await marks.get(markKey)) === mark) await marks.del(markKey);
		marks.destroy();
		rmSync(workDir, { recursive: true, force: true });
	}
}
