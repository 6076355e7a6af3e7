/**
 * Delivery lag with provider callbacks (AceDataCloud pushing each result to PUBLIC_URL): from the
 * fake provider completing a task to the fake Discord holding the edit that shows "Video ready".
 * POLL_INTERVAL_MS is 10 s, so callback jobs are polled only every 60 s as a safety net: within
 * this phase, only the callback can deliver.
 */
import type { StoredMessage } from "../fakes/discord/index.js";
import { freePort, percentile, sleep, until, withAceBench, withTimeout } from "./support.js";

const POLL_INTERVAL_MS = 10_000;
const JOBS = 100;
const WARMUP_JOBS = 5;
const COMPLETIONS_PER_SECOND = 10;
const GOAL_P99_MS = 200;
/** How long one job may take from its completion to "Video ready" before the phase fails. */
const DELIVERY_TIMEOUT_MS = 30_000;

const isVideoReady = (m: StoredMessage, prompt: string) =>
	m.embeds[0]?.title === "Video ready" && m.embeds[0]?.description === prompt;

export async function measureCallbackDelivery() {
	const port = await freePort();
	return withAceBench(
		"callbacks",
		{
			videoBytes: 256 * 1024,
			pollIntervalMs: POLL_INTERVAL_MS,
			prepare: (fake) => fake.setCallbacks("on"),
			env: { HTTP_PORT: String(port), HTTP_HOST: "127.0.0.1", PUBLIC_URL: `http://127.0.0.1:${port}` },
		},
		async ({ discord, ace, bot, bots, guard }) => {
			/** Sends the commands, waits for every submit, and returns the task ids in submission order. */
			const submit = async (prompts: readonly string[]): Promise<string[]> => {
				const before = new Set(ace.tasks.keys());
				const commands = prompts.map((prompt) =>
					discord.sendSlashCommand({ name: "luma", subcommand: "generate", options: { prompt } }),
				);
				await guard(Promise.all(commands.map((command) => command.response(10_000))));
				const expected = before.size + prompts.length;
				await until(() => ace.tasks.size === expected, 30_000, `${prompts.length} submissions`, bots);
				// The bot saves each task id right after its submit is answered; a callback that came
				// before would be answered 409 and left to polling.
				await sleep(1000);
				return [...ace.tasks.keys()].filter((taskId) => !before.has(taskId));
			};
			const promptOf = (taskId: string) =>
				String((ace.tasks.get(taskId)?.request as { prompt?: unknown } | undefined)?.prompt);
			/**
			 * Completes the tasks at a steady rate (against the clock, so the rate does not drift) and
			 * resolves with each job's lag once every "Video ready" has arrived.
			 */
			const completeAll = async (taskIds: readonly string[]) => {
				const completedAt = new Map<string, number>();
				const deliveredAt = new Map<string, number>();
				const deliveries = taskIds.map((taskId) => {
					const prompt = promptOf(taskId);
					return discord
						.waitForMessage((m) => isVideoReady(m, prompt), DELIVERY_TIMEOUT_MS + taskIds.length * 200)
						.then(() => void deliveredAt.set(taskId, Date.now()));
				});
				// Rejected by the fake's close if the phase fails before they are awaited.
				for (const delivery of deliveries) delivery.catch(() => {});
				const start = Date.now();
				for (const [index, taskId] of taskIds.entries()) {
					const due = start + (index * 1000) / COMPLETIONS_PER_SECOND;
					if (due > Date.now()) await sleep(due - Date.now());
					bot!.assertAlive();
					completedAt.set(taskId, Date.now());
					ace.completeTask(taskId);
				}
				await guard(Promise.all(deliveries));
				return { completedAt, deliveredAt };
			};

			// The first deliveries after a start pay for loading the code they run: measured apart.
			const warmupTasks = await submit(Array.from({ length: WARMUP_JOBS }, (_, i) => `callback warmup ${i}`));
			const warmup = await completeAll(warmupTasks);
			const warmupLags = warmupTasks.map((t) => warmup.deliveredAt.get(t)! - warmup.completedAt.get(t)!);

			const taskIds = await submit(Array.from({ length: JOBS }, (_, i) => `callback ${i}`));
			const queriesBefore = ace.requests.filter((r) => r.path === "/luma/tasks").length;
			const measured = await completeAll(taskIds);
			const lags = taskIds.map((t) => measured.deliveredAt.get(t)! - measured.completedAt.get(t)!);
			const taskQueries = ace.requests.filter((r) => r.path === "/luma/tasks").length - queriesBefore;

			// Where the time went: completion -> the bot fetching the video, and -> the edit arriving.
			const fetches = ace.requests.filter((r) => r.path.startsWith("/files/") && r.path.endsWith(".mp4"));
			const toFetch = taskIds.map((taskId) => {
				const fetched = fetches.find((r) => r.path === `/files/${taskId}.mp4`);
				return (fetched?.at ?? Number.NaN) - measured.completedAt.get(taskId)!;
			});
			const toEditArrival = taskIds.map((taskId) => {
				const prompt = promptOf(taskId);
				const edit = discord.requests.find((r) => {
					if (r.method === "GET") return false;
					const body = JSON.stringify(r.body ?? "");
					return body.includes("Video ready") && body.includes(JSON.stringify(prompt));
				});
				return (edit?.at ?? Number.NaN) - measured.completedAt.get(taskId)!;
			});

			await withTimeout(ace.callbacksSettled(), 10_000, "the fake's callbacks to settle");
			const answered = (tasks: readonly string[]) => {
				const wanted = new Set(tasks);
				const counts: Record<string, number> = {};
				for (const attempt of ace.callbacks()) {
					const taskId = (attempt.body as { task_id?: unknown } | undefined)?.task_id;
					if (typeof taskId !== "string" || !wanted.has(taskId)) continue;
					counts[String(attempt.status)] = (counts[String(attempt.status)] ?? 0) + 1;
				}
				return counts;
			};
			const callbacksAnswered = answered(taskIds);
			const allAnswered200 = callbacksAnswered["200"] === JOBS && Object.keys(callbacksAnswered).length === 1;
			const p99 = percentile(lags, 99);

			return {
				jobs: JOBS,
				completionsPerSecond: COMPLETIONS_PER_SECOND,
				pollIntervalMs: POLL_INTERVAL_MS,
				videoBytes: 256 * 1024,
				p50: percentile(lags, 50),
				p99,
				max: Math.max(...lags),
				goal: `p99 <= ${GOAL_P99_MS}`,
				met: p99 <= GOAL_P99_MS && allAnswered200,
				callbacksAnswered,
				allCallbacksAnswered200: allAnswered200,
				taskQueriesWhileDelivering: taskQueries,
				completionToVideoFetch: { p50: percentile(toFetch, 50), p99: percentile(toFetch, 99) },
				completionToEditRequest: { p50: percentile(toEditArrival, 50), p99: percentile(toEditArrival, 99) },
				warmup: {
					jobs: WARMUP_JOBS,
					firstDeliveryAfterStart: warmupLags[0],
					max: Math.max(...warmupLags),
					callbacksAnswered: answered(warmupTasks),
				},
			};
		},
	);
}
