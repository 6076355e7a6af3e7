/**
 * Task queries per completed job for a provider that answers one task per request (302.AI): the
 * bot as shipped (no query before 302's usual 30 s, then every interval) against a baseline bot
 * that polls at a fixed interval from the start (`POLL_FIRST_DELAY_MS=0`), side by side, each
 * with its own fake Discord, fake 302.AI and store, and the same seeded workload.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CAPABILITIES } from "../../src/providers/capabilities.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/index.js";
import { type FakeProvider, startFakeProvider } from "../fakes/index.js";
import { NO_LIMITS } from "../support/noLimits.js";
import { BenchBot, percentile, seededRandom, until, BENCH_DISCORD } from "./support.js";

const PROVIDER = "302ai";
const POLL_INTERVAL_MS = 2000;
const JOB_TIMEOUT_MS = 30 * 60_000;
const JOBS = 40;
/** Each task finishes this long after its submission, drawn uniformly with the seed below. */
const COMPLETES_AFTER_MS = { min: 35_000, max: 70_000 };
const SEED = 302;
const GOAL_RATIO = 0.5;
/** From the commands to the last "Video ready": the slowest task plus a generous margin. */
const DELIVERY_TIMEOUT_MS = COMPLETES_AFTER_MS.max + 60_000;

interface Side {
	label: "ours" | "baseline";
	/** `undefined`: POLL_FIRST_DELAY_MS unset (the provider's usual minimum applies). */
	firstPollDelayMs: number | undefined;
	workDir: string;
	discord?: FakeDiscord;
	provider?: FakeProvider;
	bot?: BenchBot;
	watcher?: NodeJS.Timeout;
	timers: Set<NodeJS.Timeout>;
	/** Task id -> when the fake completed it. */
	completedAt: Map<string, number>;
	/** Prompt -> when its "Video ready" message arrived. */
	deliveredAt: Map<string, number>;
	/** Set when the completion schedule went wrong (an unexpected task, a failed completeTask). */
	error?: Error;
}

/** One completion delay per task, in submission order; the same list for both sides. */
function drawDelays(): number[] {
	const random = seededRandom(SEED);
	const { min, max } = COMPLETES_AFTER_MS;
	return Array.from({ length: JOBS }, () => Math.round(min + random() * (max - min)));
}

async function startSide(side: Side, delays: readonly number[]): Promise<void> {
	side.discord = await startFakeDiscord(BENCH_DISCORD);
	const provider = await startFakeProvider(PROVIDER, { videoBytes: 64 * 1024 });
	side.provider = provider;
	provider.setBehaviour({ mode: "manual" });
	side.bot = new BenchBot(side.label, {
		STORE_URL: `sqlite://${join(side.workDir, "luma.sqlite")}`,
		DISCORD_TOKEN: side.discord.token,
		DISCORD_API_BASE: side.discord.apiBase,
		LUMA_PROVIDER: PROVIDER,
		LUMA_API_KEY: provider.apiKey,
		LUMA_API_BASE: provider.baseUrl,
		POLL_INTERVAL_MS: String(POLL_INTERVAL_MS),
		...(side.firstPollDelayMs !== undefined && { POLL_FIRST_DELAY_MS: String(side.firstPollDelayMs) }),
		JOB_TIMEOUT_MS: String(JOB_TIMEOUT_MS),
		LOG_LEVEL: "warn",
		...NO_LIMITS,
	});
	// The i-th task submitted finishes delays[i] after its submission (seen within 5 ms).
	let seen = 0;
	side.watcher = setInterval(() => {
		const ids = provider.taskIds();
		for (; seen < ids.length; seen++) {
			const taskId = ids[seen]!;
			const delay = delays[seen];
			if (delay === undefined) {
				side.error ??= new Error(`${side.label}: more than ${JOBS} tasks were submitted`);
				continue;
			}
			const timer = setTimeout(() => {
				side.timers.delete(timer);
				try {
					side.completedAt.set(taskId, Date.now());
					provider.completeTask(taskId);
				} catch (error) {
					side.error ??= error instanceof Error ? error : new Error(String(error));
				}
			}, delay);
			side.timers.add(timer);
		}
	}, 5);
}

async function stopSide(side: Side): Promise<void> {
	clearInterval(side.watcher);
	for (const timer of side.timers) clearTimeout(timer);
	side.timers.clear();
	try {
		await side.bot?.stop();
	} finally {
		await Promise.all([side.discord?.close(), side.provider?.close()]);
		rmSync(side.workDir, { recursive: true, force: true });
	}
}

/** Sends the workload to one side and waits for every "Video ready"; returns its figures. */
async function runSide(side: Side) {
	const discord = side.discord!;
	const provider = side.provider!;
	const bot = side.bot!;
	const prompts = Array.from({ length: JOBS }, (_, i) => `non-batch ${i}`);
	const deliveries = prompts.map((prompt) =>
		discord
			.waitForMessage(
				(m) => m.embeds[0]?.title === "Video ready" && m.embeds[0]?.description === prompt,
				DELIVERY_TIMEOUT_MS,
			)
			.then(() => void side.deliveredAt.set(prompt, Date.now())),
	);
	// Rejected by the fake's close if this side fails before waiting on them.
	for (const delivery of deliveries) delivery.catch(() => {});
	const commands = prompts.map((prompt) =>
		discord.sendSlashCommand({ name: "luma", subcommand: "generate", options: { prompt } }),
	);
	await bot.guard(Promise.all(commands.map((command) => command.response(10_000))));
	await until(() => provider.taskIds().length === JOBS, 30_000, `${side.label}: ${JOBS} submissions`, [bot]);
	const allDelivered = until(
		() => {
			if (side.error) throw side.error;
			return side.deliveredAt.size === JOBS;
		},
		DELIVERY_TIMEOUT_MS,
		`${side.label}: ${JOBS} "Video ready" messages`,
		[bot],
	);
	await bot.guard(Promise.all([...deliveries, allDelivered]));
	// Every job is delivered, so nothing is left to ask about: this is the whole bill.
	const statusQueries = provider.queryCount();
	const promptByTask = new Map(
		provider.submissions().flatMap((s) => (s.taskId ? [[s.taskId, String(s.fields.user_prompt)]] : [])),
	);
	const lags = [...side.completedAt].map(([taskId, completedAt]) => {
		const deliveredAt = side.deliveredAt.get(promptByTask.get(taskId) ?? "");
		if (deliveredAt === undefined) throw new Error(`${side.label}: task ${taskId} has no delivery`);
		return deliveredAt - completedAt;
	});
	const completedJobs = side.deliveredAt.size;
	return {
		statusQueries,
		completedJobs,
		queriesPerJob: Number((statusQueries / completedJobs).toFixed(2)),
		lagMs: { p50: percentile(lags, 50), p99: percentile(lags, 99) },
	};
}

export async function measureNonBatchPolling() {
	const delays = drawDelays();
	const sides: Side[] = (
		[
			["ours", undefined],
			["baseline", 0],
		] as const
	).map(([label, firstPollDelayMs]) => ({
		label,
		firstPollDelayMs,
		workDir: mkdtempSync(join(tmpdir(), `luma-bench-${label}-`)),
		timers: new Set(),
		completedAt: new Map(),
		deliveredAt: new Map(),
	}));
	try {
		for (const side of sides) await startSide(side, delays);
		await Promise.all(
			sides.map(async (side) => {
				await side.bot!.guard(side.discord!.waitForLogin(30_000));
				await side.bot!.guard(
					side.discord!.waitForRequest((r) => r.method === "PUT" && r.path.endsWith("/commands"), 30_000),
				);
			}),
		);
		const [ours, baseline] = await Promise.all(sides.map(runSide));
		const ratio = Number((ours!.queriesPerJob / baseline!.queriesPerJob).toFixed(3));
		return {
			provider: PROVIDER,
			intervalMs: POLL_INTERVAL_MS,
			jobs: JOBS,
			completesAfterSubmitMs: { ...COMPLETES_AFTER_MS, distribution: "uniform", seed: SEED },
			firstPollDelayMs: `unset (${PROVIDER} firstPollAfterMs ${CAPABILITIES[PROVIDER].firstPollAfterMs})`,
			baselineFirstPollDelayMs: 0,
			statusQueries: ours!.statusQueries,
			completedJobs: ours!.completedJobs,
			queriesPerJob: ours!.queriesPerJob,
			baselineStatusQueries: baseline!.statusQueries,
			baselineCompletedJobs: baseline!.completedJobs,
			baselineQueriesPerJob: baseline!.queriesPerJob,
			ratio,
			goal: `ratio <= ${GOAL_RATIO}`,
			met: ratio <= GOAL_RATIO,
			lagMs: ours!.lagMs,
			baselineLagMs: baseline!.lagMs,
		};
	} finally {
		await Promise.allSettled(sides.map(stopSide));
	}
}
