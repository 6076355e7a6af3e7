/**
 * Keeps work that can wait out of the way of interactions still waiting for their first answer.
 * Each interaction is `received` and then `answered`; `settled()` resolves once none is waiting,
 * or at the latest `maxWaitMs` after it was called, so steady traffic delays the waiting work a
 * little and never holds it. An interaction whose answer was never seen stops counting after
 * Discord's own deadline.
 *
 * A burst of a hundred commands reaches the bot within a few milliseconds, and their answers take
 * a while longer to go out: store writes, provider calls and poll passes run in between otherwise,
 * and every answer still to go waits for them. A burst also arrives in pieces, so "none waiting"
 * counts only once `quietMs` have passed without a new interaction: otherwise the work held back
 * would start between two pieces and delay the answers of the next.
 */
export class AnswersFirst {
	readonly #maxWaitMs: number;
	readonly #quietMs: number;
	readonly #expireMs: number;
	readonly #now: () => number;
	/** Interactions waiting for their first answer, by id, with when they came. */
	readonly #waiting = new Map<string, number>();
	#settled: { promise: Promise<void>; resolve: () => void } | undefined;
	#expiry: NodeJS.Timeout | undefined;
	#lastReceived = Number.NEGATIVE_INFINITY;
	#quietTimer: NodeJS.Timeout | undefined;

	constructor(options: { maxWaitMs: number; quietMs?: number; expireMs?: number; now?: () => number }) {
		this.#maxWaitMs = options.maxWaitMs;
		this.#quietMs = options.quietMs ?? 0;
		this.#expireMs = options.expireMs ?? 3_000;
		this.#now = options.now ?? (() => performance.now());
	}

	received(interactionId: string): void {
		this.#lastReceived = this.#now();
		this.#waiting.set(interactionId, this.#lastReceived);
		// An answer that never came (its request failed) must not hold work back for good.
		this.#expiry ??= setTimeout(() => this.#expire(), this.#expireMs);
		this.#expiry.unref();
	}

	answered(interactionId: string): void {
		if (this.#waiting.delete(interactionId) && this.#waiting.size === 0) this.#wakeWhenQuiet();
	}

	/** How many interactions are waiting for their first answer. */
	get waiting(): number {
		return this.#waiting.size;
	}

	/** `maxWaitMs`: this caller's own longest wait, when shorter than the usual one. */
	settled(maxWaitMs = this.#maxWaitMs): Promise<void> {
		if (this.#waiting.size === 0 && this.#quietFor() <= 0) return Promise.resolve();
		if (!this.#settled) {
			let resolve!: () => void;
			const promise = new Promise<void>((done) => {
				resolve = done;
			});
			this.#settled = { promise, resolve };
		}
		if (this.#waiting.size === 0) this.#wakeWhenQuiet();
		let deadline: NodeJS.Timeout | undefined;
		return Promise.race([
			this.#settled.promise,
			new Promise<void>((resolve) => {
				deadline = setTimeout(resolve, Math.min(maxWaitMs, this.#maxWaitMs));
			}),
		]).finally(() => clearTimeout(deadline));
	}

	/** How much longer until `quietMs` have passed since the last interaction came. */
	#quietFor(): number {
		return this.#quietMs - (this.#now() - this.#lastReceived);
	}

	#wakeWhenQuiet(): void {
		const left = this.#quietFor();
		if (left <= 0) {
			this.#wake();
			return;
		}
		this.#quietTimer ??= setTimeout(() => {
			this.#quietTimer = undefined;
			if (this.#waiting.size === 0) this.#wakeWhenQuiet();
		}, left);
		this.#quietTimer.unref();
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
		if (this.#waiting.size === 0) this.#wakeWhenQuiet();
		else this.#expiry = setTimeout(() => this.#expire(), this.#expireMs).unref();
	}
}
