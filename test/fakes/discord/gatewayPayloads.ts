import { apiChannel, apiMember } from "./interactionPayloads.js";
import { apiUser } from "./messages.js";
import type { GuildState, Store } from "./state.js";

type Json = Record<string, unknown>;

/** @everyone's permissions: Discord's defaults for a new server. */
const EVERYONE_PERMISSIONS = "2248473465835073";

export function readyPayload(
	store: Store,
	applicationId: string,
	sessionId: string,
	resumeUrl: string,
	shard: readonly [number, number],
	guilds: readonly GuildState[],
): Json {
	return {
		v: 10,
		user: { ...apiUser(store.botUser), verified: true, mfa_enabled: false, email: null },
		user_settings: {},
		guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
		session_id: sessionId,
		session_type: "normal",
		resume_gateway_url: resumeUrl,
		shard: [...shard],
		application: { id: applicationId, flags: 0 },
		private_channels: [],
		relationships: [],
		presences: [],
		guild_join_requests: [],
		geo_ordered_rtc_regions: ["local"],
		_trace: ['["fake-discord",{"micros":0}]'],
	};
}

function role(guild: GuildState): Json {
	return {
		id: guild.id,
		name: "@everyone",
		description: null,
		permissions: EVERYONE_PERMISSIONS,
		position: 0,
		color: 0,
		colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
		hoist: false,
		managed: false,
		mentionable: false,
		icon: null,
		unicode_emoji: null,
		flags: 0,
	};
}

/** A full GUILD_CREATE; channels carry no guild_id, as on the gateway. */
export function guildCreatePayload(store: Store, guild: GuildState): Json {
	const memberIds = [store.botUser.id, ...guild.members.map((m) => m.id)];
	return {
		id: guild.id,
		name: guild.name,
		icon: null,
		splash: null,
		discovery_splash: null,
		banner: null,
		description: null,
		owner_id: guild.ownerId,
		region: "deprecated",
		afk_channel_id: null,
		afk_timeout: 300,
		verification_level: 0,
		default_message_notifications: 0,
		explicit_content_filter: 0,
		mfa_level: 0,
		nsfw_level: 0,
		premium_tier: 0,
		premium_subscription_count: 0,
		premium_progress_bar_enabled: false,
		preferred_locale: guild.locale,
		system_channel_id: guild.channels[0]?.id ?? null,
		system_channel_flags: 0,
		rules_channel_id: null,
		public_updates_channel_id: null,
		safety_alerts_channel_id: null,
		vanity_url_code: null,
		application_id: null,
		max_members: 500000,
		max_video_channel_users: 25,
		max_stage_video_channel_users: 50,
		features: [],
		emojis: [],
		stickers: [],
		roles: [
			role(guild),
			...guild.roles.map((extra, index) => ({
				...role(guild),
				id: extra.id,
				name: extra.name,
				permissions: "0",
				position: index + 1,
			})),
		],
		// GUILD_CREATE lists channels without guild_id (and without the interaction-only permissions).
		channels: guild.channels.map((c) => {
			const { guild_id: _guildId, permissions: _permissions, ...channel } = apiChannel(store, c.id);
			return { ...channel, permission_overwrites: [] };
		}),
		threads: [],
		members: memberIds.map((id) => {
			const member = apiMember(store, guild.id, id);
			delete member.permissions;
			return member;
		}),
		member_count: memberIds.length,
		presences: [],
		voice_states: [],
		stage_instances: [],
		guild_scheduled_events: [],
		soundboard_sounds: [],
		embedded_activities: [],
		activity_instances: [],
		joined_at: "2024-01-01T00:00:00.000Z",
		large: false,
		unavailable: false,
		lazy: true,
		incidents_data: null,
		home_header: null,
		latest_onboarding_question_id: null,
		hub_type: null,
		nsfw: false,
		version: 0,
	};
}
