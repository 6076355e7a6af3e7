import { type REST, Routes } from "discord.js";

/** Discord lets each identify bucket (shard id % max_concurrency) start one session per 5 s. */
const IDENTIFY_WINDOW_MS = 5_000;
/** Slack on top of the window, as discord.js's own ShardingManager keeps (5.5 s between shards). */
const IDENTIFY_SLACK_MS = 500;

/** How the manager starts its shards, from SHARD_COUNT and Discord's GET /gateway/bot. */
export interface ShardPlan {
	/** How many shards the whole bot runs. */
	count: number;
	/**
	 * The wait after one shard is ready before the next one starts. Shards start one after
	 * another, so with `max_concurrency` buckets a bucket's next identify comes that many shards
	 * later: the wait is the window divided among the buckets.
	 */
	spawnDelayMs: number;
	/** Identifies Discord still allows today: each shard start, and each restart, takes one. */
	sessionStartsLeft: number;
}

interface GatewayBot {
	shards: number;
	session_start_limit: { remaining: number; max_concurrency: number };
}

/**
 * Resolves SHARD_COUNT: `auto` is Discord's recommendation (at least 1), a number is taken as it
 * is. Asks GET /gateway/bot either way, for the identify concurrency.
 */
export async function planShards(setting: number | "auto", rest: REST): Promise<ShardPlan> {
	const gateway = (await rest.get(Routes.gatewayBot())) as GatewayBot;
	const concurrency = Math.max(1, gateway.session_start_limit.max_concurrency);
	return {
		count: setting === "auto" ? Math.max(1, gateway.shards) : setting,
		spawnDelayMs: Math.ceil((IDENTIFY_WINDOW_MS + IDENTIFY_SLACK_MS) / concurrency),
		sessionStartsLeft: gateway.session_start_limit.remaining,
	};
}
