import type { Clock } from "../clock.js";
import { ProviderError, UserError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { LumaProvider, TaskStatus } from "../providers/types.js";
import { chainLinks, type ExtendSource } from "./chain.js";
import { FAILURE } from "./failureMessages.js";
import { type Job, newJobId, transition } from "./job.js";
import type { JobStore } from "./jobStore.js";
import type { JobPresenter } from "./presenter.js";

export interface NewJob {
	/** Chosen beforehand when a quota unit is reserved under it; made up otherwise. */
	id?: string;
	guildId: string | null;
	channelId: string;
	userId: string;
	interaction?: Job["interaction"];
	attachmentSizeLimit: number;
	request: Job["request"];
}

export type { ExtendSource } from "./chain.js";

/** A 429 on submit means the task was not created, so that one answer may be retried. */
const SUBMIT_RATE_LIMIT_RETRIES = 3;

/** Answers that mean the provider account itself is unusable until an admin acts. */
const ACCOUNT_PROBLEMS = new Set(["invalid_token", "token_expired", "disabled", "used_up"]);
/** How long such an answer turns new requests away before the provider is tried again. */
export const ACCOUNT_PROBLEM_HOLD_MS = 5 * 60_000;

/** Runs a request through its life: queued -> submitting -> submitted -> succeeded | failed. */
export class JobService {
	readonly #store: JobStore;
	readonly #provider: LumaProvider;
	readonly #presenter: JobPresenter;
	readonly #clock: Clock;
	readonly #logger: Logger;
	readonly #sleep: (ms: number) => Promise<void>;
	#accountProblem: { message: string; until: number } | undefined;
	readonly #presenting = new Map<string, Promise<void>>();

	constructor(deps: {
		store: JobStore;
		provider: LumaProvider;
		presenter: JobPresenter;
		clock: Clock;
		logger: Logger;
		sleep?: (ms: number) => Promise<void>;
	}) {
		this.#store = deps.store;
		this.#provider = deps.provider;
		this.#presenter = deps.presenter;
		this.#clock = deps.clock;
		this.#logger = deps.logger;
		this.#sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
	}

	get providerName(): string {
		return this.#provider.name;
	}

	/**
	 * Refuses up front while the provider is known to refuse the bot's account (bad key, no
	 * credits), so nobody waits for a video that cannot be made.
	 */
	assertAvailable(): void {
		const problem = this.#accountProblem;
		if (problem && this.#clock() < problem.until)
			throw new UserError(`The video provider is not available: ${problem.message}`);
	}

	async create(input: NewJob): Promise<Job> {
		return this.#store.create(this.#newJob(input));
	}

	/**
	 * Creates an extension of `source`: it records its parent and its place in the chain, and the
	 * parent lists it as a child, so a chain can be walked both ways.
	 */
	async createExtension(input: NewJob & { source: ExtendSource; rootUrl?: string }): Promise<Job> {
		const { source, rootUrl, ...rest } = input;
		const created = await this.#store.create({
			...this.#newJob(rest),
			kind: "extend",
			...chainLinks(source, rootUrl),
		});
		if ("job" in source) {
			const childId = created.id;
			await this.#store.update(source.job.id, (parent) => ({
				...parent,
				children: [...(parent.children ?? []), childId],
			}));
		}
		return created;
	}

	/** An id for a job about to be created (quota reservations are made under it first). */
	newId(): string {
		return newJobId(this.#clock());
	}

	/** Marks a finished clip deleted: it leaves the autocomplete list and can't be extended. */
	async markDeleted(jobId: string, userId: string): Promise<Job | undefined> {
		const now = this.#clock();
		return this.#store.update(jobId, (job) =>
			job.deletedAt ? undefined : { ...job, deletedAt: now, deletedBy: userId, updatedAt: now },
		);
	}

	#newJob(input: NewJob): Job {
		const now = this.#clock();
		const { id, ...rest } = input;
		return {
			id: id ?? newJobId(now),
			kind: "generate",
			...rest,
			provider: this.#provider.name,
			state: "queued",
			attempts: 0,
			createdAt: now,
			updatedAt: now,
		};
	}

	/** The pending message could not be posted: nothing was sent, so the job just ends quietly. */
	async abandon(jobId: string): Promise<void> {
		const now = this.#clock();
		await this.#store.update(jobId, (job) =>
			transition(job, "failed", now, {
				error: { code: "not_started", message: FAILURE.interruptedBeforeStart },
				deliveredAt: now,
				interaction: undefined,
			}),
		);
	}

	/** Sends a queued job to the provider exactly once; `shownIn` is its freshly posted pending message. */
	async submit(jobId: string, shownIn?: { messageId: string }): Promise<void> {
		// One write both remembers the pending message and claims the job for sending.
		const claimed = await this.#store.update(jobId, (job) =>
			job.state === "queued"
				? transition(job, "submitting", this.#clock(), {
						attempts: job.attempts + 1,
						...(shownIn && { messageId: shownIn.messageId, shown: job.shown ?? "pending:queued" }),
					})
				: undefined,
		);
		if (claimed?.state !== "submitting") return;

		let outcome: { taskId: string } | { error: { code: string; message: string } };
		try {
			outcome = await this.#submitWithRateLimitRetry(claimed);
		} catch (error) {
			this.#logger.error({ err: error, jobId }, "submitting a job failed");
			if (error instanceof ProviderError && ACCOUNT_PROBLEMS.has(error.code)) {
				this.#accountProblem = { message: error.userMessage, until: this.#clock() + ACCOUNT_PROBLEM_HOLD_MS };
			}
			outcome =
				error instanceof ProviderError
					? { error: { code: error.code, message: error.userMessage } }
					: { error: { code: "internal", message: FAILURE.internal } };
		}

		const now = this.#clock();
		await this.#store.update(jobId, (job) =>
			"taskId" in outcome
				? transition(job, "submitted", now, { taskId: outcome.taskId, progress: "queued" })
				: transition(job, "failed", now, { error: outcome.error }),
		);
		this.#logger.info(
			{ jobId, ...("taskId" in outcome ? { taskId: outcome.taskId } : { error: outcome.error.code }) },
			"job submitted",
		);
		await this.present(jobId);
	}

	async #submitWithRateLimitRetry(job: Job): Promise<{ taskId: string }> {
		const { prompt, aspectRatio, loop, enhance, startFrame, endFrame } = job.request;
		const request = {
			prompt,
			...(aspectRatio !== undefined && { aspectRatio }),
			...(loop !== undefined && { loop }),
			...(enhance !== undefined && { enhance }),
			...(startFrame && { startImageUrl: startFrame.url }),
			...(endFrame && { endImageUrl: endFrame.url }),
			...(job.parent && {
				extend: job.parent.videoId ? { videoId: job.parent.videoId } : { videoUrl: job.parent.videoUrl! },
			}),
		};
		for (let attempt = 0; ; attempt++) {
			try {
				return await this.#provider.submit(request);
			} catch (error) {
				const rateLimited = error instanceof ProviderError && error.code === "too_many_requests";
				if (!rateLimited || attempt >= SUBMIT_RATE_LIMIT_RETRIES) throw error;
				await this.#sleep(1000 * 2 ** attempt * (0.5 + Math.random()));
			}
		}
	}

	/**
	 * Applies what the provider said about a submitted task. Most answers change nothing; those
	 * return without waiting for the job's lock, which a Discord edit may be holding.
	 */
	async applyStatus(jobId: string, status: TaskStatus): Promise<void> {
		const cached = this.#store.peek(jobId);
		if (cached?.state === "submitted" && cached.progress === status.state) return;
		const now = this.#clock();
		let changed = false;
		const updated = await this.#store.update(jobId, (job) => {
			if (job.state !== "submitted") return undefined;
			changed = true;
			if (status.state === "succeeded") {
				if (!status.videoUrl) {
					return transition(job, "failed", now, { error: { code: "no_output", message: FAILURE.noOutput } });
				}
				return transition(job, "succeeded", now, {
					result: {
						videoUrl: status.videoUrl,
						...(status.videoId && { videoId: status.videoId }),
						...(status.thumbnailUrl && { thumbnailUrl: status.thumbnailUrl }),
						...(status.width && { width: status.width }),
						...(status.height && { height: status.height }),
					},
				});
			}
			if (status.state === "failed") {
				const failure = status.failure ?? {
					code: "failed",
					userMessage: "The provider could not make this video. Try again.",
				};
				return transition(job, "failed", now, {
					error: { code: failure.code, message: failure.userMessage },
				});
			}
			if (job.progress === status.state) {
				changed = false;
				return undefined;
			}
			return { ...job, progress: status.state, updatedAt: now };
		});
		if (updated && changed) {
			if (updated.state !== "submitted")
				this.#logger.info({ jobId, state: updated.state, code: updated.error?.code }, "job finished");
			this.presentLater(jobId);
		}
	}

	/** Fails a submitted job that has waited longer than `timeoutMs`. */
	async expire(jobId: string, timeoutMs: number): Promise<void> {
		const now = this.#clock();
		const updated = await this.#store.update(jobId, (job) =>
			job.state === "submitted"
				? transition(job, "failed", now, {
						error: { code: "timeout", message: FAILURE.timeout(Math.round(timeoutMs / 60_000)) },
					})
				: undefined,
		);
		if (updated?.state === "failed") {
			this.#logger.warn({ jobId, taskId: updated.taskId }, "job timed out");
			await this.present(jobId);
		}
	}

	/**
	 * Starts showing the job without waiting for it, so a slow upload never holds up tracking
	 * the other jobs. `drain` waits for these at shutdown.
	 */
	presentLater(jobId: string): void {
		// One at a time per job: while Discord is slow, passes must not stack up retries.
		if (this.#presenting.has(jobId)) return;
		const task = this.present(jobId).finally(() => this.#presenting.delete(jobId));
		this.#presenting.set(jobId, task);
	}

	/** Waits for outcomes being shown, so a shutdown does not cut an upload in half. */
	async drain(): Promise<void> {
		while (this.#presenting.size > 0) await Promise.allSettled([...this.#presenting.values()]);
	}

	/** Shows the job's state; a failure here is retried by the poller's next pass. */
	async present(jobId: string): Promise<void> {
		try {
			await this.#presenter.present(jobId);
		} catch (error) {
			this.#logger.warn({ err: error, jobId }, "showing a job failed; will retry");
		}
	}

	active(): Job[] {
		return this.#store.active();
	}
}
