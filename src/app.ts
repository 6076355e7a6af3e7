import { type Client, Events } from "discord.js";
import type { Dispatcher } from "undici";
import { buildCommands, messageCommands } from "../commands/index.js";
import { GuildAdmin } from "./admin/guildAdmin.js";
import { ChannelAuditLog } from "./bot/auditLogChannel.js";
import { createClient } from "./bot/client.js";
import type { Command } from "./bot/command.js";
import { componentHandlers } from "./bot/components.js";
import { DiscordPresenter } from "./bot/presenter.js";
import { fetchApplicationId, registerCommands } from "./bot/registerCommands.js";
import { InteractionRouter } from "./bot/router.js";
import { type Clock, systemClock } from "./clock.js";
import type { Env } from "./env.js";
import { Delivery } from "./jobs/delivery.js";
import { JobEvents } from "./jobs/events.js";
import { type Job, refundsUnit } from "./jobs/job.js";
import { JobEngine } from "./jobs/jobEngine.js";
import { JobIndex, type RecentVideo } from "./jobs/jobIndex.js";
import { JobStore } from "./jobs/jobStore.js";
import { Poller } from "./jobs/poller.js";
import { recoverJobs } from "./jobs/recover.js";
import type { StartJobDeps } from "./jobs/startJob.js";
import type { Logger } from "./logger.js";
import { frameReader } from "./media/readFrame.js";
import { readHead } from "./media/readHead.js";
import { RequestGate } from "./moderation/requestGate.js";
import { capabilitiesFor } from "./providers/capabilities.js";
import { createAdapter, ProviderRegistry } from "./providers/registry.js";
import type { ProviderAdapter } from "./providers/types.js";
import { loadUserRef } from "./providers/userRef.js";
import { DEFAULT_STALE_AFTER_MS, QuotaService } from "./quota/quotaService.js";
import { GuildSettingsStore } from "./settings/guildSettings.js";
import { createStore, type Store } from "./store/createStore.js";

const FRAME_READ_TIMEOUT_MS = 8_000;
const FRAME_DOWNLOAD_TIMEOUT_MS = 20_000;

export interface AppDeps {
	env: Env;
	logger: Logger;
	clock?: Clock;
	/** undici dispatcher for provider and file downloads (tests point it at fakes). */
	dispatcher?: Dispatcher;
	/** Providers to use instead of those the environment names (tests). */
	providers?: { primary: ProviderAdapter; fallback?: ProviderAdapter };
	commands?: readonly Command[];
}

export interface App {
	readonly client: Client;
	readonly engine: JobEngine;
	readonly poller: Poller;
	readonly store: Store;
	readonly registry: ProviderRegistry;
	start(): Promise<void>;
	/** Stops taking work, lets in-flight writes finish, then closes Discord and the store. */
	stop(): Promise<void>;
}

/** The configured providers: the primary and, when set, the fallback. */
function createRegistry(env: Env, deps: AppDeps): ProviderRegistry {
	if (deps.providers) return new ProviderRegistry(deps.providers.primary, deps.providers.fallback);
	const dispatcher = deps.dispatcher && { dispatcher: deps.dispatcher };
	const readFrame = frameReader({ timeoutMs: FRAME_DOWNLOAD_TIMEOUT_MS, ...dispatcher });
	const primary = createAdapter(env.LUMA_PROVIDER, {
		apiKey: env.LUMA_API_KEY,
		readFrame,
		...(env.LUMA_API_BASE && { baseUrl: env.LUMA_API_BASE }),
		...(env.LUMA_MODEL && { model: env.LUMA_MODEL }),
		...dispatcher,
	});
	const fallback =
		env.LUMA_FALLBACK_PROVIDER && env.LUMA_FALLBACK_API_KEY
			? createAdapter(env.LUMA_FALLBACK_PROVIDER, {
					apiKey: env.LUMA_FALLBACK_API_KEY,
					readFrame,
					...(env.LUMA_FALLBACK_API_BASE && { baseUrl: env.LUMA_FALLBACK_API_BASE }),
					...(env.LUMA_FALLBACK_MODEL && { model: env.LUMA_FALLBACK_MODEL }),
					...dispatcher,
				})
			: undefined;
	return new ProviderRegistry(primary, fallback);
}

export function createApp(deps: AppDeps): App {
	const { env, logger } = deps;
	const clock = deps.clock ?? systemClock;
	const store = createStore(env.STORE_URL, logger);
	const index = new JobIndex({
		refs: store.openNamespace<string>("job-refs"),
		recent: store.openNamespace<RecentVideo[]>("recent-videos"),
	});
	const jobStore = new JobStore({
		jobs: store.openNamespace<Job>("jobs"),
		activeIndex: store.openNamespace<number>("jobs-active"),
		index,
		logger,
	});
	const meta = store.openNamespace<string>("meta");
	const registry = createRegistry(env, deps);
	const commands = deps.commands ?? buildCommands(capabilitiesFor(registry.primary.name, env.LUMA_MODEL));

	const client = createClient(env.DISCORD_API_BASE ? { apiBase: `${env.DISCORD_API_BASE}` } : {});
	client.rest.setToken(env.DISCORD_TOKEN);
	const presenter = new DiscordPresenter({
		rest: client.rest,
		store: jobStore,
		clock,
		logger,
		...(deps.dispatcher && { dispatcher: deps.dispatcher }),
	});
	const events = new JobEvents(logger);
	jobStore.onFinished((job) => events.emit("finished", { job }));
	const delivery = new Delivery({ presenter, logger });
	// Set in start(), before any job can be submitted.
	let userRef: (userId: string) => string = () => {
		throw new Error("the user reference key is not loaded yet");
	};
	const engine = new JobEngine({
		store: jobStore,
		registry,
		delivery,
		events,
		clock,
		logger,
		timeoutMs: env.JOB_TIMEOUT_MS,
		userRef: (userId) => userRef(userId),
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
	});
	const quota = new QuotaService({
		keyv: store.openNamespace<unknown>("usage"),
		settings,
		clock,
		// A slot whose job end was lost stops counting after this; it must outlast any real job.
		staleAfterMs: Math.max(DEFAULT_STALE_AFTER_MS, env.JOB_TIMEOUT_MS * 2),
	});
	const audit = new ChannelAuditLog({ rest: client.rest, settings, logger });
	const gate = new RequestGate({ settings, quota, audit });
	const admin = new GuildAdmin({ settings, quota, audit });
	const releases = new Set<Promise<void>>();
	const release = (job: Job) => {
		if (!job.guildId) return;
		const task = quota
			.release({ guildId: job.guildId, jobId: job.id, refund: refundsUnit(job) })
			.catch((error: unknown) => logger.error({ err: error, jobId: job.id }, "releasing a quota unit failed"))
			.finally(() => releases.delete(task));
		releases.add(task);
	};
	events.on("finished", ({ job }) => release(job));
	// A job whose pending message never appeared was never started: nothing to report.
	events.on(
		"finished",
		({ job }) => job.error?.code !== "not_started" && audit.record({ type: "finished", job }),
	);
	events.on("accepted", ({ job }) => audit.record({ type: "accepted", job }));
	events.on("deleted", ({ job, by }) => audit.record({ type: "deleted", job, by }));
	events.on("providerProblem", ({ job, provider, code }) => {
		if (job.guildId) audit.record({ type: "provider", guildId: job.guildId, provider, code });
	});
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
	};
	const router = new InteractionRouter({
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
			clock,
			logger,
			readHead: readFrameHead,
		},
	});
	client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
	client.on(Events.Error, (error) => logger.error({ err: error }, "discord client error"));

	let stopping: Promise<void> | undefined;
	return {
		client,
		engine,
		poller,
		store,
		registry,
		async start() {
			userRef = await loadUserRef(meta);
			// Recover before logging in: a job of this run must never be mistaken for an orphan of
			// the last one. REST works with the token alone, so outcomes can be shown already.
			await recoverJobs({ store: jobStore, engine, delivery, clock, logger });
			// Slots held by jobs that ended while the bot was down are freed.
			await quota.reconcile(new Set(engine.active().map((job) => job.id)));
			const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
			await client.login(env.DISCORD_TOKEN);
			await ready;
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
			poller.start();
			logger.info(
				{
					user: client.user?.tag,
					guilds: client.guilds.cache.size,
					provider: registry.primary.name,
					fallback: registry.fallback?.name,
				},
				"bot ready",
			);
		},
		stop() {
			stopping ??= (async () => {
				await router.close();
				await poller.stop();
				await engine.stop();
				await delivery.drain();
				await Promise.allSettled([...releases]);
				await audit.drain();
				await client.destroy();
				await store.close();
				logger.info("bot stopped");
			})();
			return stopping;
		},
	};
}
