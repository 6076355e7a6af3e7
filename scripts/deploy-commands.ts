import { REST } from "@discordjs/rest";
import { buildCommands, messageCommands } from "../commands/index.js";
import { capabilitiesFor } from "../src/providers/capabilities.js";
import { fetchApplicationId, registerCommands } from "../src/bot/registerCommands.js";
import { ConfigError, loadEnvFile, parseDiscordEnv } from "../src/env.js";
import { createLogger } from "../src/logger.js";
import { createStore } from "../src/store/createStore.js";

/** `npm run deploy-commands`: registers the command definitions now, changed or not. */
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
	await registerCommands({
		rest,
		applicationId,
		...(env.DISCORD_GUILD_ID && { guildId: env.DISCORD_GUILD_ID }),
		// The same definitions the bot registers at start: /luma offers what the provider can do.
		commands: [...buildCommands(capabilitiesFor(env.LUMA_PROVIDER, env.LUMA_MODEL)), ...messageCommands].map(
			(command) => command.data,
		),
		meta: store.openNamespace<string>("meta"),
		force: true,
		logger,
	});
} catch (error) {
	logger.error({ err: error }, "registering commands failed");
	process.exitCode = 1;
} finally {
	await store.close();
}
