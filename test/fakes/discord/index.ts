import { FaultInjector } from "../common/faults.js";
import { storeFile } from "./attachments.js";
import type { FakeContext } from "./context.js";
import { discordFaultShape } from "./faults.js";
import { Gateway } from "./gateway.js";
import { apiChannel } from "./interactionPayloads.js";
import { InteractionFactory, redeliver } from "./interactions.js";
import { createStoredMessage } from "./messages.js";
import { DEFAULT_SPEC_PATH, loadSpecValidator } from "./openapi.js";
import { Router } from "./router.js";
import { addApplicationRoutes } from "./routesApplication.js";
import { addChannelRoutes } from "./routesChannels.js";
import { addCommandRoutes } from "./routesCommands.js";
import { addInteractionRoutes } from "./routesInteractions.js";
import { addUserRoutes } from "./routesUsers.js";
import { addWebhookRoutes } from "./routesWebhooks.js";
import { FakeServer, type Injection } from "./server.js";
import { SnowflakeGenerator } from "./snowflake.js";
import { Store } from "./state.js";
import type { FakeDiscord, FakeDiscordOptions } from "./types.js";

export type * from "./types.js";

const DEFAULT_TIMEOUT = 10_000;

/** Starts a fake Discord (REST, gateway, CDN) on 127.0.0.1; point discord.js at it with `rest: { api: fake.apiBase }`. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
	const now = options.now ?? Date.now;
	const token = options.token ?? "fake-bot-token";
	const snowflakes = new SnowflakeGenerator(now);
	const applicationId = options.applicationId ?? snowflakes.next();
	const store = new Store(now, snowflakes, options.botUserId ?? applicationId, "Luma Studio");
	store.addGuilds(options.guilds?.length ? options.guilds : [{}]);
	const spec = loadSpecValidator(options.openapiSpecPath);
	const specPath = options.openapiSpecPath === null ? null : (options.openapiSpecPath ?? DEFAULT_SPEC_PATH);
	const router = new Router();
	const injections: Injection[] = [];
	const faults = new FaultInjector(discordFaultShape);
	// eslint-disable-next-line prefer-const -- set once the port is known; the upgrade handler closes over it
	let gateway: Gateway | undefined;
	const server = new FakeServer({
		store,
		token,
		spec,
		router,
		injections,
		faults,
		onUpgrade: (req, socket, head) => {
			if (gateway) gateway.handleUpgrade(req, socket, head);
			else socket.destroy();
		},
	});
	const port = await server.listen();
	const origin = `http://127.0.0.1:${port}`;
	gateway = new Gateway({
		store,
		token,
		applicationId,
		wsUrl: `ws://127.0.0.1:${port}/gateway`,
		heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
		allowedPrivilegedIntents: options.allowedPrivilegedIntents ?? 0,
	});
	const live = gateway;
	const ctx: FakeContext = {
		store,
		origin,
		token,
		applicationId,
		followupReplacesDeferred: options.followupReplacesDeferred ?? true,
		gatewayBot: {
			shards: options.recommendedShards ?? 1,
			maxConcurrency: options.maxConcurrency ?? 1,
			sessionsStarted: () => live.identified.length,
		},
	};
	addApplicationRoutes(router, ctx);
	addInteractionRoutes(router, ctx);
	addWebhookRoutes(router, ctx);
	addChannelRoutes(router, ctx);
	addCommandRoutes(router, ctx);
	addUserRoutes(router, ctx);
	const interactions = new InteractionFactory(ctx, (t, d) => live.dispatch(t, d));
	const firstGuild = store.guilds[0];
	if (!firstGuild) throw new Error("fake discord: no guild");
	let closed: Promise<void> | undefined;

	return {
		apiBase: `${origin}/api`,
		token,
		applicationId,
		botUserId: store.botUser.id,
		guild: {
			id: firstGuild.id,
			channelId: firstGuild.channels[0]?.id ?? "",
			ownerId: firstGuild.ownerId,
			memberIds: firstGuild.members.map((m) => m.id),
		},
		requests: store.requests,
		violations: store.violations,
		openapi: { path: specPath, checks: specPath === null ? "off" : spec ? "checked" : "skipped" },
		commands: store.commands,
		addAttachment: (input) => storeFile(store, origin, `ephemeral-attachments/${applicationId}`, input),
		sendSlashCommand: (input) => interactions.slash(input),
		sendButton: (input) => interactions.button(input),
		sendModalSubmit: (input) => interactions.modalSubmit(input),
		sendAutocomplete: (input) => interactions.autocomplete(input),
		sendMessageCommand: (input) => interactions.messageCommand(input),
		redeliverInteraction: (interactionId) => redeliver(ctx, (t, d) => live.dispatch(t, d), interactionId),
		dmChannelId: (userId) => store.dmChannel(userId).id,
		message: (channelId, messageId) => store.message(channelId, messageId),
		messages: (channelId) => store.messages(channelId),
		createMessage(input) {
			const channelId = input.channelId ?? firstGuild.channels[0]?.id ?? "";
			const authorId = input.authorId ?? firstGuild.ownerId;
			const author = store.users.get(authorId) ?? {
				id: authorId,
				username: input.username ?? "someone",
				bot: false,
			};
			const message = createStoredMessage(
				store,
				{ channelId, author: { ...author, bot: input.bot ?? author.bot } },
				{ content: input.content ?? "", embeds: input.embeds, components: input.components },
				{ files: [], limit: Number.POSITIVE_INFINITY, origin },
			);
			store.messageWaiters.notify(message);
			return message;
		},
		deleteMessage(channelId, messageId) {
			if (store.message(channelId, messageId)) store.removeMessage(messageId);
		},
		expireToken(interactionId) {
			const record = store.interactions.get(interactionId);
			if (!record) throw new Error(`fake discord: unknown interaction ${interactionId}`);
			record.expired = true;
		},
		deleteChannel(channelId) {
			if (!store.channelById.has(channelId)) throw new Error(`fake discord: unknown channel ${channelId}`);
			const channel = apiChannel(store, channelId);
			store.removeChannel(channelId);
			live.dispatch("CHANNEL_DELETE", channel);
		},
		revokeChannelAccess(channelId) {
			if (!store.channelById.has(channelId)) throw new Error(`fake discord: unknown channel ${channelId}`);
			store.noAccess.add(channelId);
		},
		addFault: (rule) => faults.add(rule),
		clearFaults: () => faults.clear(),
		injectedFaults: faults.injected,
		injectError(match, error) {
			injections.push({ ...match, error, remaining: error.times ?? 1 });
		},
		waitForRequest: (predicate, timeoutMs = DEFAULT_TIMEOUT) =>
			store.requestWaiters.wait(predicate, store.requests, timeoutMs, "a matching request"),
		waitForMessage: (predicate, timeoutMs = DEFAULT_TIMEOUT) =>
			store.messageWaiters.wait(predicate, store.messagesById.values(), timeoutMs, "a matching message"),
		waitForLogin: (timeoutMs = DEFAULT_TIMEOUT) => live.waitForLogin(timeoutMs),
		get gatewayConnections() {
			return live.connections;
		},
		dispatchEvent: (t, d) => live.dispatch(t, d),
		get identified() {
			return live.identified;
		},
		close() {
			closed ??= (async () => {
				store.requestWaiters.rejectAll("fake discord closed");
				store.messageWaiters.rejectAll("fake discord closed");
				await live.close();
				await server.close();
			})();
			return closed;
		},
	};
}
