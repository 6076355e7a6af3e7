/**
 * Writes of one record per key, coalesced: while a write of a key runs, every later change shares
 * the next one, which reads the record as it is when it starts. A burst of changes to one record
 * costs a couple of writes, not one each, and writes of one key stay in order.
 */
export class CoalescedWrites {
	readonly #write: (key: string) => Promise<void>;
	/** Per key: the write that has not started yet, which will carry every change made before it does. */
	readonly #queued = new Map<string, Promise<void>>();
	/** Per key: the last write scheduled. */
	readonly #last = new Map<string, Promise<void>>();

	readonly #wait: () => Promise<void>;

	/**
	 * `write` stores the key's record as it is at the time it is called. `wait` holds each write
	 * back until it resolves (by default, one turn of the event loop), so that requests arriving a
	 * few at a time over a burst share one write rather than one each per turn.
	 */
	constructor(write: (key: string) => Promise<void>, options: { wait?: () => Promise<void> } = {}) {
		this.#write = write;
		this.#wait = options.wait ?? (() => new Promise<void>((resolve) => setImmediate(resolve)));
	}

	/** Resolves when a write that includes every change made so far has finished. */
	save(key: string): Promise<void> {
		const queued = this.#queued.get(key);
		if (queued) return queued;
		const previous = this.#last.get(key) ?? Promise.resolve();
		// A write starts a turn of the event loop later, not in the next microtask: every change
		// made while the events already received are handled (a burst of requests) shares it, and
		// serializing the record does not sit between those events and their answers.
		const write = previous
			.catch(() => undefined)
			.then(this.#wait)
			.then(async () => {
				this.#queued.delete(key);
				await this.#write(key);
			});
		this.#queued.set(key, write);
		this.#last.set(key, write);
		void write
			.finally(() => {
				if (this.#last.get(key) === write) this.#last.delete(key);
			})
			.catch(() => undefined);
		return write;
	}

	/** The last write of `key` scheduled and not yet finished, if any. */
	pending(key: string): Promise<void> | undefined {
		return this.#last.get(key);
	}
}
