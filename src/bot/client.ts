import { Client, GatewayIntentBits, Options } from "discord.js";

/**
 * The gateway client. Interactions need no intent; `Guilds` keeps guild and channel caches
 * filled so discord.js hands out full classes. No privileged intent is used.
 */
export function createClient(options: { apiBase?: string }): Client {
	return new Client({
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
		...(options.apiBase && { rest: { api: options.apiBase } }),
	});
}
