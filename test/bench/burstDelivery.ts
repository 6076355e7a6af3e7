/**
 * Burst delivery on the batch provider (AceDataCloud): 200 jobs in flight finish within the same
 * second, polled every 300 ms. Every one must be delivered; lag = the fake provider completing a
 * task -> the fake Discord holding its "Video ready" message. Goal: p99 <= the poll interval + 1 s.
 */
import type { StoredMessage } from "../fakes/discord/index.js";
import { percentile, sleep, until, withAceBench } from "./support.js";

const POLL_INTERVAL_MS = 300;
const JOBS = 200;
const WARMUP_JOBS = 5;
/** The completions are spread evenly over this window. */
const COMPLETION_WINDOW_MS = 1000;
const VIDEO_BYTES = 256 * 1024;
const GOAL_P99_MS = POLL_INTERVAL_MS + 1000;
const DELIVERY_TIMEOUT_MS = 60_000;

const isVideoReady = (m: StoredMessage, prompt: string) =>
	m.embeds[0]?.title === "Video ready" && m.embeds[0]?.description === prompt;

export async function measureBurstDelivery() {
	return withAceBench(
		"burst",
		{ videoBytes: VIDEO_BYTES, pollIntervalMs: POLL_INTERVAL_MS },
		async ({ discord, ace, bot, bots, guard }) => {
			/** Sends the commands (100 at a time), waits for every submit, returns the new task ids. */
			const submit = async (prompts: readonly string[]): Promise<string[]> => {
				const before = new Set(ace.tasks.keys());
				for (let start = 0; start < prompts.length; start += 100) {
					const commands = prompts
						.slice(start, start + 100)
						.map((prompt) =>
							discord.sendSlashCommand({ name: "luma", subcommand: "generate", options: { prompt } }),
						);
					await guard(Promise.all(commands.map((command) => command.response(10_000))));
				}
				const expected = before.size + prompts.length;
				await until(() => ace.tasks.size === expected, 30_000, `${prompts.length} submissions`, bots);
				// Let the bot save the task ids and show the pending messages before anything finishes.
				await sleep(1500);
				return [...ace.tasks.keys()].filter((taskId) => !before.has(taskId));
			};
			const promptOf = (taskId: string) =>
				String((ace.tasks.get(taskId)?.request as { prompt?: unknown } | undefined)?.prompt);
			/** Completes the tasks evenly over `windowMs` and resolves with each job's lag once all are delivered. */
			const completeAll = async (taskIds: readonly string[], windowMs: number) => {
				const completedAt = new Map<string, number>();
				const lags = new Map<string, number>();
				const deliveries = taskIds.map((taskId) => {
					const prompt = promptOf(taskId);
					return discord
						.waitForMessage((m) => isVideoReady(m, prompt), DELIVERY_TIMEOUT_MS)
						.then(() => void lags.set(taskId, Date.now() - completedAt.get(taskId)!));
				});
				// Rejected by the fake's close if the phase fails before they are awaited.
				for (const delivery of deliveries) delivery.catch(() => {});
				const start = Date.now();
				for (const [index, taskId] of taskIds.entries()) {
					const due = start + (index * windowMs) / taskIds.length;
					if (due > Date.now()) await sleep(due - Date.now());
					bot!.assertAlive();
					completedAt.set(taskId, Date.now());
					ace.completeTask(taskId);
				}
				await guard(Promise.all(deliveries));
				return { completedAt, lags: taskIds.map((taskId) => lags.get(taskId)!) };
			};

			// The first deliveries after a start pay for loading the code they run: measured apart.
			const warmup = await completeAll(
				await submit(Array.from({ length: WARMUP_JOBS }, (_, i) => `burst warmup ${i}`)),
				0,
			);
			const taskIds = await submit(Array.from({ length: JOBS }, (_, i) => `burst ${i}`));
			const queriesBefore = ace.requests.filter((r) => r.path === "/luma/tasks").length;
			const measured = await completeAll(taskIds, COMPLETION_WINDOW_MS);
			const lags = measured.lags;
			const taskQueries = ace.requests.filter((r) => r.path === "/luma/tasks").length - queriesBefore;

			// Where the time went: completion -> the bot fetching the video, and -> the edit arriving.
			const fetchedAt = new Map(
				ace.requests
					.filter((r) => r.path.endsWith(".mp4"))
					.map((r) => [r.path.slice("/files/".length, -4), r.at]),
			);
			const toFetch = taskIds.map((t) => (fetchedAt.get(t) ?? Number.NaN) - measured.completedAt.get(t)!);
			const p99 = percentile(lags, 99);
			return {
				jobs: JOBS,
				delivered: lags.filter(Number.isFinite).length,
				pollIntervalMs: POLL_INTERVAL_MS,
				completionWindowMs: COMPLETION_WINDOW_MS,
				videoBytes: VIDEO_BYTES,
				p50: percentile(lags, 50),
				p99,
				max: Math.max(...lags),
				goal: `all delivered, p99 <= ${GOAL_P99_MS}`,
				met: p99 <= GOAL_P99_MS,
				completionToVideoFetch: { p50: percentile(toFetch, 50), p99: percentile(toFetch, 99) },
				taskQueriesWhileDelivering: taskQueries,
				warmup: { jobs: WARMUP_JOBS, max: Math.max(...warmup.lags) },
			};
		},
	);
}
