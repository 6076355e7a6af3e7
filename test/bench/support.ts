/** What the benchmark's phases share: the bot as a child process, waits with timeouts, statistics. */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { envSchema, parseEnv } from "../../src/env.js";
import { type FakeAceDataCloud, startFakeAceDataCloud } from "../fakes/acedatacloud/index.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/index.js";
import { NO_LIMITS } from "../support/noLimits.js";
export { seededRandom } from "../support/seededRandom.js";

export const root = join(import.meta.dirname, "..", "..");

export const percentile = (values: number[], p: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return Math.round(
		sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN,
	);
};

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const rssMb = (pid: number) => {
	const status = readFileSync(`/proc/${pid}/status`, "utf8");
	const kb = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? Number.NaN);
	return { rss: Math.round(kb("VmRSS") / 1024), peak: Math.round(kb("VmHWM") / 1024) };
};

/**
 * Resets the process's peak resident size (VmHWM) to its current size, so a later `rssMb().peak`
 * is the peak since now. Writing 5 to clear_refs needs the right to write the process's /proc
 * files (the bench's own children, or root); false when the kernel refused.
 */
export function resetPeakRss(pid: number): boolean {
	try {
		writeFileSync(`/proc/${pid}/clear_refs`, "5");
		return true;
	} catch {
		return false;
	}
}

/**
 * Samples the process's VmRSS every `everyMs` until `stop()`, which returns the highest sample
 * (MB) and how many samples were taken. Catches peaks that VmHWM would also show, and is the only
 * peak measure where clear_refs is refused.
 */
export function sampleRss(pid: number, everyMs: number): { stop(): { maxMb: number; samples: number } } {
	let maxMb = 0;
	let samples = 0;
	const take = () => {
		try {
			maxMb = Math.max(maxMb, rssMb(pid).rss);
			samples++;
		} catch {
			// The process is gone; the phase notices that on its own.
		}
	};
	take();
	const timer = setInterval(take, everyMs);
	return {
		stop() {
			clearInterval(timer);
			take();
			return { maxMb, samples };
		},
	};
}

/** A TCP port free on 127.0.0.1 right now (for a bot's HTTP endpoint). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once("error", reject);
		server.listen(0, "127.0.0.1", () => {
			const address = server.address();
			server.close(() => {
				if (typeof address === "object" && address) resolve(address.port);
				else reject(new Error("no free port"));
			});
		});
	});
}

/** Waits until `condition` holds; throws after `timeoutMs`, or as soon as one of `bots` has died. */
export async function until(
	condition: () => boolean,
	timeoutMs: number,
	what: string,
	bots: readonly BenchBot[] = [],
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		for (const bot of bots) bot.assertAlive();
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(20);
	}
}

/** `promise`, or a rejection naming `what` once `timeoutMs` has passed. */
export async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(
			() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)),
			timeoutMs,
		);
	});
	try {
		return await Promise.race([promise, timeout]);
	} finally {
		clearTimeout(timer);
	}
}

/**
 * package.json's `start` script, run the way npm runs it (`sh -c`), so the bench starts the bot
 * exactly as `npm start` does whatever the script becomes. Its last command `exec`s the bot, so
 * the child's pid ends up being the bot's own (`npm run bench` builds first, so a build check in
 * front finds dist/ current).
 */
const startScript = (
	JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: { start: string } }
).scripts.start;

/**
 * The options the start script gives node when it starts the bot (the `--` words after its last
 * `node`), so a baseline process can run under the same runtime settings (heap sizes, say).
 */
export function startNodeOptions(): string[] {
	const words = startScript.trim().split(/\s+/);
	const options: string[] = [];
	for (const word of words.slice(words.lastIndexOf("node") + 1)) {
		if (!word.startsWith("--")) break;
		options.push(word);
	}
	return words.includes("node") ? options : [];
}

/**
 * `env` with every other variable the bot reads set too: to its default, or to "" (which the bot
 * reads as unset). The bot loads the project's `.env` for variables that are not set at all, so
 * this is what keeps a developer's `.env` (say, POLL_FIRST_DELAY_MS or LUMA_FALLBACK_PROVIDER)
 * out of the figures.
 */
export function sealedEnv(env: Record<string, string>): Record<string, string> {
	const defaults: Record<string, unknown> = parseEnv({ DISCORD_TOKEN: "-", LUMA_API_KEY: "-" });
	const sealed: Record<string, string> = {};
	for (const name of Object.keys(envSchema.shape)) {
		const fallback = defaults[name];
		sealed[name] =
			fallback === undefined || name === "DISCORD_TOKEN" || name === "LUMA_API_KEY" ? "" : String(fallback);
	}
	return { ...sealed, ...env, PATH: process.env.PATH ?? "" };
}

/**
 * The compiled bot, started exactly as `npm start` starts it, with only `sealedEnv(env)` as its
 * environment (so the project's `.env` and the caller's variables never reach it).
 */
export class BenchBot {
	readonly label: string;
	readonly #child: ChildProcess;
	readonly #exited: Promise<void>;
	#exit: string | undefined;
	#stopping = false;
	/** Rejects when the bot exits before `stop()` was called; never settles otherwise. */
	readonly died: Promise<never>;

	/**
	 * `nodeArgs`: run `node <nodeArgs>` (the node running the bench) instead of the start script,
	 * with `env` as it is (plus PATH): for the bare baseline bot, which reads no `.env`.
	 */
	constructor(label: string, env: Record<string, string>, nodeArgs?: readonly string[]) {
		this.label = label;
		const sealed = nodeArgs ? { ...env, PATH: process.env.PATH ?? "" } : sealedEnv(env);
		const path = [dirname(process.execPath), sealed.PATH].filter(Boolean).join(delimiter);
		this.#child = nodeArgs
			? spawn(process.execPath, nodeArgs, {
					cwd: root,
					env: { ...sealed, PATH: path },
					stdio: ["ignore", "ignore", "inherit"],
				})
			: spawn("/bin/sh", ["-c", startScript], {
					cwd: root,
					// `node` in the script is the node running the bench, as npm would make it.
					env: { ...sealed, PATH: path },
					stdio: ["ignore", "ignore", "inherit"],
				});
		this.#exited = new Promise((resolve) => {
			this.#child.once("exit", (code, signal) => {
				this.#exit ??= signal ? `signal ${signal}` : `code ${code}`;
				resolve();
			});
			this.#child.once("error", (error) => {
				this.#exit ??= `spawn error: ${error.message}`;
				resolve();
			});
		});
		this.died = this.#exited.then(() => {
			if (this.#stopping) return new Promise<never>(() => {});
			throw new Error(`the ${label} bot exited unexpectedly (${this.#exit})`);
		});
		this.died.catch(() => {});
	}

	get pid(): number {
		const pid = this.#child.pid;
		if (pid === undefined) throw new Error(`the ${this.label} bot did not start (${this.#exit})`);
		return pid;
	}

	assertAlive(): void {
		if (this.#exit !== undefined && !this.#stopping)
			throw new Error(`the ${this.label} bot exited unexpectedly (${this.#exit})`);
	}

	/** `promise`, or the bot's death if that comes first. */
	guard<T>(promise: Promise<T>): Promise<T> {
		return Promise.race([promise, this.died]);
	}

	/** SIGTERM, then SIGKILL if it has not exited within 15 s. */
	async stop(): Promise<void> {
		this.#stopping = true;
		if (this.#exit !== undefined || this.#child.pid === undefined) return;
		this.#child.kill("SIGTERM");
		try {
			await withTimeout(this.#exited, 15_000, `the ${this.label} bot to exit`);
		} catch {
			this.#child.kill("SIGKILL");
			await withTimeout(this.#exited, 5_000, `the ${this.label} bot to exit after SIGKILL`);
		}
	}
}

/**
 * The fake Discord as the bench runs it: without OpenAPI validation, which the tests do. Checking
 * every body against the spec costs the bench process CPU on the machine the bot shares, and the
 * first check of each route compiles its schema (some 200 ms): figures would measure the fake.
 */
export const BENCH_DISCORD = { openapiSpecPath: null } as const;

/** What a phase on the manual fake AceDataCloud gets: the fakes, the bot, and waits tied to it. */
export interface AceBench {
	discord: FakeDiscord;
	ace: FakeAceDataCloud;
	bot: BenchBot;
	bots: readonly BenchBot[];
	guard: <T>(promise: Promise<T>) => Promise<T>;
}

/**
 * Starts the fake Discord, a fake AceDataCloud in manual mode (serving `videoBytes` videos) and
 * the bot on a store of its own, with the per-server limits off (the bench measures throughput);
 * runs `phase` once the bot has logged in and registered its commands; stops everything after,
 * whatever `phase` did.
 */
export async function withAceBench<T>(
	label: string,
	options: {
		videoBytes: number;
		pollIntervalMs: number;
		/** Further variables for the bot (HTTP endpoint, say). */
		env?: Record<string, string>;
		/** Set up the fake provider before the bot starts (callbacks on, say). */
		prepare?: (ace: FakeAceDataCloud) => void;
	},
	phase: (bench: AceBench) => Promise<T>,
): Promise<T> {
	const discord = await startFakeDiscord(BENCH_DISCORD);
	const ace = await startFakeAceDataCloud({ videoBytes: options.videoBytes });
	ace.setBehaviour({ mode: "manual" });
	options.prepare?.(ace);
	const workDir = mkdtempSync(join(tmpdir(), `luma-bench-${label}-`));
	let bot: BenchBot | undefined;
	try {
		bot = new BenchBot(label, {
			STORE_URL: `sqlite://${join(workDir, "luma.sqlite")}`,
			DISCORD_TOKEN: discord.token,
			DISCORD_API_BASE: discord.apiBase,
			LUMA_PROVIDER: "acedatacloud",
			LUMA_API_KEY: ace.apiKey,
			LUMA_API_BASE: ace.baseUrl,
			POLL_INTERVAL_MS: String(options.pollIntervalMs),
			JOB_TIMEOUT_MS: String(30 * 60_000),
			LOG_LEVEL: "warn",
			...NO_LIMITS,
			...options.env,
		});
		const running = bot;
		const guard = <R>(promise: Promise<R>) => running.guard(promise);
		await guard(discord.waitForLogin(30_000));
		await guard(discord.waitForRequest((r) => r.method === "PUT" && r.path.endsWith("/commands"), 30_000));
		return await phase({ discord, ace, bot, bots: [bot], guard });
	} finally {
		try {
			await bot?.stop();
		} finally {
			await Promise.all([discord.close(), ace.close()]);
			rmSync(workDir, { recursive: true, force: true });
		}
	}
}
