/**
 * Acknowledgement latency against a bare bot: bursts of 100 `/luma generate` dispatched at once,
 * one from each of 100 members of one server, answered by the real bot and by a bare discord.js bot that
 * only defers (bareBot.ts). Each bot has its own fake Discord, alike in every id (application,
 * server, channel, the 100 members) and in the commands it knows. Both are warmed up the same way,
 * then the bursts alternate between them (bare, bot, bot, bare, ...), each burst starting only once
 * the previous one's work has died down, so neither measures the other's leftovers.
 * Latency is the fake's: from dispatching INTERACTION_CREATE to the interaction callback arriving.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FakeAceDataCloud, startFakeAceDataCloud } from "../fakes/acedatacloud/index.js";
import { type FakeDiscord, type FakeDiscordOptions, startFakeDiscord } from "../fakes/discord/index.js";
import { NO_LIMITS } from "../support/noLimits.js";
import { BenchBot, percentile, root, sleep, startNodeOptions, until, BENCH_DISCORD } from "./support.js";

const MEMBERS = 100;
/** One burst per bot per round; one slow burst on a shared machine moves a pooled p99 a lot. */
const ROUNDS = 5;
const WARMUP_COMMANDS = 5;
/** Unmeasured full bursts per bot after the warm-up commands. */
const WARMUP_BURSTS = 2;
const GOAL_RATIO = 1.5;
/** Bot first or bare first, per round: each goes first as often as the other (nearly). */
const ORDER = ["bare", "bot"] as const;
/** A burst starts only after both fakes saw no request for this long. */
const QUIET_MS = 500;

type Side = (typeof ORDER)[number];

/** Snowflake-like ids, the same in both fakes so both bots see identical payloads. */
const id = (n: number) => String(1_300_000_000_000_000_000n + BigInt(n));
const FAKE: FakeDiscordOptions = {
	...BENCH_DISCORD,
	applicationId: id(1),
	guilds: [
		{
			id: id(2),
			name: "Bench Guild",
			channels: [{ id: id(3), name: "general" }],
			members: Array.from({ length: MEMBERS }, (_, i) => ({ id: id(1000 + i), username: `member${i}` })),
		},
	],
};

/** Waits until neither fake has seen a request for `QUIET_MS`: the last burst's work is over. */
async function quiet(fakes: readonly { requests: readonly unknown[] }[], bots: readonly BenchBot[]) {
	const count = () => fakes.reduce((sum, fake) => sum + fake.requests.length, 0);
	let last = count();
	let since = Date.now();
	await until(
		() => {
			const now = count();
			if (now !== last) {
				last = now;
				since = Date.now();
			}
			return Date.now() - since >= QUIET_MS;
		},
		30_000,
		"the bots to go quiet",
		bots,
	);
}

export async function measureAckVsBareBot() {
	const workDir = mkdtempSync(join(tmpdir(), "luma-bench-ack-"));
	const fakes: { discord?: FakeDiscord; bareDiscord?: FakeDiscord; ace?: FakeAceDataCloud } = {};
	const bots: BenchBot[] = [];
	try {
		const discord = (fakes.discord = await startFakeDiscord(FAKE));
		const bareDiscord = (fakes.bareDiscord = await startFakeDiscord(FAKE));
		const ace = (fakes.ace = await startFakeAceDataCloud({ videoBytes: 64 * 1024 }));
		ace.setBehaviour({ mode: "manual" });
		const bot = new BenchBot("ack", {
			STORE_URL: `sqlite://${join(workDir, "luma.sqlite")}`,
			DISCORD_TOKEN: discord.token,
			DISCORD_API_BASE: discord.apiBase,
			LUMA_API_KEY: ace.apiKey,
			LUMA_API_BASE: ace.baseUrl,
			JOB_TIMEOUT_MS: String(30 * 60_000),
			LOG_LEVEL: "warn",
			// Every member may send every burst: this figure is about speed, not limits.
			...NO_LIMITS,
		});
		bots.push(bot);
		// Under the same node options as the bot (its heap settings change how GC paces a burst).
		const bareNodeOptions = startNodeOptions();
		const bare = new BenchBot(
			"bare",
			{ DISCORD_TOKEN: bareDiscord.token, DISCORD_API_BASE: bareDiscord.apiBase },
			[...bareNodeOptions, "--import", "tsx", join(root, "test", "bench", "bareBot.ts")],
		);
		bots.push(bare);
		await bot.guard(discord.waitForLogin(30_000));
		await bot.guard(
			discord.waitForRequest((r) => r.method === "PUT" && r.path.endsWith("/commands"), 30_000),
		);
		await bare.guard(bareDiscord.waitForLogin(30_000));
		// The bare bot registers nothing: give its fake the real bot's commands, so both get the
		// same payload (command id, typed options).
		bareDiscord.commands.global.push(...discord.commands.global);
		for (const [guildId, commands] of discord.commands.guild)
			bareDiscord.commands.guild.set(guildId, [...commands]);

		const sides: Record<Side, { discord: FakeDiscord; bot: BenchBot; latencies: number[]; p99s: number[] }> =
			{
				bot: { discord, bot, latencies: [], p99s: [] },
				bare: { discord: bareDiscord, bot: bare, latencies: [], p99s: [] },
			};
		let jobs = 0;
		const burst = async (side: Side, count: number, label: string) => {
			const { discord: fake, bot: child } = sides[side];
			const handles = Array.from({ length: count }, (_, i) =>
				fake.sendSlashCommand({
					name: "luma",
					subcommand: "generate",
					options: { prompt: `${label} ${i}` },
					userId: id(1000 + (i % MEMBERS)),
				}),
			);
			const responses = await child.guard(Promise.all(handles.map((handle) => handle.response(10_000))));
			if (side === "bot") {
				jobs += count;
				await until(() => ace.tasks.size === jobs, 30_000, `${label}: ${count} submissions`, bots);
			}
			await quiet([discord, bareDiscord, ace], bots);
			return responses.map((response) => response.latencyMs);
		};

		// The first commands after a start pay for loading code, and the first burst for JIT
		// compiling the hot paths and caching 100 members: both bots get the same unmeasured
		// warm-up, a few commands and then full bursts.
		const firstCommand: Partial<Record<Side, number>> = {};
		const warmupBurstP99: Partial<Record<Side, number>> = {};
		for (const side of ORDER) {
			const warmup = await burst(side, WARMUP_COMMANDS, `warmup ${side}`);
			firstCommand[side] = Math.round(warmup[0] ?? Number.NaN);
			for (let i = 0; i < WARMUP_BURSTS; i++)
				warmupBurstP99[side] = percentile(await burst(side, MEMBERS, `warmup burst ${side} ${i}`), 99);
		}
		await sleep(1000);

		for (let round = 0; round < ROUNDS; round++) {
			const order = round % 2 === 0 ? ORDER : [...ORDER].reverse();
			for (const side of order) {
				const latencies = await burst(side, MEMBERS, `ack ${side} ${round}`);
				sides[side].latencies.push(...latencies);
				sides[side].p99s.push(percentile(latencies, 99));
			}
		}

		const summary = (side: Side) => ({
			commands: sides[side].latencies.length,
			p50: percentile(sides[side].latencies, 50),
			p99: percentile(sides[side].latencies, 99),
			max: Math.round(Math.max(...sides[side].latencies)),
			p99PerBurst: sides[side].p99s,
			firstCommandAfterStart: firstCommand[side],
			lastWarmupBurstP99: warmupBurstP99[side],
		});
		const ours = summary("bot");
		const baseline = summary("bare");
		const ratio = Number((ours.p99 / baseline.p99).toFixed(2));
		const median = (values: number[]) => percentile(values, 50);
		// Less moved by one burst that met a busy machine: the bursts' middle p99, bot over bare.
		const burstRatio = Number((median(sides.bot.p99s) / median(sides.bare.p99s)).toFixed(2));
		const callbackTypes = new Set(
			discord.requests
				.filter((r) => r.path.endsWith("/callback"))
				.map((r) => (r.body as { type?: number }).type),
		);
		return {
			members: MEMBERS,
			commandsPerBurst: MEMBERS,
			bursts: ROUNDS,
			bot: { ...ours, callbackTypes: [...callbackTypes] },
			bareBot: { ...baseline, nodeOptions: bareNodeOptions },
			ratioP99: ratio,
			ratioMedianBurstP99: burstRatio,
			goal: `p99 bot / p99 bare <= ${GOAL_RATIO}`,
			met: ratio <= GOAL_RATIO,
		};
	} finally {
		try {
			await Promise.all(bots.map((bot) => bot.stop()));
		} finally {
			await Promise.all([fakes.discord?.close(), fakes.bareDiscord?.close(), fakes.ace?.close()]);
			rmSync(workDir, { recursive: true, force: true });
		}
	}
}
