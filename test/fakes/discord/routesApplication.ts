import type { FakeContext } from "./context.js";
import { guildCreatePayload } from "./gatewayPayloads.js";
import { apiMember } from "./interactionPayloads.js";
import { apiUser } from "./messages.js";
import { errors, type Router } from "./router.js";

/** Discord's daily IDENTIFY allowance for a bot under 100,000 servers. */
const SESSION_STARTS_PER_DAY = 1000;

/** Gateway discovery, the bot's own user and application, and read-only guild lookups. */
export function addApplicationRoutes(router: Router, ctx: FakeContext): void {
	const { store } = ctx;
	const wsUrl = `${ctx.origin.replace(/^http/, "ws")}/gateway`;
	const application = () => ({
		id: ctx.applicationId,
		name: store.botUser.username,
		icon: null,
		description: "",
		summary: "",
		type: null,
		bot_public: true,
		bot_require_code_grant: false,
		verify_key: "0".repeat(64),
		flags: 0,
		owner: apiUser(store.users.get(store.guilds[0]?.ownerId ?? "") ?? store.botUser),
		team: null,
		bot: apiUser(store.botUser),
		approximate_guild_count: store.guilds.length,
		install_params: { scopes: ["bot", "applications.commands"], permissions: "0" },
		integration_types_config: { "0": {} },
	});

	router.add("GET", "/gateway", () => ({ status: 200, body: { url: wsUrl } }));
	router.add("GET", "/gateway/bot", () => ({
		status: 200,
		body: {
			url: wsUrl,
			shards: ctx.gatewayBot.shards,
			session_start_limit: {
				total: SESSION_STARTS_PER_DAY,
				remaining: Math.max(0, SESSION_STARTS_PER_DAY - ctx.gatewayBot.sessionsStarted()),
				reset_after: 86_400_000,
				max_concurrency: ctx.gatewayBot.maxConcurrency,
			},
		},
	}));
	router.add("GET", "/users/@me", () => ({
		status: 200,
		body: { ...apiUser(store.botUser), verified: true },
	}));
	router.add("GET", "/users/:id", (_req, [id = ""]) => {
		const user = store.users.get(id);
		if (!user) throw errors.unknownUser();
		return { status: 200, body: apiUser(user) };
	});
	router.add("GET", "/applications/@me", () => ({ status: 200, body: application() }));
	router.add("GET", "/oauth2/applications/@me", () => ({ status: 200, body: application() }));
	router.add("GET", "/guilds/:guild", (_req, [guildId = ""]) => {
		const guild = store.guildById.get(guildId);
		if (!guild) throw errors.unknownGuild();
		const { channels: _c, members: _m, ...rest } = guildCreatePayload(store, guild);
		return { status: 200, body: rest };
	});
	router.add("GET", "/guilds/:guild/members/:user", (_req, [guildId = "", userId = ""]) => {
		if (!store.guildById.has(guildId)) throw errors.unknownGuild();
		if (!store.member(guildId, userId) && userId !== store.botUser.id) {
			throw errors.unknownMember();
		}
		const { permissions: _p, ...member } = apiMember(store, guildId, userId);
		return { status: 200, body: member };
	});
}
