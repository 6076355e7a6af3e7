import { Client, GatewayIntentBits } from "discord.js";

/**
 * The gateway client. Interactions need no intent; `Guilds` keeps guild and channel caches
 * filled so discord.js hands out full classes. No privileged intent is used.
 */
export function createClient(options: { apiBase?: string }): Client {
	return new Client({
		intents: [GatewayIntentBits.Guilds],
		allowedMentions: { parse: [] },
		...(options.apiBase && { rest: { api: options.apiBase } }),
	});
}
