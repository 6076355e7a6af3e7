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

// The builders (command definitions, the extend form, audit log lines) would check what they build
// at run time, on the path of answers. The tests keep these checks on and check what the bot sends
// against Discord's OpenAPI spec; job views are plain objects cut to Discord's limits.
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
/**
 * How long a crash waits for the stop (writes in flight, the store and the gateway closing) before
 * exiting anyway: long enough for a clean close in the usual case, short enough that the
 * supervisor has the bot back in seconds.
 */
const CRASH_STOP_MS = 2_000;
let shuttingDown = false;
/** Set by a crash: whatever else was going on, the process exits non-zero. */
let crashed = false;

function exit(code: number): never {
	try {
		// Lines a transport still holds are written before the process goes.
		logger.flush();
	} catch {
		// Nowhere left to write them: exit all the same.
	}
	process.exit(crashed ? 1 : code);
}

async function shutdown(reason: string, code = 0, graceMs = HARD_EXIT_MS): Promise<void> {
	if (shuttingDown) return;
	shuttingDown = true;
	logger.info({ reason }, "shutting down");
	// If something hangs, exit anyway: every job is in the store and resumes on the next start.
	setTimeout(() => exit(1), graceMs).unref();
	try {
		await running.stop();
		exit(code);
	} catch (error) {
		logger.error({ err: error }, "shutdown failed");
		exit(1);
	}
}

/**
 * Crash-only: an error nobody handled means the process is in a state nobody planned for, so it
 * is not trusted to carry on. It is logged, the bot stops within CRASH_STOP_MS, and the process
 * exits non-zero for its supervisor (Docker, systemd, the shard manager) to start it again; every
 * job is in the store and resumes from there.
 */
function crash(what: "unhandled rejection" | "uncaught exception", error: unknown): void {
	logger.fatal({ err: error, exitCode: 1 }, `${what}: exiting for a restart`);
	crashed = true;
	if (shuttingDown) {
		// A stop already under way may take its full time; a crash does not wait that long.
		setTimeout(() => exit(1), CRASH_STOP_MS).unref();
		return;
	}
	void shutdown(what, 1, CRASH_STOP_MS);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("unhandledRejection", (reason) => crash("unhandled rejection", reason));
process.on("uncaughtException", (error) => crash("uncaught exception", error));
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
		exit(1);
	}
}
