import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { REST, type Shard, ShardingManager } from "discord.js";
import { commandDefinitions } from "../../commands/index.js";
import { fetchApplicationId, registerCommands } from "../bot/registerCommands.js";
import type { Env } from "../env.js";
import type { Logger } from "../logger.js";
import { capabilitiesFor } from "../providers/capabilities.js";
import { createStore, type Store } from "../store/createStore.js";
import type { HttpServer } from "../http/server.js";
import type { MessagePort } from "./managerRequests.js";
import { planShards } from "./plan.js";

/**
 * How long one shard may take from its start to its gateway being ready: it recovers the jobs in
 * the store before it logs in.
 */
const SHARD_READY_TIMEOUT_MS = 60_000;
/**
 * A shard that exits this often within the window is not started again: every start spends one
 * of Discord's daily identifies (about 1000), and Discord resets a bot's token once they are
 * used up. The manager stops instead, and whatever supervises it restarts it with its own delay.
 */
const MAX_EXITS = 5;
const EXITS_WINDOW_MS = 10 * 60_000;

export interface ShardManagerDeps {
	env: Env;
	logger: Logger;
	/**
	 * The script each shard runs: the entry this process was started from, so a shard runs the
	 * compiled .js when the manager does, and the .ts sources when the manager runs under tsx.
	 */
	file: string;
	/** Node's flags for each shard: the manager's own, so the same loader and memory flags apply. */
	execArgv: readonly string[];
	/** Opens the store for the one registration of the commands; default: STORE_URL's. */
	openStore?: () => Store;
	/** Told when shards keep exiting and the manager has given up on them. */
	onGiveUp?: () => void;
}

export interface ShardManager {
	/** Registers the commands once, then starts the shards one after another. */
	start(): Promise<void>;
	/** Stops every shard (each drains as a single bot would); rejects when one did not exit cleanly. */
	stop(): Promise<void>;
	/** The process id of each shard's current process. */
	shardPids(): ReadonlyMap<number, number | undefined>;
}

/**
 * The process `npm start` runs when SHARD_COUNT is not 1: a discord.js ShardingManager with a
 * child process per shard, each running the bot for its own shard. Shards that exit are started
 * again. Commands are registered here, once, never by the shards.
 */
export function createShardManager(deps: ShardManagerDeps): ShardManager {
	const { env, logger } = deps;
	const rest = new REST(env.DISCORD_API_BASE ? { api: env.DISCORD_API_BASE } : {}).setToken(
		env.DISCORD_TOKEN,
	);
	const openStore = deps.openStore ?? (() => createStore(env.STORE_URL, logger));
	const pause = new AbortController();
	let manager: ShardingManager | undefined;
	let http: HttpServer | undefined;
	let stopping: Promise<void> | undefined;

	async function register(): Promise<void> {
		const store = openStore();
		try {
			const applicationId = env.DISCORD_APPLICATION_ID ?? (await fetchApplicationId(rest));
			await registerCommands({
				rest,
				applicationId,
				...(env.DISCORD_GUILD_ID && { guildId: env.DISCORD_GUILD_ID }),
				// The definitions a single bot registers: /luma offers what the provider can do.
				commands: commandDefinitions(capabilitiesFor(env.LUMA_PROVIDER, env.LUMA_MODEL)),
				meta: store.openNamespace<string>("meta"),
				logger,
			});
		} finally {
			await store.close();
		}
	}

	function watch(shard: Shard): void {
		const exits: number[] = [];
		// The manager runs in "process" mode: each shard's child is a ChildProcess, never a Worker.
		shard.on("spawn", (child) =>
			logger.info({ shard: shard.id, childPid: (child as ChildProcess).pid }, "shard started"),
		);
		shard.on("ready", () => logger.info({ shard: shard.id }, "shard ready"));
		shard.on("death", (exited) => {
			if (stopping) return;
			const child = exited as ChildProcess;
			const now = Date.now();
			exits.push(now);
			while (exits[0] !== undefined && exits[0] < now - EXITS_WINDOW_MS) exits.shift();
			const details = { shard: shard.id, code: child.exitCode, signal: child.signalCode };
			if (exits.length < MAX_EXITS) {
				logger.warn(details, "a shard exited; starting it again");
				return;
			}
			logger.error({ ...details, exits: exits.length }, "a shard keeps exiting; stopping every shard");
			// After this turn: discord.js starts the shard again right after telling of its exit,
			// and stopping must see that new process to end it.
			setImmediate(() => deps.onGiveUp?.());
		});
		// A failed restart (the new process died before it was ready, or took too long) is told here;
		// unheard, it would be an unhandled error event.
		shard.on("error", (error: unknown) =>
			logger.error({ err: error, shard: shard.id }, "a shard did not start"),
		);
	}

	return {
		async start() {
			const plan = await planShards(env.SHARD_COUNT, rest);
			if (plan.sessionStartsLeft < plan.count)
				logger.warn(
					{ shardCount: plan.count, sessionStartsLeft: plan.sessionStartsLeft },
					"Discord allows fewer gateway sessions today than there are shards to start",
				);
			await register();
			if (stopping) return;
			if (env.HTTP_PORT !== undefined) {
				// The one endpoint for every shard: a port can be bound by one process only.
				const { startManagerHttp } = await import("./managerHttp.js");
				http = await startManagerHttp({
					host: env.HTTP_HOST,
					port: env.HTTP_PORT,
					logger,
					shards: () => new Map([...(manager?.shards ?? [])].map(([id, shard]) => [id, portOf(shard)])),
					shardCount: plan.count,
				});
			}
			manager = new ShardingManager(deps.file, {
				totalShards: plan.count,
				mode: "process",
				respawn: true,
				execArgv: [...deps.execArgv],
				token: env.DISCORD_TOKEN,
			});
			logger.info({ shardCount: plan.count, spawnDelayMs: plan.spawnDelayMs }, "starting shards");
			// One at a time, each waited for until ready, so identifies stay within Discord's rate.
			for (let id = 0; id < plan.count && !stopping; id++) {
				const shard = manager.createShard(id);
				watch(shard);
				await shard.spawn(SHARD_READY_TIMEOUT_MS);
				if (id < plan.count - 1)
					await sleep(plan.spawnDelayMs, undefined, { signal: pause.signal }).catch(() => undefined);
			}
			if (!stopping) logger.info({ shardCount: plan.count }, "every shard ready");
		},
		stop() {
			stopping ??= (async () => {
				pause.abort();
				await http?.close();
				if (!manager) return;
				manager.respawn = false;
				const clean = await Promise.all([...manager.shards.values()].map((shard) => stopShard(shard)));
				const failed = [...manager.shards.keys()].filter((_, index) => !clean[index]);
				if (failed.length > 0) throw new Error(`shards ${failed.join(", ")} did not stop cleanly`);
				logger.info("every shard stopped");
			})();
			return stopping;
		},
		shardPids() {
			return new Map([...(manager?.shards.values() ?? [])].map((shard) => [shard.id, shard.process?.pid]));
		},
	};
}

/** A shard as a message channel to its process (its own `message` events and `send`). */
function portOf(shard: Shard): MessagePort {
	const events = shard as unknown as NodeJS.EventEmitter;
	return {
		on: (event, listener) => events.on(event, listener),
		off: (event, listener) => events.off(event, listener),
		send: (message) => shard.send(message),
	};
}

/**
 * Asks a shard's process to stop (SIGTERM: it drains as a single bot does) and waits for it;
 * true when it stopped cleanly. One still loading when the signal came has nothing to drain, and
 * ending by the signal itself is clean too.
 */
async function stopShard(shard: Shard): Promise<boolean> {
	const child = shard.process;
	if (!child) return true;
	const clean = (code: number | null, signal: NodeJS.Signals | null) => code === 0 || signal === "SIGTERM";
	if (child.exitCode !== null || child.signalCode !== null) return clean(child.exitCode, child.signalCode);
	const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
	child.kill("SIGTERM");
	const [code, signal] = await exited;
	return clean(code, signal);
}
