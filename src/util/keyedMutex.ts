/**
 * Runs callbacks one at a time per key, in arrival order. Keyv has no atomic update, so every
 * read-modify-write of one record (a job, a guild's usage) goes through here.
 */
export class KeyedMutex {
	readonly #tails = new Map<string, Promise<unknown>>();

	run<T>(key: string, work: () => Promise<T>): Promise<T> {
		const previous = this.#tails.get(key) ?? Promise.resolve();
		const result = previous.then(work, work);
		const tail = result.catch(() => undefined);
		this.#tails.set(key, tail);
		void tail.then(() => {
			if (this.#tails.get(key) === tail) this.#tails.delete(key);
		});
		return result;
	}

	/** Whether nothing holds or waits for `key` right now. */
	isIdle(key: string): boolean {
		return !this.#tails.has(key);
	}

	get size(): number {
		return this.#tails.size;
	}
}
