import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { hostname } from "node:os";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Client, Events } from "discord.js";
import type { Dispatcher } from "undici";
import { buildCommands, messageCommands } from "../commands/index.js";
import { GuildAdmin } from "./admin/guildAdmin.js";
import { ChannelAuditLog } from "./bot/auditLogChannel.js";
import { createClient } from "./bot/client.js";
import type { Command } from "./bot/command.js";
import { componentHandlers } from "./bot/components.js";
import { GuildLanguages } from "./bot/i18n/guildLanguages.js";
import { LANGUAGE_CODES } from "./bot/i18n/languages.js";
import { DiscordPresenter } from "./bot/presenter.js";
import { fetchApplicationId, registerCommands } from "./bot/registerCommands.js";
import { InteractionRouter } from "./bot/router.js";
import { type Clock, systemClock } from "./clock.js";
import type { Env } from "./env.js";
import { Delivery } from "./jobs/delivery.js";
import { JobEvents } from "./jobs/events.js";
import type { Job } from "./jobs/job.js";
import { JobEngine } from "./jobs/jobEngine.js";
import { JobIndex, type RecentVideo } from "./jobs/jobIndex.js";
import { JobStore } from "./jobs/jobStore.js";
import { Poller } from "./jobs/poller.js";
import { recoverJobs } from "./jobs/recover.js";
import { RepeatGuard } from "./jobs/repeatGuard.js";
import type { StartJobDeps } from "./jobs/startJob.js";
import type { Logger } from "./logger.js";
import { frameReader } from "./media/readFrame.js";
import { readHead } from "./media/readHead.js";
import { RequestGate } from "./moderation/requestGate.js";
import { capabilitiesFor } from "./providers/capabilities.js";
import { registryFromEnv } from "./providers/fromEnv.js";
import type { ProviderRegistry } from "./providers/registry.js";
import { loadUserRef } from "./providers/userRef.js";
import { DEFAULT_STALE_AFTER_MS, QuotaService } from "./quota/quotaService.js";
import { GuildSettingsStore } from "./settings/guildSettings.js";
import { createStore, type Store } from "./store/createStore.js";
import { loadSecret } from "./store/secret.js";
import { healthCheck } from "./http/health.js";
import type { HttpServer } from "./http/server.js";
import { CallbackTokens } from "./jobs/callbackTokens.js";
import { createCallbackIntake } from "./jobs/callbackIntake.js";
import { countingDispatcher } from "./metrics/countingDispatcher.js";
import { Metrics } from "./metrics/metrics.js";
import { observeInteractionAcks } from "./metrics/interactionAcks.js";
import { listenToJobs } from "./jobListeners.js";
import { verifyProviderKeys } from "./providers/verifyKeys.js";
import { ownsGuild, type ShardAssignment, UNSHARDED } from "./shard/ownership.js";
import { answerManager, type MessagePort } from "./shard/managerRequests.js";
import { sharedUsageRecords } from "./quota/usageRecords.js";
import { SHARED_CACHE_MS } from "./quota/quotaService.js";
import { AnswersFirst } from "./util/answersFirst.js";

const FRAME_READ_TIMEOUT_MS = 8_000;
const FRAME_DOWNLOAD_TIMEOUT_MS = 20_000;
/** How long a job's writes, a poll pass or a quota write may wait for interactions to be answered. */
const ANSWERS_FIRST_MAX_WAIT_MS = 250;
/** A burst is over once no interaction came for this long (its pieces arrive a few ms apart). */
const ANSWERS_FIRST_QUIET_MS = 15;
/** A server's usage write, which a member's or an admin's answer may itself be waiting for. */
const QUOTA_WRITE_MAX_WAIT_MS = 50;

export interface AppDeps {
	env: Env;
	logger: Logger;
	clock?: Clock;
	/** undici dispatcher for provider and file downloads (tests point it at fakes). */
	dispatcher?: Dispatcher;
	commands?: readonly Command[];
	/** The store, when the caller opens it (tests wrap it); default: STORE_URL's. */
	store?: Store;
	/** The gateway shards this process serves; default: unsharded, every server. */
	shards?: ShardAssignment;
	/**
	 * The channel to the sharding manager, in a shard process: the manager serves the HTTP
	 * endpoint and asks this process for its health, metrics and the callbacks of its jobs.
	 */
	managerPort?: MessagePort;
	/**
	 * Whether start() registers the commands (default true). A shard process does not: its
	 * manager registered them once for all shards, and Discord limits command creates per day.
	 */
	registerCommands?: boolean;
}

export interface App {
	readonly client: Client;
	readonly engine: JobEngine;
	readonly poller: Poller;
	readonly store: Store;
	readonly registry: ProviderRegistry;
	readonly metrics: Metrics;
	/** The HTTP endpoint, once started (only with HTTP_PORT, and never in a shard process: its manager serves it). */
	readonly http: HttpServer | undefined;
	/** The shards this process serves, as the client identifies them: what a job's owner is checked against. */
	readonly shards: ShardAssignment;
	start(): Promise<void>;
	/** Stops taking work, lets in-flight writes finish, then closes Discord and the store. */
	stop(): Promise<void>;
}

export function createApp(deps: AppDeps): App {
	const { env, logger } = deps;
	const clock = deps.clock ?? systemClock;
	// A port takes one process: with several shard processes, the manager serves the endpoint.
	const servesHttp = env.HTTP_PORT !== undefined && !deps.managerPort;
	const store = deps.store ?? createStore(env.STORE_URL, logger);
	const assigned = deps.shards ?? UNSHARDED;
	const owns = (guildId: string | null) => ownsGuild(guildId, assigned.ids, assigned.count);
	// Other processes may share the store: steps that must happen once are claimed there, and this
	// process handles only the jobs of the servers on its shards.
	const shared = store.shared
		? {
				claims: store.claims,
				owner: `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`,
				owns: (job: Pick<Job, "guildId">) => owns(job.guildId),
			}
		: undefined;
	const index = new JobIndex({
		refs: store.openNamespace<string>("job-refs"),
		recent: store.openNamespace<RecentVideo[]>("recent-videos"),
	});
	const jobStore = new JobStore({
		jobs: store.openNamespace<Job>("jobs"),
		activeIndex: store.openNamespace<number>("jobs-active"),
		index,
		logger,
		...(shared && { shared }),
	});
	const meta = store.openNamespace<string>("meta");
	const metrics = new Metrics({
		activeJobs: () => jobStore.active(),
		// Process figures are only worth sampling when someone can scrape them.
		processDefaults: env.HTTP_PORT !== undefined,
	});
	const registry = registryFromEnv(env, {
		readFrame: frameReader({
			timeoutMs: FRAME_DOWNLOAD_TIMEOUT_MS,
			...(deps.dispatcher && { dispatcher: deps.dispatcher }),
		}),
		dispatcherFor: (name) =>
			countingDispatcher(deps.dispatcher, (endpoint, status) =>
				metrics.providerRequest(name, endpoint, status),
			),
	});
	const commands = deps.commands ?? buildCommands(capabilitiesFor(registry.primary.name, env.LUMA_MODEL));

	const client = createClient({
		...(env.DISCORD_API_BASE && { apiBase: `${env.DISCORD_API_BASE}` }),
		onRestError: (status, code) => metrics.discordError(status, code),
		shards: deps.shards ?? UNSHARDED,
	});
	const shards = shardsOf(client);
	client.rest.setToken(env.DISCORD_TOKEN);
	// Finished videos wait here between download and upload; the folder goes with the process.
	const spoolDir = mkdtempSync(join(tmpdir(), "luma-videos-"));
	const presenter = new DiscordPresenter({
		rest: client.rest,
		store: jobStore,
		clock,
		logger,
		spoolDir,
		...(deps.dispatcher && { dispatcher: deps.dispatcher }),
		onDelivered: (job, now) => metrics.jobDelivered(job, now),
		// `languages` is made below with the settings; jobs are drawn only once the app runs.
		languageOf: (guildId) => languages.of(guildId),
		logChannelOf: async (guildId) => (await settings.get(guildId)).logChannelId,
	});
	// Interactions are answered before jobs' writes, provider calls and poll passes take the CPU.
	const answers = new AnswersFirst({ maxWaitMs: ANSWERS_FIRST_MAX_WAIT_MS, quietMs: ANSWERS_FIRST_QUIET_MS });
	observeInteractionAcks(client.rest, (interactionId, ms) => {
		metrics.interactionAnswered(ms);
		answers.answered(interactionId);
	});
	const events = new JobEvents(logger);
	jobStore.onFinished((job) => events.emit("finished", { job }));
	jobStore.onDelivered((job) => events.emit("delivered", { job }));
	const delivery = new Delivery({ presenter, store: jobStore, logger });
	// Set in start(), before any job can be submitted.
	let userRef: (userId: string) => string = () => {
		throw new Error("the user reference key is not loaded yet");
	};
	let tokens: CallbackTokens | undefined;
	const publicUrl = env.PUBLIC_URL;
	const engine = new JobEngine({
		store: jobStore,
		registry,
		delivery,
		events,
		clock,
		logger,
		timeoutMs: env.JOB_TIMEOUT_MS,
		userRef: (userId) => userRef(userId),
		callbackUrl: (provider, jobId) =>
			publicUrl && tokens ? tokens.urlFor(publicUrl, provider, jobId) : undefined,
	});
	const settings = new GuildSettingsStore({
		keyv: store.openNamespace<unknown>("guild-settings"),
		defaults: {
			guildDaily: env.GUILD_DAILY_LIMIT,
			guildMonthly: env.GUILD_MONTHLY_LIMIT,
			guildMaxConcurrent: env.GUILD_MAX_CONCURRENT,
			userDaily: env.USER_DAILY_LIMIT,
			userMaxConcurrent: env.USER_MAX_CONCURRENT,
			userCooldownSeconds: env.USER_COOLDOWN_SECONDS,
		},
		languages: LANGUAGE_CODES,
		// Another process may change a server's settings (an admin's command during a reshard).
		...(store.shared && { cacheMs: SHARED_CACHE_MS }),
	});
	const languages = new GuildLanguages({
		settings,
		discordLocaleOf: (guildId) => client.guilds.cache.get(guildId)?.preferredLocale,
	});
	const quota = new QuotaService({
		// Several processes write usage with compare-and-set, so no count is lost between them.
		...(store.shared
			? { records: sharedUsageRecords(store.versioned<unknown>("usage")) }
			: { keyv: store.openNamespace<unknown>("usage") }),
		settings,
		clock,
		// A slot whose job end was lost stops counting after this; it must outlast any real job.
		staleAfterMs: Math.max(DEFAULT_STALE_AFTER_MS, env.JOB_TIMEOUT_MS * 2),
		// Shorter: an admin's reset waits for its write before it is answered itself.
		afterAnswers: () => answers.settled(QUOTA_WRITE_MAX_WAIT_MS),
	});
	const audit = new ChannelAuditLog({ rest: client.rest, settings, languages, logger });
	const gate = new RequestGate({ settings, quota, audit, onRefused: (rule) => metrics.refused(rule) });
	const admin = new GuildAdmin({ settings, quota, audit });
	const listeners = listenToJobs(events, { quota, audit, metrics, logger });
	const poller = new Poller({
		engine,
		registry,
		delivery,
		clock,
		logger,
		options: {
			intervalMs: env.POLL_INTERVAL_MS,
			timeoutMs: env.JOB_TIMEOUT_MS,
			firstPollDelayMs: env.POLL_FIRST_DELAY_MS,
		},
		afterAnswers: () => answers.settled(),
	});
	const readFrameHead = (url: string, bytes: number) =>
		readHead(url, bytes, {
			timeoutMs: FRAME_READ_TIMEOUT_MS,
			...(deps.dispatcher && { dispatcher: deps.dispatcher }),
		});
	const start: StartJobDeps = {
		engine,
		store: jobStore,
		registry,
		gate,
		events,
		readHead: readFrameHead,
		clock,
		repeats: new RepeatGuard(store.claims),
		afterAnswers: () => answers.settled(),
	};
	const router = new InteractionRouter({
		onTaken: (interactionId) => answers.received(interactionId),
		commands,
		messageCommands,
		components: componentHandlers,
		logger,
		context: {
			engine,
			start,
			store: jobStore,
			registry,
			events,
			index,
			presenter,
			gate,
			quota,
			settings,
			audit,
			admin,
			languages,
			answers,
			clock,
			logger,
			readHead: readFrameHead,
		},
	});
	client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
	// A server's settings and usage are read ahead, so its first request is answered from memory.
	const warm = (guildId: string) =>
		void gate
			.warm(guildId)
			.catch((error: unknown) =>
				logger.warn({ err: error, guildId }, "could not read a server's records ahead"),
			);
	client.once(Events.ClientReady, (ready) => {
		for (const guildId of ready.guilds.cache.keys()) warm(guildId);
	});
	client.on(Events.GuildCreate, (guild) => warm(guild.id));
	client.on(Events.Error, (error) => logger.error({ err: error }, "discord client error"));

	const health = healthCheck({ gatewayReady: () => client.isReady(), store: meta });
	let http: HttpServer | undefined;
	let stopAnswering: (() => void) | undefined;
	let stopping: Promise<void> | undefined;
	return {
		client,
		engine,
		poller,
		store,
		registry,
		metrics,
		get http() {
			return http;
		},
		shards,
		async start() {
			userRef = await loadUserRef(meta);
			tokens = new CallbackTokens(await loadSecret(meta, "callback-secret"));
			// Recover before logging in: a job of this run must never be mistaken for an orphan of
			// the last one. REST works with the token alone, so outcomes can be shown already.
			await recoverJobs({ store: jobStore, engine, delivery, clock, logger });
			// Slots held by jobs that ended while the bot was down are freed.
			await quota.reconcile(new Set(engine.active().map((job) => job.id)), owns);
			const callbacks = createCallbackIntake({ store: jobStore, engine, registry, tokens, logger });
			if (deps.managerPort)
				stopAnswering = answerManager(deps.managerPort, async (request) => {
					if (request.kind === "health") return health();
					if (request.kind === "metrics") return metrics.registry.getMetricsAsJSON();
					return callbacks(request.request);
				});
			if (servesHttp && env.HTTP_PORT !== undefined) {
				// Loaded only when asked for: a bot without an endpoint carries no server in memory.
				const { startHttpServer } = await import("./http/server.js");
				http = await startHttpServer({
					host: env.HTTP_HOST,
					port: env.HTTP_PORT,
					logger,
					health,
					metrics,
					callbacks,
				});
			}
			// Checked while the gateway connects rather than before it: a slow provider must not hold
			// up the start. A key refused later still reaches members only privately.
			const keysChecked = verifyProviderKeys({
				registry,
				clock,
				logger,
				keyVariable: (name) => (name === registry.primary.name ? "LUMA_API_KEY" : "LUMA_FALLBACK_API_KEY"),
			});
			const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
			await client.login(env.DISCORD_TOKEN);
			await ready;
			if (deps.registerCommands ?? true) {
				const applicationId =
					env.DISCORD_APPLICATION_ID ?? client.application?.id ?? (await fetchApplicationId(client.rest));
				await registerCommands({
					rest: client.rest,
					applicationId,
					...(env.DISCORD_GUILD_ID && { guildId: env.DISCORD_GUILD_ID }),
					commands: [...commands, ...messageCommands].map((command) => command.data),
					meta,
					logger,
				});
			}
			await keysChecked;
			poller.start();
			logger.info(
				{
					user: client.user?.tag,
					guilds: client.guilds.cache.size,
					provider: registry.primary.name,
					fallback: registry.fallback?.name,
					...(shards.count > 1 && { shards: shards.ids, shardCount: shards.count }),
				},
				"bot ready",
			);
		},
		stop() {
			stopping ??= (async () => {
				// Closed first: no callback may start work that the rest of the shutdown would cut.
				stopAnswering?.();
				await http?.close();
				await router.close();
				await poller.stop();
				await engine.stop();
				await delivery.drain();
				await listeners.drain();
				await audit.drain();
				await client.destroy();
				await store.close();
				rmSync(spoolDir, { recursive: true, force: true });
				logger.info("bot stopped");
			})();
			return stopping;
		},
	};
}

/** The shards the client identifies with, as discord.js settled them from its options. */
function shardsOf(client: Client): ShardAssignment {
	const ids = client.options.shards;
	const count = client.options.shardCount ?? 1;
	return { ids: Array.isArray(ids) ? [...ids] : [0], count };
}
