/**
 * Lets at most `limit` callbacks run at once; the rest wait in arrival order. A finishing
 * callback hands its slot straight to the next waiter, so a caller arriving in between cannot
 * take it too.
 */
export class Semaphore {
	readonly #limit: number;
	#active = 0;
	readonly #waiting: (() => void)[] = [];

	constructor(limit: number) {
		this.#limit = limit;
	}

	async run<T>(work: () => Promise<T>): Promise<T> {
		if (this.#active < this.#limit && this.#waiting.length === 0) this.#active++;
		else await new Promise<void>((resolve) => this.#waiting.push(resolve));
		try {
			return await work();
		} finally {
			const next = this.#waiting.shift();
			if (next) next();
			else this.#active--;
		}
	}
}
