import { describe, expect, it } from "vitest";
import { ownsGuild, shardOf } from "../../src/shard/ownership.js";

/** Discord's epoch: snowflakes count milliseconds from 2015-01-01T00:00:00Z. */
const EPOCH = 1_420_070_400_000n;
/** A snowflake made at `ms` after the epoch, with arbitrary low bits (worker, process, increment). */
const snowflakeAt = (ms: bigint, low = 0n) => ((ms << 22n) | low).toString();

describe("shardOf", () => {
	it("follows Discord's documented formula: (guild_id >> 22) % num_shards", () => {
		// The example snowflake from Discord's reference: created 41944705796 ms after the epoch.
		const example = "175928847299117063";
		expect(BigInt(example) >> 22n).toBe(41_944_705_796n);
		expect(shardOf(example, 1)).toBe(0);
		expect(shardOf(example, 2)).toBe(0);
		expect(shardOf(example, 3)).toBe(Number(41_944_705_796n % 3n));
		expect(shardOf(example, 3)).toBe(2);
		expect(shardOf(example, 7)).toBe(Number(41_944_705_796n % 7n));
		// A recent 19-digit id: past Number's exact range, which is why the helper uses BigInt.
		const big = "1234567890123456789";
		expect(shardOf(big, 16)).toBe(Number((BigInt(big) >> 22n) % 16n));
	});

	it("depends on the creation time only, not on the id's low 22 bits", () => {
		const ms = BigInt(Date.UTC(2024, 5, 1)) - EPOCH;
		for (const low of [0n, 1n, 4095n, (1n << 22n) - 1n]) {
			expect(shardOf(snowflakeAt(ms, low), 2)).toBe(Number(ms % 2n));
			expect(shardOf(snowflakeAt(ms + 1n, low), 2)).toBe(Number((ms + 1n) % 2n));
			expect(shardOf(snowflakeAt(ms, low), 5)).toBe(Number(ms % 5n));
		}
	});

	it("spreads consecutive creation times over every shard", () => {
		const start = BigInt(Date.UTC(2023, 0, 1)) - EPOCH;
		const shards = Array.from({ length: 8 }, (_, i) => shardOf(snowflakeAt(start + BigInt(i)), 4));
		expect(new Set(shards)).toEqual(new Set([0, 1, 2, 3]));
	});
});

describe("ownsGuild", () => {
	const onShard1of2 = snowflakeAt(41_944_705_797n, 123n);

	it("is true for the process serving the guild's shard only", () => {
		expect(ownsGuild(onShard1of2, [1], 2)).toBe(true);
		expect(ownsGuild(onShard1of2, [0], 2)).toBe(false);
		expect(ownsGuild(onShard1of2, [0, 1], 2)).toBe(true);
		expect(ownsGuild(onShard1of2, [0], 1)).toBe(true);
	});

	it("gives what has no server (DMs) to shard 0, as Discord does", () => {
		expect(ownsGuild(undefined, [0], 2)).toBe(true);
		expect(ownsGuild(null, [1], 2)).toBe(false);
	});
});
