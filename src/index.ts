import { disableValidators } from "@discordjs/builders";
import { createApp } from "./app.js";
import { ConfigError, loadEnvFile, readEnv } from "./env.js";
import { createLogger } from "./logger.js";

/** The process: configuration, logging, signals and exit codes. Everything else is in createApp. */
loadEnvFile();
let env: ReturnType<typeof readEnv>;
try {
	env = readEnv();
} catch (error) {
	if (!(error instanceof ConfigError)) throw error;
	process.stderr.write(`Configuration error: ${error.message}\n`);
	process.exit(1);
}

// The builders check every embed and button at run time, on the path of every answer. The views
// are checked against Discord's limits and OpenAPI spec by the tests, which keep these checks on.
disableValidators();

const logger = createLogger({ level: env.LOG_LEVEL, pretty: process.stdout.isTTY });
const app = createApp({ env, logger });

/**
 * Shorter than `docker stop`'s 10 s grace (after it, SIGKILL skips the store's close), longer than
 * a provider call's 8 s deadline (src/providers/http.ts), so a call in flight can finish first.
 */
const HARD_EXIT_MS = 9_000;
let shuttingDown = false;
async function shutdown(signal: string): Promise<void> {
	if (shuttingDown) return;
	shuttingDown = true;
	logger.info({ signal }, "shutting down");
	// If something hangs, exit anyway: every job is in the store and resumes on the next start.
	setTimeout(() => process.exit(1), HARD_EXIT_MS).unref();
	try {
		await app.stop();
		process.exit(0);
	} catch (error) {
		logger.error({ err: error }, "shutdown failed");
		process.exit(1);
	}
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));

try {
	await app.start();
} catch (error) {
	logger.fatal({ err: error }, "the bot could not start");
	await app.stop().catch(() => undefined);
	process.exit(1);
}
