/** Discord's epoch (2015-01-01T00:00:00Z) in ms. */
export const DISCORD_EPOCH = 1420070400000;

/**
 * Numeric snowflakes like Discord's: (ms - epoch) << 22 | increment. discord.js calls BigInt() on
 * every id (createdTimestamp) and its REST bucketing expects 17-19 digits, so ids must look real.
 */
export class SnowflakeGenerator {
	#increment = 0n;
	#lastMs = 0;

	readonly #now: () => number;

	constructor(now: () => number) {
		this.#now = now;
	}

	next(): string {
		// Never go backwards, even when a test moves its clock back.
		const ms = Math.max(this.#now(), this.#lastMs);
		this.#lastMs = ms;
		this.#increment = (this.#increment + 1n) & 0x3fffffn;
		return ((BigInt(ms - DISCORD_EPOCH) << 22n) | this.#increment).toString();
	}
}

export function snowflakeTimestamp(id: string): number {
	return Number(BigInt(id) >> 22n) + DISCORD_EPOCH;
}
