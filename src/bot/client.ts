import { DefaultRestOptions, type ResponseLike } from "@discordjs/rest";
import { Client, GatewayIntentBits, Options } from "discord.js";
import { type ShardAssignment, UNSHARDED } from "../shard/ownership.js";
import { DiscordRest } from "./rest.js";

/** Told of every Discord REST answer that is an error: its HTTP status and Discord's JSON code. */
export type RestErrorObserver = (status: number, code: number | undefined) => void;

/**
 * Reads an error answer's body once, to learn Discord's error code, and hands the REST client an
 * answer that can still be read: the library parses the same body into its DiscordAPIError.
 */
function observingRequest(observe: RestErrorObserver) {
	return async (
		url: string,
		init: Parameters<typeof DefaultRestOptions.makeRequest>[1],
	): Promise<ResponseLike> => {
		const response = await DefaultRestOptions.makeRequest(url, init);
		if (response.status < 400) return response;
		const text = await response.text();
		let code: number | undefined;
		try {
			const parsed = JSON.parse(text) as { code?: unknown };
			if (typeof parsed.code === "number") code = parsed.code;
		} catch {
			code = undefined;
		}
		observe(response.status, code);
		const bytes = Buffer.from(text);
		return {
			...response,
			body: null,
			bodyUsed: false,
			arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
			json: async () => JSON.parse(text) as unknown,
			text: async () => text,
		};
	};
}

/**
 * The gateway client. Interactions need no intent; `Guilds` keeps guild and channel caches
 * filled so discord.js hands out full classes. No privileged intent is used.
 */
export function createClient(options: {
	apiBase?: string;
	onRestError?: RestErrorObserver;
	/**
	 * Default: unsharded. Always handed to discord.js, which otherwise reads SHARDS and SHARD_COUNT
	 * from the environment itself.
	 */
	shards?: ShardAssignment;
}): Client {
	const rest = {
		...(options.apiBase && { api: options.apiBase }),
		...(options.onRestError && { makeRequest: observingRequest(options.onRestError) }),
	};
	const client = new Client({
		intents: [GatewayIntentBits.Guilds],
		// The bot never reads messages, reactions or presences back; caching them only costs memory.
		makeCache: Options.cacheWithLimits({
			...Options.DefaultMakeCacheSettings,
			MessageManager: 0,
			ReactionManager: 0,
			PresenceManager: 0,
			GuildMemberManager: { maxSize: 200, keepOverLimit: (member) => member.id === member.client.user.id },
			UserManager: { maxSize: 200, keepOverLimit: (user) => user.id === user.client.user.id },
		}),
		allowedMentions: { parse: [] },
		shards: [...(options.shards ?? UNSHARDED).ids],
		shardCount: (options.shards ?? UNSHARDED).count,
		rest,
	});
	// Replaced before login, so the gateway, interactions and the bot's own calls all use it.
	client.rest.clearHashSweeper();
	client.rest.clearHandlerSweeper();
	client.rest = new DiscordRest({ ...client.options.rest, ...rest });
	return client;
}
