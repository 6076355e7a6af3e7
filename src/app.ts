import { type Client, Events } from "discord.js";
import type { Dispatcher } from "undici";
import { commands as defaultCommands, messageCommands } from "../commands/index.js";
import { createClient } from "./bot/client.js";
import type { Command } from "./bot/command.js";
import { componentHandlers } from "./bot/components.js";
import { DiscordPresenter } from "./bot/presenter.js";
import { fetchApplicationId, registerCommands } from "./bot/registerCommands.js";
import { InteractionRouter } from "./bot/router.js";
import { type Clock, systemClock } from "./clock.js";
import type { Env } from "./env.js";
import type { Job } from "./jobs/job.js";
import { JobIndex, type RecentVideo } from "./jobs/jobIndex.js";
import { refundsUnit } from "./jobs/job.js";
import { JobService } from "./jobs/jobService.js";
import { JobStore } from "./jobs/jobStore.js";
import { Poller } from "./jobs/poller.js";
import { recoverJobs } from "./jobs/recoverJobs.js";
import type { Logger } from "./logger.js";
import { readHead } from "./media/readHead.js";
import { createProvider } from "./providers/createProvider.js";
import type { LumaProvider } from "./providers/types.js";
import { createStore, type Store } from "./store/createStore.js";
import { GuildAdmin } from "./admin/guildAdmin.js";
import { ChannelAuditLog } from "./bot/auditLogChannel.js";
import { RequestGate } from "./moderation/requestGate.js";
import { DEFAULT_STALE_AFTER_MS, QuotaService } from "./quota/quotaService.js";
import { GuildSettingsStore } from "./settings/guildSettings.js";

const FRAME_READ_TIMEOUT_MS = 8_000;

export interface AppDeps {
	env: Env;
	logger: Logger;
	clock?: Clock;
	/** undici dispatcher for provider and file downloads (tests point it at fakes). */
	dispatcher?: Dispatcher;
	provider?: LumaProvider;
	commands?: readonly Command[];
}

export interface App {
	readonly client: Client;
	readonly jobs: JobService;
	readonly poller: Poller;
	readonly store: Store;
	start(): Promise<void>;
	/** Stops taking work, lets in-flight writes finish, then closes Discord and the store. */
	stop(): Promise<void>;
}

export function createApp(deps: AppDeps): App {
	const { env, logger } = deps;
	const clock = deps.clock ?? systemClock;
	const commands = deps.commands ?? defaultCommands;
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
	const provider =
		deps.provider ??
		createProvider({
			name: env.LUMA_PROVIDER,
			apiKey: env.LUMA_API_KEY,
			...(env.LUMA_API_BASE && { baseUrl: env.LUMA_API_BASE }),
			...(deps.dispatcher && { dispatcher: deps.dispatcher }),
		});

	const client = createClient(env.DISCORD_API_BASE ? { apiBase: `${env.DISCORD_API_BASE}` } : {});
	client.rest.setToken(env.DISCORD_TOKEN);
	const presenter = new DiscordPresenter({
		rest: client.rest,
		store: jobStore,
		clock,
		logger,
		...(deps.dispatcher && { dispatcher: deps.dispatcher }),
	});
	const jobs = new JobService({ store: jobStore, provider, presenter, clock, logger });
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
	jobStore.onFinished((job) => {
		if (job.guildId) {
			const release = quota
				.release({ guildId: job.guildId, jobId: job.id, refund: refundsUnit(job) })
				.catch((error: unknown) =>
					logger.error({ err: error, jobId: job.id }, "releasing a quota unit failed"),
				)
				.finally(() => releases.delete(release));
			releases.add(release);
		}
		// A job whose pending message never appeared was never started: nothing to report.
		if (job.error?.code !== "not_started") audit.record({ type: "finished", job });
	});
	const poller = new Poller({
		jobs,
		provider,
		clock,
		logger,
		options: { intervalMs: env.POLL_INTERVAL_MS, timeoutMs: env.JOB_TIMEOUT_MS },
	});
	const router = new InteractionRouter({
		commands,
		messageCommands,
		components: componentHandlers,
		logger,
		context: {
			jobs,
			store: jobStore,
			index,
			presenter,
			gate,
			quota,
			settings,
			audit,
			admin,
			clock,
			logger,
			readHead: (url, bytes) =>
				readHead(url, bytes, {
					timeoutMs: FRAME_READ_TIMEOUT_MS,
					...(deps.dispatcher && { dispatcher: deps.dispatcher }),
				}),
		},
	});
	client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
	client.on(Events.Error, (error) => logger.error({ err: error }, "discord client error"));

	let stopping: Promise<void> | undefined;
	return {
		client,
		jobs,
		poller,
		store,
		async start() {
			// Recover before logging in: a job of this run must never be mistaken for an orphan of
			// the last one. REST works with the token alone, so outcomes can be shown already.
			await recoverJobs({ store: jobStore, jobs, clock, logger });
			// Slots held by jobs that ended while the bot was down are freed.
			await quota.reconcile(new Set(jobs.active().map((job) => job.id)));
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
				{ user: client.user?.tag, guilds: client.guilds.cache.size, provider: provider.name },
				"bot ready",
			);
		},
		stop() {
			stopping ??= (async () => {
				await router.close();
				await poller.stop();
				await jobs.drain();
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
