import { fileURLToPath } from "node:url";
import { disableValidators } from "@discordjs/builders";
import { createApp } from "./app.js";
import { ConfigError, loadEnvFile, readEnv, readShardChild } from "./env.js";
import { createLogger } from "./logger.js";
import { createShardManager } from "./shard/manager.js";

/**
 * The process: configuration, logging, signals and exit codes. It runs the bot (createApp); with
 * SHARD_COUNT other than 1 it is the sharding manager instead, which starts this same file once
 * per shard, and each of those runs the bot for its shard.
 */
loadEnvFile();
let env: ReturnType<typeof readEnv>;
let shardChild: ReturnType<typeof readShardChild>;
try {
	env = readEnv();
	shardChild = readShardChild();
} catch (error) {
	if (!(error instanceof ConfigError)) throw error;
	process.stderr.write(`Configuration error: ${error.message}\n`);
	process.exit(1);
}

// The builders check every embed and button at run time, on the path of every answer. The views
// are checked against Discord's limits and OpenAPI spec by the tests, which keep these checks on.
disableValidators();

const rootLogger = createLogger({ level: env.LOG_LEVEL, pretty: process.stdout.isTTY });
const logger = shardChild
	? rootLogger.child(shardChild.ids.length === 1 ? { shard: shardChild.ids[0] } : { shards: shardChild.ids })
	: rootLogger;

/** What this process runs: the bot, or the manager of the shard processes. */
const running: { start(): Promise<void>; stop(): Promise<void> } =
	env.SHARD_COUNT !== 1 && !shardChild
		? createShardManager({
				env,
				logger,
				file: fileURLToPath(import.meta.url),
				execArgv: process.execArgv,
				onGiveUp: () => void shutdown("shards keep exiting", 1),
			})
		: createApp({
				env,
				logger,
				...(shardChild && {
					shards: shardChild,
					registerCommands: false,
					managerPort: {
						on: (event, listener) => process.on(event, listener),
						off: (event, listener) => process.off(event, listener),
						send: (message) => process.send?.(message),
					},
				}),
			});

/**
 * Shorter than `docker stop`'s 10 s grace (after it, SIGKILL skips the store's close), longer than
 * a provider call's 8 s deadline (src/providers/http.ts), so a call in flight can finish first.
 */
const HARD_EXIT_MS = 9_000;
let shuttingDown = false;
async function shutdown(reason: string, code = 0): Promise<void> {
	if (shuttingDown) return;
	shuttingDown = true;
	logger.info({ reason }, "shutting down");
	// If something hangs, exit anyway: every job is in the store and resumes on the next start.
	setTimeout(() => process.exit(1), HARD_EXIT_MS).unref();
	try {
		await running.stop();
		process.exit(code);
	} catch (error) {
		logger.error({ err: error }, "shutdown failed");
		process.exit(1);
	}
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));
// A shard whose manager is gone stops too: a new manager starts this shard again, and two
// processes must not serve it at once.
if (shardChild) process.once("disconnect", () => void shutdown("the shard manager is gone"));

try {
	await running.start();
} catch (error) {
	// A stop asked for while starting makes the start fail; the shutdown decides the exit then.
	if (!shuttingDown) {
		logger.fatal({ err: error }, "the bot could not start");
		shuttingDown = true;
		await running.stop().catch(() => undefined);
		process.exit(1);
	}
}
