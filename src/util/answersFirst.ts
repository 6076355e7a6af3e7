/**
 * Keeps work that can wait out of the way of interactions still waiting for their first answer.
 * Each interaction is `received` and then `answered`; `settled()` resolves once none is waiting,
 * or at the latest `maxWaitMs` after it was called, so steady traffic delays the waiting work a
 * little and never holds it. An interaction whose answer was never seen stops counting after
 * Discord's own deadline.
 *
 * A burst of a hundred commands reaches the bot within a few milliseconds, and their answers take
 * a while longer to go out: store writes, provider calls and poll passes run in between otherwise,
 * and every answer still to go waits for them.
 */
export class AnswersFirst {
	readonly #maxWaitMs: number;
	readonly #expireMs: number;
	readonly #now: () => number;
	/** Interactions waiting for their first answer, by id, with when they came. */
	readonly #waiting = new Map<string, number>();
	#settled: { promise: Promise<void>; resolve: () => void } | undefined;
	#expiry: NodeJS.Timeout | undefined;

	constructor(options: { maxWaitMs: number; expireMs?: number; now?: () => number }) {
		this.#maxWaitMs = options.maxWaitMs;
		this.#expireMs = options.expireMs ?? 3_000;
		this.#now = options.now ?? (() => performance.now());
	}

	received(interactionId: string): void {
		this.#waiting.set(interactionId, this.#now());
		// An answer that never came (its request failed) must not hold work back for good.
		this.#expiry ??= setTimeout(() => this.#expire(), this.#expireMs);
		this.#expiry.unref();
	}

	answered(interactionId: string): void {
		if (this.#waiting.delete(interactionId) && this.#waiting.size === 0) this.#wake();
	}

	/** How many interactions are waiting for their first answer. */
	get waiting(): number {
		return this.#waiting.size;
	}

	/** `maxWaitMs`: this caller's own longest wait, when shorter than the usual one. */
	settled(maxWaitMs = this.#maxWaitMs): Promise<void> {
		if (this.#waiting.size === 0) return Promise.resolve();
		if (!this.#settled) {
			let resolve!: () => void;
			const promise = new Promise<void>((done) => {
				resolve = done;
			});
			this.#settled = { promise, resolve };
		}
		let deadline: NodeJS.Timeout | undefined;
		return Promise.race([
			this.#settled.promise,
			new Promise<void>((resolve) => {
				deadline = setTimeout(resolve, Math.min(maxWaitMs, this.#maxWaitMs));
			}),
		]).finally(() => clearTimeout(deadline));
	}

	#wake(): void {
		const settled = this.#settled;
		this.#settled = undefined;
		settled?.resolve();
	}

	#expire(): void {
		this.#expiry = undefined;
		const before = this.#now() - this.#expireMs;
		for (const [id, at] of this.#waiting) if (at <= before) this.#waiting.delete(id);
		if (this.#waiting.size === 0) this.#wake();
		else this.#expiry = setTimeout(() => this.#expire(), this.#expireMs).unref();
	}
}
