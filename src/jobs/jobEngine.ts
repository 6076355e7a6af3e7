import type { Clock } from "../clock.js";
import { isAccountProblem, ProviderError, type ProviderErrorCode } from "../errors.js";
import type { Logger } from "../logger.js";
import type { ProviderName } from "../providers/names.js";
import type { ProviderRegistry } from "../providers/registry.js";
import type { TaskStatus } from "../providers/types.js";
import { applyStatus } from "./applyStatus.js";
import { chainLinks, type ExtendSource } from "./chain.js";
import type { Delivery } from "./delivery.js";
import type { JobEvents } from "./events.js";
import { type Job, newJobId, newJobRecord, type NewJob, transition } from "./job.js";
import type { JobStore } from "./jobStore.js";
import { toGenerateRequest } from "./providerRequest.js";
import { fallbackFor, rateLimitRetryAt } from "./submitPolicy.js";
import { SUBMIT_CLAIM_MS, takeForSending } from "./takeForSending.js";

export type { NewJob } from "./job.js";

/**
 * Runs a job through its life with the provider that owns it: queued -> submitting ->
 * submitted -> succeeded | failed. A rate-limited submit goes back to queued and is tried again
 * later; one the provider provably did not start may move to the fallback provider once.
 */
export class JobEngine {
	readonly #store: JobStore;
	readonly #registry: ProviderRegistry;
	readonly #delivery: Delivery;
	readonly #events: JobEvents;
	readonly #clock: Clock;
	readonly #logger: Logger;
	readonly #timeoutMs: number;
	readonly #userRef: (userId: string) => string;
	readonly #callbackUrl: ((provider: ProviderName, jobId: string) => string | undefined) | undefined;
	readonly #retries = new Map<string, NodeJS.Timeout>();
	readonly #submitting = new Set<Promise<void>>();
	#stopped = false;

	constructor(deps: {
		store: JobStore;
		registry: ProviderRegistry;
		delivery: Delivery;
		events: JobEvents;
		clock: Clock;
		logger: Logger;
		/** A job not finished this long after it was made fails (submit retries stop before). */
		timeoutMs: number;
		/** The opaque id providers get for a requester (a keyed hash). */
		userRef: (userId: string) => string;
		/** Where a provider that can push results sends this job's (unset: no callbacks). */
		callbackUrl?: (provider: ProviderName, jobId: string) => string | undefined;
	}) {
		this.#store = deps.store;
		this.#registry = deps.registry;
		this.#delivery = deps.delivery;
		this.#events = deps.events;
		this.#clock = deps.clock;
		this.#logger = deps.logger;
		this.#timeoutMs = deps.timeoutMs;
		this.#userRef = deps.userRef;
		this.#callbackUrl = deps.callbackUrl;
	}

	/** An id for a job about to be created (quota reservations are made under it first). */
	newId(): string {
		return newJobId(this.#clock());
	}

	/** Drafts and stores a job at once (a request's start drafts first, to answer before the write). */
	async create(input: NewJob & { source?: ExtendSource; rootUrl?: string }): Promise<Job> {
		return this.save(this.draft(input), input.source);
	}

	/**
	 * A new job's record, in memory only (nothing is stored until `save`); an extension of
	 * `source` also records its parent and its place in the chain.
	 */
	draft(input: NewJob & { source?: ExtendSource; rootUrl?: string }): Job {
		const { source, rootUrl, ...rest } = input;
		const job = newJobRecord(rest, this.#clock());
		return source ? { ...job, kind: "extend", ...chainLinks(source, rootUrl) } : job;
	}

	/** Stores a drafted job; an extension's parent lists it as a child. */
	async save(job: Job, source?: ExtendSource): Promise<Job> {
		const created = await this.#store.create(job);
		if (source && "job" in source) {
			const childId = created.id;
			await this.#store.update(source.job.id, (parent) => ({
				...parent,
				children: [...(parent.children ?? []), childId],
			}));
		}
		return created;
	}

	/** The pending message could not be posted: nothing was sent, so the job just ends quietly. */
	async abandon(jobId: string): Promise<void> {
		const now = this.#clock();
		await this.#store.update(jobId, (job) =>
			transition(job, "failed", now, {
				error: { code: "not_started" },
				deliveredAt: now,
				interaction: undefined,
			}),
		);
	}

	/**
	 * Marks a finished clip deleted: it leaves the autocomplete list and can't be extended. Returns
	 * the job when this call marked it, undefined when it was deleted already (or is unknown).
	 */
	async markDeleted(jobId: string, userId: string): Promise<Job | undefined> {
		const now = this.#clock();
		let marked = false;
		const job = await this.#store.update(jobId, (current) => {
			if (current.deletedAt) return undefined;
			marked = true;
			return { ...current, deletedAt: now, deletedBy: userId, updatedAt: now };
		});
		return marked ? job : undefined;
	}

	/** Sends a queued job to its provider exactly once; `shownIn` is its freshly posted pending message. */
	submit(jobId: string, shownIn?: { messageId: string }): Promise<void> {
		const task = this.#submit(jobId, shownIn).finally(() => this.#submitting.delete(task));
		this.#submitting.add(task);
		return task;
	}

	/** Submits a rate-limited job again at `at` (also after a restart). */
	submitAt(jobId: string, at: number): void {
		if (this.#stopped || this.#retries.has(jobId)) return;
		const timer = setTimeout(
			() => {
				this.#retries.delete(jobId);
				void this.submit(jobId);
			},
			Math.max(0, at - this.#clock()),
		);
		timer.unref();
		this.#retries.set(jobId, timer);
	}

	async #submit(jobId: string, shownIn?: { messageId: string }): Promise<void> {
		if (this.#stopped) return;
		const taken = await takeForSending(this.#store, jobId, this.#clock, shownIn);
		if (taken && "refused" in taken) {
			// Look again once the claim has lapsed: by then the other process has sent it, or died
			// before it could (and the job is still queued, never sent).
			this.submitAt(jobId, this.#clock() + SUBMIT_CLAIM_MS);
			return;
		}
		if (!taken) return;
		let { job } = taken;
		// A process stalled past its claim must not send what another has taken over meanwhile.
		if (!(await this.#store.claim(taken.claim, SUBMIT_CLAIM_MS))) {
			this.#logger.warn({ jobId }, "lost the claim to submit a job; another process sends it");
			return;
		}

		for (;;) {
			const adapter = this.#registry.get(job.provider);
			if (!adapter) {
				await this.#fail(job.id, { code: "provider_not_configured", params: { provider: job.provider } });
				return;
			}
			let error: unknown;
			try {
				const callbackUrl = adapter.capabilities.callbacks
					? this.#callbackUrl?.(adapter.name, job.id)
					: undefined;
				const request = {
					...toGenerateRequest(job, this.#userRef(job.userId)),
					...(callbackUrl && { callbackUrl }),
				};
				const { taskId } = await adapter.submit(request);
				const submitted = await this.#store.update(job.id, (current) =>
					transition(current, "submitted", this.#clock(), {
						taskId,
						progress: "queued",
						...(callbackUrl && { callback: true }),
					}),
				);
				this.#logger.info({ jobId, provider: adapter.name, taskId }, "job submitted");
				if (submitted) this.#events.emit("submitted", { job: submitted });
				await this.#delivery.present(jobId);
				return;
			} catch (caught) {
				error = caught;
			}
			const code = error instanceof ProviderError ? error.code : "internal";
			this.#logger[code === "internal" ? "error" : "warn"](
				{ err: error, jobId, provider: adapter.name, attempt: job.attempts },
				"submitting a job failed",
			);
			if (error instanceof ProviderError && isAccountProblem(error.code))
				this.#accountProblem(job, adapter.name, error.code);
			const fallback =
				error instanceof ProviderError
					? fallbackFor(this.#registry, job, adapter, error, this.#clock())
					: undefined;
			if (fallback) {
				this.#logger.warn(
					{ jobId, from: adapter.name, to: fallback.name, code },
					"job moved to the fallback provider",
				);
				const moved = await this.#store.update(job.id, (current) => ({
					...current,
					provider: fallback.name,
					failover: { from: adapter.name, code },
					updatedAt: this.#clock(),
				}));
				if (!moved) return;
				job = moved;
				continue;
			}
			if (
				error instanceof ProviderError &&
				error.code === "too_many_requests" &&
				(await this.#requeue(job, error))
			)
				return;
			await this.#fail(job.id, { code });
			return;
		}
	}

	/** Puts a rate-limited job back in the queue while it can still start in time. */
	async #requeue(job: Job, error: ProviderError): Promise<boolean> {
		const now = this.#clock();
		const at = rateLimitRetryAt(job, error, now, this.#timeoutMs);
		if (at === undefined) return false;
		const queued = await this.#store.update(job.id, (current) =>
			current.state === "submitting" ? transition(current, "queued", now, { retryAt: at }) : undefined,
		);
		if (queued?.state !== "queued") return true;
		this.#logger.info({ jobId: job.id, retryInMs: at - now }, "provider rate-limited the submit; waiting");
		this.submitAt(job.id, at);
		return true;
	}

	/** The provider refused the bot's account: new requests skip it for a while, and admins hear of it. */
	#accountProblem(job: Job, provider: ProviderName, code: ProviderErrorCode): void {
		this.#registry.hold(provider, code, this.#clock());
		this.#events.emit("providerProblem", { job, provider, code });
	}

	async #fail(jobId: string, error: NonNullable<Job["error"]>): Promise<void> {
		const now = this.#clock();
		const failed = await this.#store.update(jobId, (job) =>
			job.state === "queued" || job.state === "submitting" || job.state === "submitted"
				? transition(job, "failed", now, { error })
				: undefined,
		);
		if (failed?.state === "failed") {
			this.#logger.info({ jobId, code: error.code }, "job failed");
			await this.#delivery.present(jobId);
		}
	}

	/** Applies what the provider said about a submitted task (the poller and callbacks call it). */
	async applyStatus(jobId: string, status: TaskStatus): Promise<void> {
		// Most answers change nothing; those return without waiting for the job's lock, which a
		// Discord edit may be holding.
		const cached = this.#store.peek(jobId);
		if (cached?.state === "submitted" && cached.progress === status.state) return;
		let changed = false;
		const updated = await this.#store.update(jobId, (job) => {
			const next = applyStatus(job, status, this.#clock());
			changed = next !== undefined;
			return next;
		});
		if (!updated || !changed) return;
		if (updated.state !== "submitted")
			this.#logger.info({ jobId, state: updated.state, code: updated.error?.code }, "job finished");
		// A task that failed for the account (credits ran out mid-queue) says the same as a refused submit.
		const code = updated.error?.code;
		if (updated.state === "failed" && isAccountProblem(code))
			this.#accountProblem(updated, updated.provider, code);
		this.#delivery.presentLater(jobId);
	}

	/** Fails a submitted job that has waited longer than the timeout. */
	async expire(jobId: string): Promise<void> {
		const minutes = Math.max(1, Math.round(this.#timeoutMs / 60_000));
		await this.#fail(jobId, { code: "timeout_waiting", params: { minutes } });
	}

	/** Fails a job whose provider is no longer configured: nobody can finish it, and its unit goes back. */
	async failUnconfigured(job: Job): Promise<void> {
		this.#logger.warn({ jobId: job.id, provider: job.provider }, "job's provider is no longer configured");
		await this.#fail(job.id, { code: "provider_not_configured", params: { provider: job.provider } });
	}

	/** Stops retry timers and waits for submits in progress (their writes must land). */
	async stop(): Promise<void> {
		this.#stopped = true;
		for (const timer of this.#retries.values()) clearTimeout(timer);
		this.#retries.clear();
		while (this.#submitting.size > 0) await Promise.allSettled([...this.#submitting]);
	}

	active(): Job[] {
		return this.#store.active();
	}
}
