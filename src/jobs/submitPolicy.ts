import type { ProviderError } from "../errors.js";
import { provesNoTask } from "../errors.js";
import type { ProviderRegistry } from "../providers/registry.js";
import type { ProviderAdapter } from "../providers/types.js";
import { capabilityProblem } from "./capabilities.js";
import type { Job } from "./job.js";

/** With a fallback configured, a rate-limited submit tries this often before it moves over. */
export const RATE_LIMIT_RETRIES_BEFORE_FAILOVER = 3;
const MAX_RATE_LIMIT_WAIT_MS = 60_000;

/**
 * The fallback provider for a job its first provider provably did not start, if it may go there:
 * once, never for an extension (only its own provider knows the clip), never to a provider held
 * for its account or one that cannot do the request.
 */
export function fallbackFor(
	registry: ProviderRegistry,
	job: Job,
	from: ProviderAdapter,
	error: ProviderError,
	now: number,
): ProviderAdapter | undefined {
	const fallback = registry.fallback;
	if (!fallback || fallback.name === from.name || job.failover) return undefined;
	if (!provesNoTask(error.code)) return undefined;
	if (error.code === "too_many_requests" && job.attempts <= RATE_LIMIT_RETRIES_BEFORE_FAILOVER)
		return undefined;
	if (job.kind === "extend") return undefined;
	if (registry.heldFor(fallback.name, now)) return undefined;
	if (capabilityProblem(fallback, job)) return undefined;
	return fallback;
}

/**
 * When a rate-limited job should be sent again: the provider's `retry-after`, else a jittered
 * exponential backoff; undefined when that is too late for the job to start within its timeout.
 */
export function rateLimitRetryAt(
	job: Job,
	error: ProviderError,
	now: number,
	timeoutMs: number,
): number | undefined {
	const backoff = Math.min(MAX_RATE_LIMIT_WAIT_MS, 1000 * 2 ** Math.max(0, job.attempts - 1));
	const wait = error.retryAfterMs ?? backoff * (0.5 + Math.random() / 2);
	const at = now + Math.max(250, wait);
	return at < job.createdAt + timeoutMs ? at : undefined;
}
