import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import type { Delivery } from "./delivery.js";
import { transition } from "./job.js";
import type { JobEngine } from "./jobEngine.js";
import type { JobStore } from "./jobStore.js";

/**
 * Picks up after a restart, before any new interaction is taken: queued jobs are sent (they never
 * were; a rate-limited one at its time), a job caught while being sent is failed honestly rather
 * than sent twice, and outcomes that were not shown yet are shown.
 */
export async function recoverJobs(deps: {
	store: JobStore;
	engine: JobEngine;
	delivery: Delivery;
	clock: Clock;
	logger: Logger;
}): Promise<void> {
	const { store, engine, delivery, logger } = deps;
	const loaded = await store.load();
	const now = deps.clock();
	for (const job of loaded) {
		if (job.state === "queued" && job.messageId === undefined) {
			// The pending message was never confirmed, so the requester may have seen the command
			// fail: starting it now could charge for a video nobody expects.
			await store.update(job.id, (current) =>
				transition(current, "failed", now, { error: { code: "interrupted_before_start" } }),
			);
		}
		if (job.state === "submitting") {
			await store.update(job.id, (current) =>
				transition(current, "failed", now, { error: { code: "interrupted_while_submitting" } }),
			);
			logger.warn({ jobId: job.id }, "job interrupted while submitting; not resent");
		}
	}
	logger.info({ jobs: loaded.length }, "jobs recovered");
	for (const job of store.active()) {
		if (job.state === "queued" && job.retryAt !== undefined && job.retryAt > now)
			engine.submitAt(job.id, job.retryAt);
		else if (job.state === "queued") await engine.submit(job.id);
		else await delivery.present(job.id);
	}
}
