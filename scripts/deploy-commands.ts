import { REST } from "@discordjs/rest";
import { commandDefinitions } from "../commands/index.js";
import { capabilitiesFor } from "../src/providers/capabilities.js";
import { clearCommands, fetchApplicationId, registerCommands } from "../src/bot/registerCommands.js";
import { ConfigError, loadEnvFile, parseDiscordEnv } from "../src/env.js";
import { createLogger } from "../src/logger.js";
import { createStore } from "../src/store/createStore.js";

/**
 * `npm run deploy-commands`: registers the command definitions now, changed or not, in the scope
 * the bot uses (DISCORD_GUILD_ID's guild, else global) and removes the other scope's.
 * `npm run deploy-commands -- --clear`: removes the bot's commands globally, in DISCORD_GUILD_ID's
 * guild and in the guild the store remembers from a guild-scoped run, and registers nothing.
 */
const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== "--clear");
if (unknown.length > 0) {
	process.stderr.write(`Unknown argument ${unknown[0]}: the only option is --clear\n`);
	process.exit(1);
}
const clear = args.includes("--clear");
loadEnvFile();
let env: ReturnType<typeof parseDiscordEnv>;
try {
	env = parseDiscordEnv(process.env);
} catch (error) {
	if (!(error instanceof ConfigError)) throw error;
	process.stderr.write(`Configuration error: ${error.message}\n`);
	process.exit(1);
}
const logger = createLogger({ level: env.LOG_LEVEL, pretty: process.stdout.isTTY });
const rest = new REST(env.DISCORD_API_BASE ? { api: env.DISCORD_API_BASE } : {}).setToken(env.DISCORD_TOKEN);
const store = createStore(env.STORE_URL, logger);
try {
	const applicationId = env.DISCORD_APPLICATION_ID ?? (await fetchApplicationId(rest));
	const meta = store.openNamespace<string>("meta");
	if (clear) {
		const scopes = await clearCommands({
			rest,
			applicationId,
			guildIds: env.DISCORD_GUILD_ID ? [env.DISCORD_GUILD_ID] : [],
			meta,
			logger,
		});
		logger.info({ scopes }, "commands cleared; the bot registers them again at its next start");
	} else
		await registerCommands({
			rest,
			applicationId,
			...(env.DISCORD_GUILD_ID && { guildId: env.DISCORD_GUILD_ID }),
			// The same definitions the bot registers at start: /luma offers what the provider can do.
			commands: commandDefinitions(capabilitiesFor(env.LUMA_PROVIDER, env.LUMA_MODEL)),
			meta,
			force: true,
			logger,
		});
} catch (error) {
	logger.error({ err: error }, clear ? "clearing commands failed" : "registering commands failed");
	process.exitCode = 1;
} finally {
	await store.close();
}
