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

/** The shard a guild's events go to, by Discord's formula: (guild_id >> 22) % num_shards. */
export function shardOfGuild(guildId: string, shardCount: number): number {
	return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/**
 * A real-looking guild id whose events go to `shard` of `shardCount`, made at about `nowMs`:
 * for tests that need one server on each shard.
 */
export function guildIdOnShard(shard: number, shardCount: number, nowMs = Date.now()): string {
	let ms = BigInt(nowMs - DISCORD_EPOCH);
	ms += (BigInt(shard) - (ms % BigInt(shardCount)) + BigInt(shardCount)) % BigInt(shardCount);
	return ((ms << 22n) | 1n).toString();
}
