/**
 * Peak memory while big videos are delivered: 50 jobs whose 8 MB videos finish at once, so the
 * bot downloads them from the fake provider and uploads them to the fake Discord (the interactions
 * allow 25 MB uploads, so every video goes up as a file) all in the same few seconds. The peak is
 * of this phase only: the bot's VmHWM is reset (clear_refs) just before the completions, and VmRSS
 * is also sampled every 10 ms in case the reset is refused; the higher of the two is the figure.
 */
import type { StoredMessage } from "../fakes/discord/index.js";
import { resetPeakRss, rssMb, sampleRss, sleep, until, withAceBench } from "./support.js";

const JOBS = 50;
const WARMUP_JOBS = 2;
const VIDEO_BYTES = 8 * 1024 * 1024;
const UPLOAD_LIMIT = 25 * 1024 * 1024;
const POLL_INTERVAL_MS = 300;
const SAMPLE_EVERY_MS = 10;
const GOAL_PEAK_MB = 250;
const DELIVERY_TIMEOUT_MS = 90_000;

const isVideoReady = (m: StoredMessage, prompt: string) =>
	m.embeds[0]?.title === "Video ready" && m.embeds[0]?.description === prompt;

export async function measureBigVideoMemory() {
	return withAceBench(
		"big-videos",
		{ videoBytes: VIDEO_BYTES, pollIntervalMs: POLL_INTERVAL_MS },
		async ({ discord, ace, bot, bots, guard }) => {
			const pid = bot.pid;

			const submit = async (prompts: readonly string[]): Promise<string[]> => {
				const before = new Set(ace.tasks.keys());
				const commands = prompts.map((prompt) =>
					discord.sendSlashCommand({
						name: "luma",
						subcommand: "generate",
						options: { prompt },
						attachmentSizeLimit: UPLOAD_LIMIT,
					}),
				);
				await guard(Promise.all(commands.map((command) => command.response(10_000))));
				await until(() => ace.tasks.size === before.size + prompts.length, 30_000, "submissions", bots);
				await sleep(1500);
				return [...ace.tasks.keys()].filter((taskId) => !before.has(taskId));
			};
			/** Completes every task at once; resolves with the "Video ready" messages once all are there. */
			const deliver = async (taskIds: readonly string[]) => {
				const deliveries = taskIds.map((taskId) => {
					const prompt = String((ace.tasks.get(taskId)?.request as { prompt?: unknown } | undefined)?.prompt);
					return discord.waitForMessage((m) => isVideoReady(m, prompt), DELIVERY_TIMEOUT_MS);
				});
				for (const delivery of deliveries) delivery.catch(() => {});
				for (const taskId of taskIds) ace.completeTask(taskId);
				return guard(Promise.all(deliveries));
			};

			// A couple of big deliveries first, so the phase measures the deliveries, not code loading.
			await deliver(await submit(Array.from({ length: WARMUP_JOBS }, (_, i) => `big warmup ${i}`)));
			const taskIds = await submit(Array.from({ length: JOBS }, (_, i) => `big ${i}`));
			await sleep(2000);
			const before = rssMb(pid);
			// Verified: right after the reset, the peak is (about) the current size again.
			const reset = resetPeakRss(pid) ? rssMb(pid) : undefined;
			const peakReset = reset !== undefined && reset.peak - reset.rss <= 2;
			const sampler = sampleRss(pid, SAMPLE_EVERY_MS);
			const startedAt = Date.now();
			let messages: StoredMessage[];
			let sampled: { maxMb: number; samples: number };
			try {
				messages = await deliver(taskIds);
			} finally {
				sampled = sampler.stop();
			}
			const tookMs = Date.now() - startedAt;
			const after = rssMb(pid);
			const uploaded = messages.filter((m) =>
				m.attachments.some((a) => a.size === VIDEO_BYTES && a.filename.endsWith(".mp4")),
			).length;
			const peak = Math.max(sampled.maxMb, peakReset ? after.peak : 0);
			return {
				jobs: JOBS,
				videoBytes: VIDEO_BYTES,
				uploadedAsFiles: uploaded,
				deliveryMs: tookMs,
				rssBeforeMb: before.rss,
				peakRssMb: peak,
				peakBeforeResetMb: before.peak,
				vmHwmSinceResetMb: peakReset ? after.peak : null,
				sampledMaxRssMb: sampled.maxMb,
				samples: sampled.samples,
				rssAfterMb: after.rss,
				goal: `peak <= ${GOAL_PEAK_MB} (every video uploaded)`,
				met: peak <= GOAL_PEAK_MB && uploaded === JOBS,
			};
		},
	);
}
