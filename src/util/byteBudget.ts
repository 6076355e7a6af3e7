/**
 * Lets work run while the bytes it holds fit in a fixed budget; the rest waits in arrival order.
 * A piece larger than the whole budget runs alone. Bytes are taken when a waiter is let in, not
 * when it resumes, so no caller can slip into the gap between the two.
 */
export class ByteBudget {
	readonly capacity: number;
	#available: number;
	readonly #waiting: { bytes: number; resume: () => void }[] = [];

	constructor(capacity: number) {
		this.capacity = capacity;
		this.#available = capacity;
	}

	/** Bytes taken by work that is running now. */
	get inUse(): number {
		return this.capacity - this.#available;
	}

	/**
	 * Takes `bytes` now if they fit and nobody is waiting, and returns what gives them back (call
	 * it once); undefined when they do not fit, and nothing is taken.
	 */
	tryTake(bytes: number): (() => void) | undefined {
		const need = Math.max(0, bytes);
		if (this.#waiting.length > 0 || need > this.#available) return undefined;
		this.#available -= need;
		let given = false;
		return () => {
			if (given) return;
			given = true;
			this.#available += need;
			this.#admit();
		};
	}

	async run<T>(bytes: number, work: () => Promise<T>): Promise<T> {
		const need = Math.max(0, Math.min(bytes, this.capacity));
		if (this.#waiting.length === 0 && need <= this.#available) this.#available -= need;
		else await new Promise<void>((resume) => this.#waiting.push({ bytes: need, resume }));
		try {
			return await work();
		} finally {
			this.#available += need;
			this.#admit();
		}
	}

	#admit(): void {
		for (let first = this.#waiting[0]; first && first.bytes <= this.#available; first = this.#waiting[0]) {
			this.#waiting.shift();
			this.#available -= first.bytes;
			first.resume();
		}
	}
}
