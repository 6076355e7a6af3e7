import type { Clock } from "../clock.js";
import { type Job, transition } from "./job.js";
import type { JobStore } from "./jobStore.js";

/**
 * How long a submit claim holds: it covers the step from claiming to the `submitting` write and
 * the provider call, which the state machine then guards. A process that died after claiming
 * (before that write, so the provider was never called) holds the job back no longer than this.
 */
export const SUBMIT_CLAIM_MS = 60_000;

/** What taking a job for sending came to. */
export type Taken =
	/** This caller moved the job to `submitting` and holds `claim` for this attempt. */
	| { job: Job; claim: string }
	/** Another process holds this attempt's claim: look again once it has lapsed. */
	| { refused: true }
	/** Not queued (sent already, or being sent by another caller here): nothing to do. */
	| undefined;

/**
 * Moves a queued job to `submitting` under this attempt's claim, in one write that also remembers
 * the pending message (`shownIn`). Another process sharing the store may have read the same queued
 * record: only the one that takes the claim sends it. Ownership is known from this call's own
 * change, not from the record `update` returns: that is handed back unchanged when the change
 * declines, and a job another caller is sending is `submitting` too.
 */
export async function takeForSending(
	store: Pick<JobStore, "update" | "claim">,
	jobId: string,
	clock: Clock,
	shownIn?: { messageId: string },
): Promise<Taken> {
	let claim: string | undefined;
	let refused = false;
	const job = await store.update(jobId, async (current) => {
		if (current.state !== "queued") return undefined;
		const attempts = current.attempts + 1;
		const key = `submit:${jobId}:${attempts}`;
		if (!(await store.claim(key, SUBMIT_CLAIM_MS))) {
			refused = true;
			return undefined;
		}
		claim = key;
		return transition(current, "submitting", clock(), {
			attempts,
			retryAt: undefined,
			...(shownIn && { messageId: shownIn.messageId, shown: current.shown ?? "pending:queued" }),
		});
	});
	if (refused) return { refused: true };
	return claim !== undefined && job?.state === "submitting" ? { job, claim } : undefined;
}
