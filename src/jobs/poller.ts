import type { Clock } from "../clock.js";
import { ProviderError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { LumaProvider } from "../providers/types.js";
import type { JobService } from "./jobService.js";

const MAX_BACKOFF_MS = 5 * 60_000;

export interface PollerOptions {
	intervalMs: number;
	timeoutMs: number;
}

/**
 * The one loop that tracks every submitted job: a pass asks the provider about all of them in
 * batches, fails the ones past the timeout, and re-shows any job whose last view did not get
 * through. Passes never overlap: the next is scheduled only when one has finished.
 */
export class Poller {
	readonly #jobs: JobService;
	readonly #provider: LumaProvider;
	readonly #clock: Clock;
	readonly #logger: Logger;
	readonly #options: PollerOptions;
	#timer: NodeJS.Timeout | undefined;
	#running: Promise<void> | undefined;
	#stopped = true;
	#failures = 0;
	#backoffUntil = 0;
	#passes = 0;
	#requests = 0;

	constructor(deps: {
		jobs: JobService;
		provider: LumaProvider;
		clock: Clock;
		logger: Logger;
		options: PollerOptions;
	}) {
		this.#jobs = deps.jobs;
		this.#provider = deps.provider;
		this.#clock = deps.clock;
		this.#logger = deps.logger;
		this.#options = deps.options;
	}

	/** Provider requests and passes made so far (for the benchmark and logs). */
	get stats(): { passes: number; requests: number } {
		return { passes: this.#passes, requests: this.#requests };
	}

	start(): void {
		if (!this.#stopped) return;
		this.#stopped = false;
		this.#schedule(this.#options.intervalMs);
	}

	/** Stops scheduling and waits for a pass in progress to finish its writes. */
	async stop(): Promise<void> {
		this.#stopped = true;
		clearTimeout(this.#timer);
		await this.#running;
	}

	/** Runs one pass now (tests and the benchmark call it directly). */
	async pass(): Promise<void> {
		if (this.#running) return this.#running;
		this.#running = this.#pass().finally(() => {
			this.#running = undefined;
		});
		return this.#running;
	}

	#schedule(delayMs: number): void {
		if (this.#stopped) return;
		this.#timer = setTimeout(() => {
			void this.pass().finally(() => this.#schedule(this.#nextDelay()));
		}, delayMs);
	}

	#nextDelay(): number {
		const wait = Math.max(0, this.#backoffUntil - this.#clock());
		return Math.max(this.#options.intervalMs, wait);
	}

	async #pass(): Promise<void> {
		this.#passes++;
		const now = this.#clock();
		const active = this.#jobs.active();
		const submitted = active.filter((job) => job.state === "submitted");

		for (const job of submitted) {
			if (now - (job.submittedAt ?? job.createdAt) > this.#options.timeoutMs) {
				await this.#guard(job.id, () => this.#jobs.expire(job.id, this.#options.timeoutMs));
			}
		}

		const tracked = submitted.filter((job) => job.taskId && job.provider === this.#provider.name);
		if (tracked.length > 0 && now >= this.#backoffUntil)
			await this.#query(tracked.map((job) => ({ jobId: job.id, taskId: job.taskId! })));

		// Anything finished whose outcome has not been shown yet (Discord was down, say).
		for (const job of this.#jobs.active()) {
			if (job.state === "succeeded" || job.state === "failed") this.#jobs.presentLater(job.id);
		}
	}

	async #query(tasks: { jobId: string; taskId: string }[]): Promise<void> {
		const jobByTask = new Map(tasks.map((task) => [task.taskId, task.jobId]));
		const taskIds = [...jobByTask.keys()];
		for (let offset = 0; offset < taskIds.length; offset += this.#provider.batchSize) {
			const chunk = taskIds.slice(offset, offset + this.#provider.batchSize);
			let statuses: Awaited<ReturnType<LumaProvider["query"]>>;
			try {
				this.#requests++;
				statuses = await this.#provider.query(chunk);
				this.#failures = 0;
			} catch (error) {
				this.#backOff(error);
				return;
			}
			await Promise.all(
				statuses.map((status) => {
					const jobId = jobByTask.get(status.taskId);
					return jobId ? this.#guard(jobId, () => this.#jobs.applyStatus(jobId, status)) : undefined;
				}),
			);
		}
	}

	/** Exponential backoff with full jitter, so many bots do not retry in step. */
	#backOff(error: unknown): void {
		this.#failures++;
		const base = Math.min(MAX_BACKOFF_MS, this.#options.intervalMs * 2 ** (this.#failures - 1));
		const delay = base / 2 + Math.random() * (base / 2);
		this.#backoffUntil = this.#clock() + delay;
		const level = error instanceof ProviderError && error.retryable ? "warn" : "error";
		this.#logger[level](
			{ err: error, failures: this.#failures, retryInMs: Math.round(delay) },
			"polling the provider failed",
		);
	}

	async #guard(jobId: string, work: () => Promise<void>): Promise<void> {
		try {
			await work();
		} catch (error) {
			this.#logger.error({ err: error, jobId }, "poller could not update a job");
		}
	}
}
