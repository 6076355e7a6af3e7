import type { JobEvents } from "./jobs/events.js";
import { type Job, refundsUnit } from "./jobs/job.js";
import type { Logger } from "./logger.js";
import type { Metrics } from "./metrics/metrics.js";
import type { AuditLog } from "./moderation/auditLog.js";
import type { QuotaService } from "./quota/quotaService.js";

/**
 * What the rest of the bot does when a job moves: its quota unit is released once its outcome is
 * shown (or refunded: a failure not the requester's doing, or an outcome nobody could see), the
 * audit log is told, metrics count it. Returns a drain for the releases still being written.
 */
export function listenToJobs(
	events: JobEvents,
	deps: { quota: QuotaService; audit: AuditLog; metrics: Metrics; logger: Logger },
): { drain(): Promise<void> } {
	const { quota, audit, metrics, logger } = deps;
	const releases = new Set<Promise<void>>();
	const release = (job: Job) => {
		if (!job.guildId) return;
		// An outcome nobody could be shown costs nothing, whatever it was.
		const refund = refundsUnit(job) || job.deliveredVia === "nobody";
		const task = quota
			.release({ guildId: job.guildId, jobId: job.id, refund })
			.catch((error: unknown) => logger.error({ err: error, jobId: job.id }, "releasing a quota unit failed"))
			.finally(() => releases.delete(task));
		releases.add(task);
	};
	// A job holds its slot until its outcome is shown: only then is it known whether anyone saw it.
	events.on("delivered", ({ job }) => release(job));
	events.on("finished", ({ job }) => {
		metrics.jobFinished(job);
		// A job whose pending message never appeared was never started: nothing to report.
		if (job.error?.code !== "not_started") audit.record({ type: "finished", job });
	});
	events.on("accepted", ({ job }) => audit.record({ type: "accepted", job }));
	events.on("deleted", ({ job, by }) => audit.record({ type: "deleted", job, by }));
	events.on("providerProblem", ({ job, provider, code }) => {
		if (job.guildId) audit.record({ type: "provider", guildId: job.guildId, provider, code });
	});
	return {
		async drain() {
			await Promise.allSettled([...releases]);
		},
	};
}
