import { apiUser, toApiMessage } from "./messages.js";
import { ALL_PERMISSIONS, type InteractionRecord, type Store, type StoredCommand } from "./state.js";
import type { APIAttachmentLike, OptionValue, StoredMessage } from "./types.js";

type Json = Record<string, unknown>;

const JOINED_AT = "2024-01-01T00:00:00.000Z";

export function apiMember(store: Store, guildId: string, userId: string): Json {
	const member = store.member(guildId, userId);
	const user = store.users.get(userId) ?? { id: userId, username: `user-${userId.slice(-4)}`, bot: false };
	return {
		user: apiUser(user),
		roles: member?.roles ?? [],
		permissions: member?.permissions ?? ALL_PERMISSIONS,
		joined_at: JOINED_AT,
		deaf: false,
		mute: false,
		flags: 0,
		pending: false,
		nick: null,
		avatar: null,
		banner: null,
		premium_since: null,
		communication_disabled_until: null,
		unusual_dm_activity_until: null,
	};
}

export function apiChannel(store: Store, channelId: string): Json {
	const channel = store.channelById.get(channelId);
	const recipient = store.dmRecipient(channelId);
	if (recipient !== undefined) {
		const user = store.users.get(recipient) ?? { id: recipient, username: "someone", bot: false };
		return { id: channelId, type: 1, last_message_id: null, flags: 0, recipients: [apiUser(user)] };
	}
	return {
		id: channelId,
		type: 0,
		guild_id: channel?.guildId,
		name: channel?.name ?? "unknown",
		position: channel?.position ?? 0,
		parent_id: null,
		topic: null,
		nsfw: false,
		flags: 0,
		rate_limit_per_user: 0,
		last_message_id: null,
		permissions: ALL_PERMISSIONS,
	};
}

/** The INTERACTION_CREATE `d` with every field discord.js 14.28 dereferences. */
export function interactionPayload(
	store: Store,
	applicationId: string,
	record: InteractionRecord,
	data: Json,
): Json {
	if (record.dm) return directMessagePayload(store, applicationId, record, data);
	const guildLocale = store.guildById.get(record.guildId)?.locale ?? "en-US";
	const payload: Json = {
		...commonFields(applicationId, record, data),
		guild_id: record.guildId,
		guild: { id: record.guildId, locale: guildLocale, features: [] },
		channel_id: record.channelId,
		channel: apiChannel(store, record.channelId),
		member: apiMember(store, record.guildId, record.userId),
		app_permissions: record.appPermissions ?? ALL_PERMISSIONS,
		locale: record.locale,
		guild_locale: guildLocale,
		entitlements: [],
		authorizing_integration_owners: { "0": record.guildId },
		context: 0,
		attachment_size_limit: record.attachmentSizeLimit,
	};
	const source = record.sourceMessageId ? store.messagesById.get(record.sourceMessageId) : undefined;
	if (source) payload.message = toApiMessage(store, source);
	return payload;
}

/** The fields every interaction payload starts with, in a server or a direct message alike. */
function commonFields(applicationId: string, record: InteractionRecord, data: Json): Json {
	return {
		id: record.id,
		application_id: applicationId,
		type: record.type,
		token: record.token,
		version: 1,
		data,
	};
}

/** An interaction from the member's direct messages with the bot: `user` instead of a member, no guild. */
function directMessagePayload(
	store: Store,
	applicationId: string,
	record: InteractionRecord,
	data: Json,
): Json {
	const user = store.users.get(record.userId) ?? { id: record.userId, username: "someone", bot: false };
	const payload: Json = {
		...commonFields(applicationId, record, data),
		channel_id: record.channelId,
		channel: apiChannel(store, record.channelId),
		user: apiUser(user),
		app_permissions: record.appPermissions ?? ALL_PERMISSIONS,
		locale: record.locale,
		entitlements: [],
		// A guild install triggered from the bot's DMs is named "0".
		authorizing_integration_owners: { "0": "0" },
		context: 1,
		attachment_size_limit: record.attachmentSizeLimit,
	};
	const source = record.sourceMessageId ? store.messagesById.get(record.sourceMessageId) : undefined;
	if (source) payload.message = toApiMessage(store, source);
	return payload;
}

export function findCommand(
	store: Store,
	name: string,
	type: number,
	guildId: string,
): StoredCommand | undefined {
	const match = (c: StoredCommand) => c.name === name && (c.type ?? 1) === type;
	return store.commands.guild.get(guildId)?.find(match) ?? store.commands.global.find(match);
}

type OptionDef = { name?: string; type?: number; options?: OptionDef[] };

function inferType(value: OptionValue): number {
	if (typeof value === "object") return 11;
	if (typeof value === "boolean") return 5;
	if (typeof value === "number") return Number.isInteger(value) ? 4 : 10;
	return 3;
}

/** Options as Discord nests them (group → subcommand → values), plus `resolved` for ids. */
export function commandOptions(
	store: Store,
	guildId: string,
	command: StoredCommand | undefined,
	input: {
		subcommand?: string;
		subcommandGroup?: string;
		options?: Record<string, OptionValue>;
		focused?: string;
	},
): { options: Json[]; resolved?: Json } {
	let defs = (command?.options ?? []) as OptionDef[];
	const group = input.subcommandGroup ? defs.find((d) => d.name === input.subcommandGroup) : undefined;
	if (group) defs = group.options ?? [];
	const sub = input.subcommand ? defs.find((d) => d.name === input.subcommand) : undefined;
	if (sub) defs = sub.options ?? [];
	const resolved: Record<string, Json> = {};
	const put = (kind: string, id: string, value: unknown) => {
		resolved[kind] ??= {};
		(resolved[kind] as Json)[id] = value;
	};
	const values: Json[] = Object.entries(input.options ?? {}).map(([name, value]) => {
		const type = defs.find((d) => d.name === name)?.type ?? inferType(value);
		let raw: unknown = value;
		if (typeof value === "object") {
			raw = value.id;
			put("attachments", value.id, value satisfies APIAttachmentLike);
		} else if ((type === 6 || type === 9) && store.users.has(String(value))) {
			const member = apiMember(store, guildId, String(value));
			put("users", String(value), member.user);
			put("members", String(value), { ...member, user: undefined });
		} else if (type === 7 && store.channelById.has(String(value))) {
			put("channels", String(value), apiChannel(store, String(value)));
		} else if (type === 8) {
			const role = store.guildById.get(guildId)?.roles.find((r) => r.id === String(value));
			if (role) {
				put("roles", role.id, {
					id: role.id,
					name: role.name,
					color: 0,
					colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
					hoist: false,
					icon: null,
					unicode_emoji: null,
					position: 1,
					permissions: "0",
					managed: false,
					mentionable: false,
					flags: 0,
				});
			}
		}
		const option: Json = { name, type, value: raw };
		if (name === input.focused) option.focused = true;
		return option;
	});
	let options = values;
	if (input.subcommand) options = [{ name: input.subcommand, type: 1, options }];
	if (input.subcommandGroup) options = [{ name: input.subcommandGroup, type: 2, options }];
	return Object.keys(resolved).length > 0 ? { options, resolved } : { options };
}

function findComponent(components: unknown[], customId: string): Json | undefined {
	for (const raw of components) {
		const node = raw as Json;
		if (node.custom_id === customId) return node;
		for (const key of ["components", "accessory", "component"]) {
			const child = node[key];
			const found = Array.isArray(child)
				? findComponent(child, customId)
				: child
					? findComponent([child], customId)
					: undefined;
			if (found) return found;
		}
	}
	return undefined;
}

export function componentData(message: StoredMessage, customId: string, values?: string[]): Json {
	const component = findComponent(message.components, customId);
	const type = typeof component?.type === "number" ? component.type : 2;
	const data: Json = { custom_id: customId, component_type: type };
	if (type !== 2 || values) data.values = values ?? [];
	return data;
}

/** Mirrors the layout of the last modal shown with this custom_id: Labels (type 18) or action rows. */
export function modalSubmitData(store: Store, customId: string, fields: Record<string, string>): Json {
	const modal = store.modals.get(customId);
	const labels = Array.isArray(modal?.components) && (modal.components as Json[]).some((c) => c.type === 18);
	let id = 1;
	const components = Object.entries(fields).map(([fieldId, value]) => {
		const input = { type: 4, id: id + 1, custom_id: fieldId, value };
		const wrapper = labels ? { type: 18, id, component: input } : { type: 1, id, components: [input] };
		id += 2;
		return wrapper;
	});
	return { custom_id: customId, components };
}
