/**
 * The batch provider's figures (AceDataCloud, 50 tasks per status request): provider requests per
 * pass with 500 jobs in flight, memory with 1000 in flight, then all 1000 finishing at 25 a second
 * (delivery lag at a 1 s interval), and the status queries the whole workload cost per job
 * completed. Acknowledgement latency has a phase of its own (ack.ts).
 */
import type { APIEmbed } from "discord.js";
import { percentile, rssMb, sleep, until, withAceBench } from "./support.js";

const POLL_INTERVAL_MS = 1000;
const BATCH_SIZE = 50;
const GOAL_TASK_QUERIES_PER_JOB = 0.2;
const GOAL_RSS_MB = 150;

export async function measureBatchProvider() {
	return withAceBench(
		"batch",
		{ videoBytes: 256 * 1024, pollIntervalMs: POLL_INTERVAL_MS },
		async ({ discord, ace, bot, bots, guard }) => {
			const send = (count: number, label: string) =>
				Array.from({ length: count }, (_, i) =>
					discord.sendSlashCommand({
						name: "luma",
						subcommand: "generate",
						options: { prompt: `${label} ${i}` },
					}),
				);

			await sleep(2000);
			const idle = rssMb(bot.pid);
			// The first commands after a start pay for discord.js loading its classes: measured apart.
			const warmup = await guard(
				Promise.all(send(5, "warmup").map((interaction) => interaction.response(10_000))),
			);
			await until(() => ace.tasks.size === 5, 10_000, "warm-up submissions", bots);
			for (const taskId of ace.tasks.keys()) ace.completeTask(taskId);
			await until(
				() => discord.messages().filter((m) => m.embeds[0]?.title === "Video ready").length === 5,
				20_000,
				"warm-up deliveries",
				bots,
			);
			const warmedUp = new Set(ace.tasks.keys());

			const tasksRequests = () => ace.requests.filter((r) => r.path === "/luma/tasks").length;
			// Every status query from here on is charged to the 1000 jobs below.
			await sleep(2 * POLL_INTERVAL_MS);
			const queriesBeforeWorkload = tasksRequests();

			// 1. Provider requests per pass with 500 jobs in flight.
			for (let wave = 0; wave < 5; wave++)
				await guard(Promise.all(send(100, `wave${wave}`).map((i) => i.response(10_000))));
			await until(() => ace.tasks.size === 505, 30_000, "500 submissions", bots);
			const windowStart = tasksRequests();
			const windowMs = 5 * POLL_INTERVAL_MS;
			await sleep(windowMs);
			const requestsPerPass = (tasksRequests() - windowStart) / (windowMs / POLL_INTERVAL_MS);

			// 2. Memory with 1000 jobs in flight.
			for (let wave = 0; wave < 5; wave++)
				await guard(Promise.all(send(100, `more${wave}`).map((i) => i.response(10_000))));
			await until(() => ace.tasks.size === 1005, 30_000, "1000 submissions", bots);
			await sleep(3 * POLL_INTERVAL_MS);
			const memory = rssMb(bot.pid);

			// 3. Delivery lag: tasks finish at a steady 25 per second; lag = provider completion -> message edited.
			const requestsBeforeDelivery = tasksRequests();
			const lags: number[] = [];
			const completedAtByTask = new Map<string, number>();
			const taskIds = [...ace.tasks.keys()].filter((taskId) => !warmedUp.has(taskId));
			const deliveries: Promise<void>[] = [];
			for (const [index, taskId] of taskIds.entries()) {
				const completedAt = Date.now();
				completedAtByTask.set(taskId, completedAt);
				ace.completeTask(taskId);
				const prompt = String((ace.tasks.get(taskId)?.request as { prompt?: string } | undefined)?.prompt);
				deliveries.push(
					discord
						.waitForMessage(
							(m) =>
								(m.embeds[0] as APIEmbed | undefined)?.title === "Video ready" &&
								m.embeds[0]?.description === prompt,
							120_000,
						)
						.then(() => void lags.push(Date.now() - completedAt)),
				);
				if (index % 25 === 24) await sleep(1000);
			}
			await guard(Promise.all(deliveries));
			const taskQueries = tasksRequests() - queriesBeforeWorkload;
			const providerRequests = ace.requests.filter((r) => r.path.startsWith("/luma/")).length;
			// When the bot fetched each video: completion -> fetch is the polling share of the lag.
			const pickups = ace.requests
				.filter((r) => r.path.startsWith("/files/") && r.path.endsWith(".mp4"))
				.map((r) => r.at - (completedAtByTask.get(r.path.slice("/files/".length, -".mp4".length)) ?? r.at));

			const queriesPerJob = Number((taskQueries / lags.length).toFixed(3));
			const p99 = percentile(lags, 99);
			return {
				first_command_ack_ms: Math.round(warmup[0]?.latencyMs ?? Number.NaN),
				provider_requests: {
					jobs_in_flight: 500,
					batch_size: BATCH_SIZE,
					per_pass: requestsPerPass,
					goal: `per_pass <= ${Math.ceil(500 / BATCH_SIZE)}`,
					met: requestsPerPass <= Math.ceil(500 / BATCH_SIZE),
					/** Every AceDataCloud request (submits included) per job. */
					per_completed_job: Number((providerRequests / taskIds.length).toFixed(2)),
					task_queries_while_delivering: tasksRequests() - requestsBeforeDelivery,
				},
				task_queries_per_completed_job: {
					/** Status queries (/luma/tasks) from the first submission to the last delivery. */
					task_queries: taskQueries,
					completed_jobs: lags.length,
					per_completed_job: queriesPerJob,
					/** The share of the queries made while the 1000 were finishing. */
					while_delivering_per_completed_job: Number(
						((tasksRequests() - requestsBeforeDelivery) / lags.length).toFixed(3),
					),
					goal: `<= ${GOAL_TASK_QUERIES_PER_JOB}`,
					met: queriesPerJob <= GOAL_TASK_QUERIES_PER_JOB,
				},
				delivery_lag_ms: {
					jobs: lags.length,
					p50: percentile(lags, 50),
					p99,
					goal: `p99 <= ${POLL_INTERVAL_MS + 1000}`,
					met: p99 <= POLL_INTERVAL_MS + 1000,
					poll_interval_ms: POLL_INTERVAL_MS,
					completions_per_second: 25,
					completion_to_video_fetch: { p50: percentile(pickups, 50), p99: percentile(pickups, 99) },
				},
				bot_rss_mb: {
					idle: idle.rss,
					jobs_in_flight: 1000,
					rss: memory.rss,
					peak: memory.peak,
					goal: `rss <= ${GOAL_RSS_MB}`,
					met: memory.rss <= GOAL_RSS_MB,
				},
			};
		},
	);
}
