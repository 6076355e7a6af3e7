import { JOB_ID_PATTERN } from "./job.js";
import type { Logger } from "../logger.js";
import { isProviderName } from "../providers/names.js";
import type { ProviderRegistry } from "../providers/registry.js";
import type { CallbackTokens } from "./callbackTokens.js";
import type { JobEngine } from "./jobEngine.js";
import type { JobStore } from "./jobStore.js";

/** The answer of a process that does not serve the job (421 Misdirected Request): its owner will. */
export const NOT_MINE = 421;

/**
 * Takes a provider's push about one job: the path names the provider and the job and carries the
 * job's token; the body must be the provider's documented shape about the job's own task. Checks
 * cost nothing but a store read; the job is then finished through the poller's own code, without
 * waiting, so the provider gets its 2xx at once. Repeats change nothing.
 */
export function createCallbackIntake(deps: {
	store: JobStore;
	engine: JobEngine;
	registry: ProviderRegistry;
	tokens: CallbackTokens;
	logger: Logger;
}): (request: { provider: string; jobId: string; token: string; body: unknown }) => Promise<number> {
	return async ({ provider, jobId, token, body }) => {
		if (!isProviderName(provider) || !JOB_ID_PATTERN.test(jobId)) return 404;
		if (!deps.tokens.verify(jobId, token)) return 403;
		const adapter = deps.registry.get(provider);
		const job = await deps.store.get(jobId);
		if (!adapter?.parseCallback || job?.provider !== provider) return 404;
		// Jobs change only in the process that serves their server (several shards on one store).
		if (!deps.store.owns(job)) return NOT_MINE;
		const status = adapter.parseCallback(body);
		if (!status) return 400;
		// Sent before the task id was saved: the poller picks the result up on its next pass.
		if (!job.taskId) return 409;
		if (status.taskId !== job.taskId) {
			deps.logger.warn({ jobId, provider }, "callback for another task refused");
			return 422;
		}
		void deps.engine
			.applyStatus(jobId, status)
			.catch((error: unknown) => deps.logger.error({ err: error, jobId }, "applying a callback failed"));
		return 200;
	};
}
