import type { ProviderErrorCode } from "../errors.js";
import type { Logger } from "../logger.js";
import type { ProviderName } from "../providers/names.js";
import type { Job } from "./job.js";

/** What the job engine tells the rest of the bot; quota, the audit log and metrics listen. */
export interface JobEventMap {
	/** A request passed every check and its pending message is up. */
	accepted: { job: Job };
	/** The provider took the job and returned a task id. */
	submitted: { job: Job };
	/** The job reached `succeeded` or `failed` (once per job). */
	finished: { job: Job };
	/** The job's outcome was shown (or, `deliveredVia: "nobody"`, could be shown nowhere), once per job. */
	delivered: { job: Job };
	/** A requester or moderator removed the clip. */
	deleted: { job: Job; by: string };
	/** A provider refused the bot's account (key, credits): admins need to act. */
	providerProblem: { job: Job; provider: ProviderName; code: ProviderErrorCode };
}

type Listener<K extends keyof JobEventMap> = (event: JobEventMap[K]) => void;

/** A small typed emitter: a listener that throws is logged and never breaks the engine. */
export class JobEvents {
	readonly #listeners = new Map<keyof JobEventMap, Set<Listener<never>>>();
	readonly #logger: Logger;

	constructor(logger: Logger) {
		this.#logger = logger;
	}

	on<K extends keyof JobEventMap>(type: K, listener: Listener<K>): void {
		let set = this.#listeners.get(type);
		if (!set) this.#listeners.set(type, (set = new Set()));
		set.add(listener as Listener<never>);
	}

	emit<K extends keyof JobEventMap>(type: K, event: JobEventMap[K]): void {
		for (const listener of this.#listeners.get(type) ?? []) {
			try {
				(listener as Listener<K>)(event);
			} catch (error) {
				this.#logger.error({ err: error, event: type }, "a job event listener failed");
			}
		}
	}
}
