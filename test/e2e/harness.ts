import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { type App, createApp } from "../../src/app.js";
import { type Env, parseEnv } from "../../src/env.js";
import { createLogger } from "../../src/logger.js";
import { type FakeAceDataCloud, startFakeAceDataCloud } from "../fakes/acedatacloud/index.js";
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
}

/** The real bot (createApp) wired to a fake Discord and a fake AceDataCloud on 127.0.0.1. */
export interface Harness {
	discord: FakeDiscord;
	ace: FakeAceDataCloud;
	app: App;
	env: Env;
	/** Every log line the bot wrote, as text. */
	logs: string[];
	/** Stops the bot and starts a new one on the same store, as a process restart would. */
	restart(): Promise<App>;
	close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
	const discord = await startFakeDiscord(options.discord);
	const ace = await startFakeAceDataCloud(options.videoBytes ? { videoBytes: options.videoBytes } : {});
	const dataDir = mkdtempSync(join(tmpdir(), "luma-e2e-"));
	const env = parseEnv({
		DISCORD_TOKEN: discord.token,
		DISCORD_API_BASE: discord.apiBase,
		LUMA_API_KEY: ace.apiKey,
		LUMA_API_BASE: ace.baseUrl,
		STORE_URL: `sqlite://${join(dataDir, "luma.sqlite")}`,
		POLL_INTERVAL_MS: String(options.pollIntervalMs ?? 200),
		JOB_TIMEOUT_MS: String(options.jobTimeoutMs ?? 60_000),
		LOG_LEVEL: "debug",
		...NO_LIMITS,
		...options.env,
	});
	const logs: string[] = [];
	const destination = new Writable({
		write(chunk, _encoding, callback) {
			logs.push(String(chunk));
			callback();
		},
	});
	const logger = createLogger({ level: env.LOG_LEVEL, destination });

	const boot = async () => {
		const app = createApp({ env, logger, ...(options.clock && { clock: options.clock }) });
		await app.start();
		return app;
	};
	const harness: Harness = {
		discord,
		ace,
		env,
		logs,
		app: await boot(),
		async restart() {
			await harness.app.stop();
			harness.app = await boot();
			return harness.app;
		},
		async close() {
			await harness.app.stop();
			await Promise.all([discord.close(), ace.close()]);
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
