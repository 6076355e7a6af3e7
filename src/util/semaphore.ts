/** Lets at most `limit` callbacks run at once; the rest wait in arrival order. */
export class Semaphore {
	readonly #limit: number;
	#active = 0;
	readonly #waiting: (() => void)[] = [];

	constructor(limit: number) {
		this.#limit = limit;
	}

	async run<T>(work: () => Promise<T>): Promise<T> {
		if (this.#active >= this.#limit) await new Promise<void>((resolve) => this.#waiting.push(resolve));
		this.#active++;
		try {
			return await work();
		} finally {
			this.#active--;
			this.#waiting.shift()?.();
		}
	}
}
