import type { Logger } from "../logger.js";
import type { JobPresenter } from "./presenter.js";

/**
 * Shows jobs through the presenter the Discord side passes in: at most one showing per job at a
 * time, failures left for the tracker's next pass, and a drain for shutdown.
 */
export class Delivery {
	readonly #presenter: JobPresenter;
	readonly #logger: Logger;
	readonly #presenting = new Map<string, Promise<void>>();

	constructor(deps: { presenter: JobPresenter; logger: Logger }) {
		this.#presenter = deps.presenter;
		this.#logger = deps.logger;
	}

	/** Shows the job's state; a failure here is retried by the tracker's next pass. */
	async present(jobId: string): Promise<void> {
		try {
			await this.#presenter.present(jobId);
		} catch (error) {
			this.#logger.warn({ err: error, jobId }, "showing a job failed; will retry");
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
