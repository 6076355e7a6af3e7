import type { Clock } from "../clock.js";
import { ProviderError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { ProviderName } from "../providers/names.js";
import type { ProviderRegistry } from "../providers/registry.js";
import type { ProviderAdapter, TaskStatus } from "../providers/types.js";
import type { Delivery } from "./delivery.js";
import type { Job } from "./job.js";
import type { JobEngine } from "./jobEngine.js";

const MAX_BACKOFF_MS = 5 * 60_000;
/** Queries in flight at once to a provider that answers one task per request. */
export const SINGLE_QUERY_CONCURRENCY = 4;
/** Status requests in flight at once to a provider that answers many tasks per request. */
export const BATCH_QUERY_CONCURRENCY = 4;
/** Past this age (after the first query), a task is asked about three times less often. */
export const SLOW_AFTER_MS = 5 * 60_000;
const SLOW_FACTOR = 3;
/** A task whose provider pushes its result is asked about this many times less often. */
export const CALLBACK_POLL_FACTOR = 6;

export interface PollerOptions {
	intervalMs: number;
	timeoutMs: number;
	/** Overrides each provider's usual minimum before the first query of a task. */
	firstPollDelayMs?: number | undefined;
}

/**
 * The one loop that tracks every submitted job, each with the provider that made it. Batch
 * providers are asked about all their tasks each pass, a chunk per request. Providers that
 * answer one task per request are asked about each task on a schedule by its age (nothing
 * before the provider's usual minimum, then every interval, then slower) with a few queries in
 * flight at once. A provider that answers 429 or 5xx is backed off alone. Passes never overlap.
 */
export class Poller {
	readonly #engine: JobEngine;
	readonly #registry: ProviderRegistry;
	readonly #delivery: Delivery;
	readonly #clock: Clock;
	readonly #logger: Logger;
	readonly #options: PollerOptions;
	readonly #lastQueried = new Map<string, number>();
	readonly #backoff = new Map<ProviderName, { failures: number; until: number; failedAt: number }>();
	/** Counts queries started, so an answer that began before a failure does not end its backoff. */
	#querySeq = 0;
	#timer: NodeJS.Timeout | undefined;
	#running: Promise<void> | undefined;
	#stopped = true;
	#passes = 0;
	#requests = 0;
	readonly #afterAnswers: (() => Promise<void>) | undefined;

	constructor(deps: {
		engine: JobEngine;
		registry: ProviderRegistry;
		delivery: Delivery;
		clock: Clock;
		logger: Logger;
		options: PollerOptions;
		/** A scheduled pass waits for a burst of interactions to be taken in (see AnswersFirst). */
		afterAnswers?: () => Promise<void>;
	}) {
		this.#afterAnswers = deps.afterAnswers;
		this.#engine = deps.engine;
		this.#registry = deps.registry;
		this.#delivery = deps.delivery;
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

	/**
	 * Passes start an interval apart, not an interval after the last one ended: a long pass (many
	 * jobs, a slow provider) must not stretch the time a finished video waits to be noticed. A
	 * pass that outlasts the interval is followed after a quarter of one, never overlapped, so a
	 * slow provider is not asked again back to back.
	 */
	#schedule(delayMs: number): void {
		if (this.#stopped) return;
		this.#timer = setTimeout(async () => {
			const started = Date.now();
			// A pass over hundreds of tasks takes the CPU for a while: members' answers go first.
			await this.#afterAnswers?.();
			if (this.#stopped) return;
			void this.pass().finally(() =>
				this.#schedule(
					Math.max(this.#options.intervalMs / 4, this.#options.intervalMs - (Date.now() - started)),
				),
			);
		}, delayMs);
	}

	async #pass(): Promise<void> {
		this.#passes++;
		const now = this.#clock();
		const byProvider = new Map<ProviderName, Job[]>();
		const submitted = new Set<string>();
		for (const job of this.#engine.active()) {
			if (job.state !== "submitted") continue;
			submitted.add(job.id);
			if (now - (job.submittedAt ?? job.createdAt) > this.#options.timeoutMs) {
				await this.#guard(job.id, () => this.#engine.expire(job.id));
				continue;
			}
			if (!this.#registry.get(job.provider)) {
				await this.#guard(job.id, () => this.#engine.failUnconfigured(job));
				continue;
			}
			if (!job.taskId) continue;
			if (job.callback && !this.#safetyNetDue(job, now)) continue;
			const list = byProvider.get(job.provider) ?? [];
			list.push(job);
			byProvider.set(job.provider, list);
		}
		await Promise.all(
			[...byProvider].map(([name, jobs]) => {
				const adapter = this.#registry.get(name)!;
				if (now < (this.#backoff.get(name)?.until ?? 0)) return undefined;
				return adapter.capabilities.batchSize > 1
					? this.#queryBatches(adapter, jobs)
					: this.#querySingly(adapter, jobs, now);
			}),
		);
		for (const id of this.#lastQueried.keys()) if (!submitted.has(id)) this.#lastQueried.delete(id);

		// Anything finished whose outcome has not been shown yet (Discord was down, say).
		for (const job of this.#engine.active()) {
			if (job.state === "succeeded" || job.state === "failed") this.#delivery.presentLater(job.id);
		}
	}

	/**
	 * Asks about every task, a chunk per request and a few requests at once: one after the other,
	 * a pass over a thousand tasks would take as long as twenty round trips plus their writes, and
	 * a video finished early in the list would wait for the whole pass's tail.
	 */
	async #queryBatches(adapter: ProviderAdapter, jobs: Job[]): Promise<void> {
		const size = adapter.capabilities.batchSize;
		const chunks: Job[][] = [];
		for (let offset = 0; offset < jobs.length; offset += size) chunks.push(jobs.slice(offset, offset + size));
		let next = 0;
		let backedOff = false;
		const worker = async () => {
			while (!backedOff && next < chunks.length) {
				if (!(await this.#query(adapter, chunks[next++]!))) backedOff = true;
			}
		};
		await Promise.all(Array.from({ length: Math.min(BATCH_QUERY_CONCURRENCY, chunks.length) }, worker));
	}

	/** Asks about the tasks that are due, a few at a time, until one answer says to back off. */
	async #querySingly(adapter: ProviderAdapter, jobs: Job[], now: number): Promise<void> {
		// Jobs with callbacks got here through their own (slower) schedule.
		const due = jobs.filter((job) => job.callback || this.#isDue(adapter, job, now));
		let next = 0;
		let backedOff = false;
		const worker = async () => {
			while (!backedOff && next < due.length) {
				const job = due[next++]!;
				this.#lastQueried.set(job.id, now);
				if (!(await this.#query(adapter, [job]))) backedOff = true;
			}
		};
		await Promise.all(Array.from({ length: Math.min(SINGLE_QUERY_CONCURRENCY, due.length) }, worker));
	}

	/** Jobs with callbacks are still asked about, slowly, in case a push was lost. */
	#safetyNetDue(job: Job, now: number): boolean {
		const last = this.#lastQueried.get(job.id) ?? job.submittedAt ?? job.createdAt;
		if (now - last < this.#options.intervalMs * CALLBACK_POLL_FACTOR) return false;
		this.#lastQueried.set(job.id, now);
		return true;
	}

	/** Whether a one-task-per-request provider should be asked about `job` in this pass. */
	#isDue(adapter: ProviderAdapter, job: Job, now: number): boolean {
		const age = now - (job.submittedAt ?? job.createdAt);
		const first = this.#options.firstPollDelayMs ?? adapter.capabilities.firstPollAfterMs;
		if (age < first) return false;
		const last = this.#lastQueried.get(job.id);
		if (last === undefined) return true;
		const interval = this.#options.intervalMs * (age - first > SLOW_AFTER_MS ? SLOW_FACTOR : 1);
		// A little slack so a pass that runs a few ms early does not skip a whole interval.
		return now - last >= interval - Math.min(50, this.#options.intervalMs / 10);
	}

	/** One status request; false when the provider failed and is now backed off. */
	async #query(adapter: ProviderAdapter, jobs: Job[]): Promise<boolean> {
		const jobByTask = new Map(jobs.map((job) => [job.taskId!, job.id]));
		let statuses: TaskStatus[];
		const seq = ++this.#querySeq;
		try {
			this.#requests++;
			statuses = await adapter.query([...jobByTask.keys()]);
			const backoff = this.#backoff.get(adapter.name);
			if (backoff && backoff.failedAt < seq) this.#backoff.delete(adapter.name);
		} catch (error) {
			this.#backOff(adapter.name, error);
			return false;
		}
		await Promise.all(
			statuses.map((status) => {
				const jobId = jobByTask.get(status.taskId);
				return jobId ? this.#guard(jobId, () => this.#engine.applyStatus(jobId, status)) : undefined;
			}),
		);
		return true;
	}

	/** Exponential backoff with full jitter per provider, so one provider's trouble slows only its jobs. */
	#backOff(name: ProviderName, error: unknown): void {
		const failures = (this.#backoff.get(name)?.failures ?? 0) + 1;
		const base = Math.min(MAX_BACKOFF_MS, this.#options.intervalMs * 2 ** (failures - 1));
		const retryAfter = error instanceof ProviderError ? (error.retryAfterMs ?? 0) : 0;
		const delay = Math.max(retryAfter, base / 2 + Math.random() * (base / 2));
		this.#backoff.set(name, { failures, until: this.#clock() + delay, failedAt: this.#querySeq });
		const level = error instanceof ProviderError && error.retryable ? "warn" : "error";
		this.#logger[level](
			{ err: error, provider: name, failures, retryInMs: Math.round(delay) },
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
