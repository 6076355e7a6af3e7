import type Keyv from "keyv";
import type { Logger } from "../logger.js";
import type { Claims } from "../store/claims.js";
import { KeyedMutex } from "../util/keyedMutex.js";
import { isTerminal, type Job, jobSchema } from "./job.js";
import type { JobIndex } from "./jobIndex.js";

/** A job still needs the bot's attention until it has finished and its outcome is shown. */
export function needsAttention(job: Job): boolean {
	return !isTerminal(job) || job.deliveredAt === undefined;
}

/** Several processes share the store: what they need to keep each step to one of them. */
export interface SharedJobs {
	claims: Claims;
	/** This process, as claims name it. */
	owner: string;
	/** Whether this process serves the job (its guild is on one of this process's shards). */
	owns(job: Pick<Job, "guildId">): boolean;
}

/**
 * Job records in their own namespace, plus an index namespace of the jobs that still need
 * attention, so a start reads those few instead of every job ever made. Active jobs are also
 * cached in memory (write-through) so the poller's tick costs no store reads.
 */
export class JobStore {
	readonly #jobs: Keyv<Job>;
	readonly #activeIndex: Keyv<number>;
	readonly #logger: Logger;
	readonly #active = new Map<string, Job>();
	readonly #mutex = new KeyedMutex();

	readonly #index: JobIndex | undefined;

	readonly #finished = new Set<(job: Job) => void>();
	readonly #delivered = new Set<(job: Job) => void>();
	readonly #shared: SharedJobs | undefined;

	constructor(deps: {
		jobs: Keyv<Job>;
		activeIndex: Keyv<number>;
		index?: JobIndex;
		logger: Logger;
		/** Set when other processes share the store. */
		shared?: SharedJobs;
	}) {
		this.#jobs = deps.jobs;
		this.#activeIndex = deps.activeIndex;
		this.#index = deps.index;
		this.#logger = deps.logger;
		this.#shared = deps.shared;
	}

	/**
	 * Takes `key` for this process, so a step that must happen once (a submit, an outcome shown)
	 * cannot run in two processes at the same time. Alone on the store, the job's lock is enough.
	 */
	async claim(key: string, ttlMs: number): Promise<boolean> {
		if (!this.#shared) return true;
		return this.#shared.claims.take(key, this.#shared.owner, ttlMs);
	}

	/** Lets go of a claim taken with `claim`. */
	async release(key: string): Promise<void> {
		if (this.#shared) await this.#shared.claims.release(key, this.#shared.owner);
	}

	/** Whether this process serves the job (always, alone on the store). */
	owns(job: Pick<Job, "guildId">): boolean {
		return this.#shared?.owns(job) ?? true;
	}

	/**
	 * Calls `listener` once per job, right after the write that moves it into a terminal state
	 * (the state machine allows that move only once).
	 */
	onFinished(listener: (job: Job) => void): void {
		this.#finished.add(listener);
	}

	/** Calls `listener` once per job, right after the write that records its outcome as shown. */
	onDelivered(listener: (job: Job) => void): void {
		this.#delivered.add(listener);
	}

	/** Finds a job by the message that shows it or by the provider's video id. */
	async find(ref: { messageId: string } | { videoId: string }): Promise<Job | undefined> {
		if (!this.#index) return undefined;
		const id =
			"messageId" in ref
				? await this.#index.byMessage(ref.messageId)
				: await this.#index.byVideoId(ref.videoId);
		return id ? this.get(id) : undefined;
	}

	/** Reads the active index into memory, this process's jobs only; call once at start. */
	async load(): Promise<Job[]> {
		this.#active.clear();
		if (!this.#activeIndex.iterator) throw new Error("the store cannot list keys");
		const ids: string[] = [];
		for await (const [id] of this.#activeIndex.iterator(undefined)) ids.push(String(id));
		for (const id of ids) {
			const job = await this.get(id);
			if (!job || !needsAttention(job)) await this.#activeIndex.delete(id);
			else if (this.owns(job)) this.#active.set(job.id, job);
		}
		return [...this.#active.values()];
	}

	/** The cached record of an active job, read without waiting for its lock. */
	peek(id: string): Job | undefined {
		return this.#active.get(id);
	}

	active(): Job[] {
		return [...this.#active.values()];
	}

	async get(id: string): Promise<Job | undefined> {
		return this.#active.get(id) ?? this.#read(id);
	}

	/** The stored record, which the cache then follows (another process may have moved the job on). */
	async #fresh(id: string): Promise<Job | undefined> {
		const job = await this.#read(id);
		if (job && this.#active.has(id)) {
			if (needsAttention(job)) this.#active.set(id, job);
			else this.#active.delete(id);
		}
		return job;
	}

	async #read(id: string): Promise<Job | undefined> {
		const raw = await this.#jobs.get(id);
		if (raw === undefined) return undefined;
		const parsed = jobSchema.safeParse(raw);
		if (!parsed.success) {
			this.#logger.error({ jobId: id, issues: parsed.error.issues.slice(0, 3) }, "unreadable job record");
			return undefined;
		}
		return parsed.data;
	}

	async create(job: Job): Promise<Job> {
		return this.#mutex.run(job.id, () => this.#write(job, undefined));
	}

	/**
	 * Applies `change` to the current record under the job's lock and saves the result.
	 * Returning `undefined` from `change` leaves the record as it is. `change` may be slow (a
	 * Discord call), but must not update the same job itself: that would wait on its own lock.
	 */
	async update(
		id: string,
		change: (job: Job) => Job | undefined | Promise<Job | undefined>,
	): Promise<Job | undefined> {
		return this.#mutex.run(id, async () => {
			// Another process may have changed the record since it was cached here.
			const current = this.#shared ? await this.#fresh(id) : await this.get(id);
			if (!current) return undefined;
			const next = await change(current);
			if (!next || next === current) return current;
			return this.#write(next, current);
		});
	}

	async #write(job: Job, before: Job | undefined): Promise<Job> {
		// Record and index are on separate connections, so both writes go at once. The index entry
		// is added only when the job is created, and creation finishes before the job is shown or
		// sent; a finished job left in the index is dropped by the next `load`.
		const writes: Promise<unknown>[] = [this.#jobs.set(job.id, job)];
		if (needsAttention(job)) {
			if (!this.#active.has(job.id)) writes.push(this.#activeIndex.set(job.id, job.createdAt));
			this.#active.set(job.id, job);
		} else {
			this.#active.delete(job.id);
			writes.push(this.#activeIndex.delete(job.id));
		}
		if (this.#index) writes.push(this.#index.record(before, job));
		await Promise.all(writes);
		if (isTerminal(job) && (!before || !isTerminal(before))) this.#tell(this.#finished, job);
		if (job.deliveredAt !== undefined && before?.deliveredAt === undefined) this.#tell(this.#delivered, job);
		return job;
	}

	#tell(listeners: Set<(job: Job) => void>, job: Job): void {
		for (const listener of listeners) {
			try {
				listener(job);
			} catch (error) {
				this.#logger.error({ err: error, jobId: job.id }, "a job listener failed");
			}
		}
	}
}
