interface Waiter<T> {
	predicate: (item: T) => boolean;
	resolve: (item: T) => void;
	reject: (error: Error) => void;
	timer: NodeJS.Timeout;
}

/** Promises that resolve when an item matching a predicate shows up. */
export class Waiters<T> {
	readonly #waiting = new Set<Waiter<T>>();

	/** Checks `existing` first, then waits for `notify`. */
	wait(
		predicate: (item: T) => boolean,
		existing: Iterable<T>,
		timeoutMs: number,
		description: string,
	): Promise<T> {
		for (const item of existing) if (predicate(item)) return Promise.resolve(item);
		return new Promise<T>((resolve, reject) => {
			const waiter: Waiter<T> = {
				predicate,
				resolve,
				reject,
				timer: setTimeout(() => {
					this.#waiting.delete(waiter);
					reject(new Error(`fake discord: timed out after ${timeoutMs} ms waiting for ${description}`));
				}, timeoutMs),
			};
			this.#waiting.add(waiter);
		});
	}

	notify(item: T): void {
		if (this.#waiting.size === 0) return;
		for (const waiter of this.#waiting) {
			let matched = false;
			try {
				matched = waiter.predicate(item);
			} catch (error) {
				this.#settle(waiter);
				waiter.reject(error instanceof Error ? error : new Error(String(error)));
				continue;
			}
			if (matched) {
				this.#settle(waiter);
				waiter.resolve(item);
			}
		}
	}

	rejectAll(reason: string): void {
		for (const waiter of this.#waiting) {
			this.#settle(waiter);
			waiter.reject(new Error(reason));
		}
	}

	#settle(waiter: Waiter<T>): void {
		clearTimeout(waiter.timer);
		this.#waiting.delete(waiter);
	}
}
