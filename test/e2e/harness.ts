import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { type App, type AppDeps, createApp } from "../../src/app.js";
import { type Env, parseEnv } from "../../src/env.js";
import { createLogger } from "../../src/logger.js";
import { createStore, type Store } from "../../src/store/createStore.js";
import type { ProviderName } from "../../src/providers/names.js";
import { type FakeAceDataCloud, startFakeAceDataCloud } from "../fakes/acedatacloud/index.js";
import { asFakeProvider } from "../fakes/acedatacloud/provider.js";
import { type FakeProvider, startFakeProvider } from "../fakes/index.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/index.js";
import { NO_LIMITS } from "../support/noLimits.js";

export interface HarnessOptions {
	pollIntervalMs?: number;
	jobTimeoutMs?: number;
	videoBytes?: number;
	/** Extra or overriding environment variables (limits, say). */
	env?: Record<string, string>;
	/** The bot's clock (quota windows, token age); real time by default. */
	clock?: () => number;
	discord?: Parameters<typeof startFakeDiscord>[0];
	/** The primary provider (default acedatacloud) and an optional fallback, each with its fake. */
	provider?: ProviderName;
	fallback?: ProviderName;
	/** Wraps the bot's store (STORE_URL's), to hold or fail its writes. */
	wrapStore?: (store: Store) => Store;
	/** The bot as one shard process runs it: its shards, and no command registration. */
	app?: Pick<AppDeps, "shards" | "registerCommands" | "managerPort">;
}

/** The real bot (createApp) wired to a fake Discord and a fake AceDataCloud on 127.0.0.1. */
export interface Harness {
	discord: FakeDiscord;
	/** The AceDataCloud fake with its own controls, when AceDataCloud is the primary. */
	ace: FakeAceDataCloud;
	/** The primary provider's fake. */
	provider: FakeProvider;
	fallback: FakeProvider | undefined;
	app: App;
	env: Env;
	/** Every log line the bot wrote, as text. */
	logs: string[];
	/**
	 * Stops the bot and starts a new one on the same store, as a process restart would; `changes`
	 * are environment variables set differently for the new process ("" unsets).
	 */
	restart(changes?: Record<string, string>): Promise<App>;
	close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
	const discord = await startFakeDiscord(options.discord);
	const fakeOptions = options.videoBytes ? { videoBytes: options.videoBytes } : {};
	const name = options.provider ?? "acedatacloud";
	let ace: FakeAceDataCloud | undefined;
	let provider: FakeProvider;
	if (name === "acedatacloud") {
		ace = await startFakeAceDataCloud(fakeOptions);
		provider = asFakeProvider(ace);
	} else {
		provider = await startFakeProvider(name, { ...fakeOptions, apiKey: `key-${name}-primary` });
	}
	const fallback = options.fallback
		? await startFakeProvider(options.fallback, {
				...fakeOptions,
				apiKey: `key-${options.fallback}-fallback`,
			})
		: undefined;
	const dataDir = mkdtempSync(join(tmpdir(), "luma-e2e-"));
	const rawEnv: Record<string, string> = {
		DISCORD_TOKEN: discord.token,
		DISCORD_API_BASE: discord.apiBase,
		LUMA_PROVIDER: name,
		LUMA_API_KEY: provider.apiKey,
		LUMA_API_BASE: provider.baseUrl,
		...(fallback && {
			LUMA_FALLBACK_PROVIDER: fallback.name,
			LUMA_FALLBACK_API_KEY: fallback.apiKey,
			LUMA_FALLBACK_API_BASE: fallback.baseUrl,
		}),
		STORE_URL: `sqlite://${join(dataDir, "luma.sqlite")}`,
		POLL_INTERVAL_MS: String(options.pollIntervalMs ?? 200),
		POLL_FIRST_DELAY_MS: "0",
		JOB_TIMEOUT_MS: String(options.jobTimeoutMs ?? 60_000),
		LOG_LEVEL: "debug",
		...NO_LIMITS,
		...options.env,
	};
	const env = parseEnv(rawEnv);
	const logs: string[] = [];
	const destination = new Writable({
		write(chunk, _encoding, callback) {
			logs.push(String(chunk));
			callback();
		},
	});
	const logger = createLogger({ level: env.LOG_LEVEL, destination });

	const boot = async (bootEnv: Env) => {
		const app = createApp({
			env: bootEnv,
			logger,
			...(options.clock && { clock: options.clock }),
			...options.app,
			...(options.wrapStore && { store: options.wrapStore(createStore(bootEnv.STORE_URL, logger)) }),
		});
		await app.start();
		return app;
	};
	const harness: Harness = {
		discord,
		// Tests that use `ace` run with AceDataCloud as the primary.
		ace: ace as FakeAceDataCloud,
		provider,
		fallback,
		env,
		logs,
		app: await boot(env),
		async restart(changes) {
			await harness.app.stop();
			if (changes) harness.env = parseEnv({ ...rawEnv, ...changes });
			harness.app = await boot(harness.env);
			return harness.app;
		},
		async close() {
			await harness.app.stop();
			await Promise.all([discord.close(), provider.close(), fallback?.close()]);
			rmSync(dataDir, { recursive: true, force: true });
		},
	};
	return harness;
}

export const PNG_BYTES = Buffer.from(
	"89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0a1f9b20000000049454e44ae426082",
	"hex",
);
export const JPEG_BYTES = Buffer.from("ffd8ffe000104a46494600010100000100010000ffd9", "hex");
