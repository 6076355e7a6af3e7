import type { Logger } from "../logger.js";
import type { JobStore } from "./jobStore.js";
import type { JobPresenter } from "./presenter.js";

/**
 * A showing's claim lasts this long and is renewed while the showing runs (a download and upload
 * can take minutes), so a process that dies while showing holds the job back no longer than this.
 */
export const SHOW_CLAIM_MS = 20_000;
const RENEW_EVERY_MS = SHOW_CLAIM_MS / 4;

/**
 * Shows jobs through the presenter the Discord side passes in: at most one showing per job at a
 * time, failures left for the tracker's next pass, and a drain for shutdown.
 */
export class Delivery {
	readonly #presenter: JobPresenter;
	readonly #store: Pick<JobStore, "claim" | "release">;
	readonly #logger: Logger;
	readonly #presenting = new Map<string, Promise<void>>();

	constructor(deps: { presenter: JobPresenter; store: Pick<JobStore, "claim" | "release">; logger: Logger }) {
		this.#presenter = deps.presenter;
		this.#store = deps.store;
		this.#logger = deps.logger;
	}

	/** Shows the job's state; a failure here is retried by the tracker's next pass. */
	async present(jobId: string): Promise<void> {
		// Across processes sharing the store, one shows a job at a time; the other finds it shown.
		const claim = `show:${jobId}`;
		try {
			if (!(await this.#store.claim(claim, SHOW_CLAIM_MS))) {
				this.#logger.debug({ jobId }, "another process is showing this job");
				return;
			}
		} catch (error) {
			this.#logger.warn({ err: error, jobId }, "could not claim a job for showing; will retry");
			return;
		}
		const renew = setInterval(() => {
			this.#store
				.claim(claim, SHOW_CLAIM_MS)
				.catch((error: unknown) => this.#logger.warn({ err: error, jobId }, "could not renew a claim"));
		}, RENEW_EVERY_MS);
		renew.unref();
		try {
			await this.#presenter.present(jobId);
		} catch (error) {
			this.#logger.warn({ err: error, jobId }, "showing a job failed; will retry");
		} finally {
			clearInterval(renew);
			await this.#store
				.release(claim)
				.catch((error: unknown) => this.#logger.warn({ err: error, jobId }, "could not release a claim"));
		}
	}

	/**
	 * Starts showing the job without waiting for it, so a slow upload never holds up tracking
	 * the other jobs. While Discord is slow, passes must not stack up retries of the same job.
	 */
	presentLater(jobId: string): void {
		if (this.#presenting.has(jobId)) return;
		const task = this.present(jobId).finally(() => this.#presenting.delete(jobId));
		this.#presenting.set(jobId, task);
	}

	/** Waits for outcomes being shown, so a shutdown does not cut an upload in half. */
	async drain(): Promise<void> {
		while (this.#presenting.size > 0) await Promise.allSettled([...this.#presenting.values()]);
	}
}
