/** The gateway shards one process serves, out of how many the whole bot runs. */
export interface ShardAssignment {
	readonly ids: readonly number[];
	readonly count: number;
}

/** A bot that runs unsharded: one process, shard 0 of 1, every server. */
export const UNSHARDED: ShardAssignment = { ids: [0], count: 1 };

/**
 * Which gateway shard a server's events arrive on: Discord's formula, (guild_id >> 22) %
 * num_shards, the creation time of the server's id modulo the shard count. Messages without a
 * server (DMs) arrive on shard 0. Pure, so code that decides which process owns a job can use it
 * without a client.
 */
export function shardOf(guildId: string, shardCount: number): number {
	return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** Whether a process serving `shardIds` of `shardCount` receives the server's events; no server: shard 0's. */
export function ownsGuild(
	guildId: string | null | undefined,
	shardIds: readonly number[],
	shardCount: number,
): boolean {
	return shardIds.includes(guildId ? shardOf(guildId, shardCount) : 0);
}
