import type { APIEmbed } from "discord-api-types/v10";
import { checkFileSizes, resolveAttachments } from "./attachments.js";
import { errors } from "./router.js";
import type { Store } from "./state.js";
import type { RecordedFile, StoredAttachment, StoredMessage, StoredUser } from "./types.js";

type Json = Record<string, unknown>;

export const EPHEMERAL = 1 << 6;
export const LOADING = 1 << 7;
const SUPPRESS_EMBEDS = 1 << 2;
const IS_COMPONENTS_V2 = 1 << 15;
const CREATE_FLAGS = EPHEMERAL | SUPPRESS_EMBEDS | (1 << 12) | (1 << 13) | IS_COMPONENTS_V2;

export interface MessageOrigin {
	channelId: string;
	author: StoredUser;
	/** For webhook and interaction messages: the application id. */
	webhookId?: string;
	type?: number;
	extra?: Partial<StoredMessage>;
	/** A deferred response: empty, flagged LOADING until edited. */
	loading?: boolean;
}

export interface Upload {
	files: RecordedFile[];
	limit: number;
	origin: string;
}

export function apiUser(user: StoredUser): Json {
	return {
		id: user.id,
		username: user.username,
		global_name: user.bot ? null : user.username,
		discriminator: "0",
		avatar: null,
		bot: user.bot || undefined,
		public_flags: 0,
		flags: 0,
		banner: null,
		accent_color: null,
		avatar_decoration_data: null,
		collectibles: null,
		primary_guild: null,
	};
}

function parseMentions(
	store: Store,
	content: string,
	allowed: unknown,
): { users: StoredUser[]; everyone: boolean } {
	const rules = (typeof allowed === "object" && allowed !== null ? allowed : undefined) as Json | undefined;
	const parse = Array.isArray(rules?.parse)
		? (rules.parse as string[])
		: rules
			? []
			: ["users", "roles", "everyone"];
	const explicit = Array.isArray(rules?.users)
		? new Set((rules.users as unknown[]).map(String))
		: new Set<string>();
	const users = new Map<string, StoredUser>();
	for (const [, id] of content.matchAll(/<@!?(\d{1,20})>/g)) {
		const user = id ? store.users.get(id) : undefined;
		if (user && (parse.includes("users") || explicit.has(user.id))) users.set(user.id, user);
	}
	return {
		users: [...users.values()],
		everyone: parse.includes("everyone") && /@(everyone|here)\b/.test(content),
	};
}

/** Discord answers with rich embeds whose attachment:// references point at the CDN. */
function normaliseEmbeds(embeds: unknown, attachments: StoredAttachment[]): APIEmbed[] {
	if (!Array.isArray(embeds)) return [];
	const resolve = (media: unknown) => {
		const m = media as Json | undefined;
		if (!m || typeof m.url !== "string" || !m.url.startsWith("attachment://")) return media;
		const file = attachments.find((a) => a.filename === (m.url as string).slice("attachment://".length));
		if (!file) return media;
		return { ...m, url: file.url, proxy_url: file.proxy_url, width: file.width, height: file.height };
	};
	return embeds.map((raw) => {
		const embed: Json = { type: "rich", ...(raw as Json) };
		for (const key of ["image", "thumbnail"]) if (embed[key]) embed[key] = resolve(embed[key]);
		return embed as APIEmbed;
	});
}

function isEmpty(m: StoredMessage, payload: Json): boolean {
	return (
		!m.content &&
		m.embeds.length === 0 &&
		m.attachments.length === 0 &&
		m.components.length === 0 &&
		!payload.sticker_ids &&
		!payload.poll
	);
}

/** Fills fields present in `payload` (PATCH semantics: absent keeps, null clears). */
function applyPayload(
	store: Store,
	m: StoredMessage,
	payload: Json,
	upload: Upload,
	creating: boolean,
): void {
	checkFileSizes(upload.files, upload.limit);
	if ("content" in payload) m.content = typeof payload.content === "string" ? payload.content : "";
	if ("components" in payload) m.components = Array.isArray(payload.components) ? payload.components : [];
	if ("allowed_mentions" in payload && payload.allowed_mentions !== null)
		m.allowed_mentions = payload.allowed_mentions;
	if ("attachments" in payload || upload.files.length > 0) {
		const requested = payload.attachments === null ? [] : payload.attachments;
		m.attachments = resolveAttachments(
			store,
			upload.origin,
			m.channel_id,
			m.attachments,
			requested,
			upload.files,
		);
	}
	if ("embeds" in payload) m.embeds = normaliseEmbeds(payload.embeds, m.attachments);
	if (typeof payload.flags === "number") {
		m.flags = creating
			? payload.flags & CREATE_FLAGS
			: (m.flags & ~SUPPRESS_EMBEDS) | (payload.flags & (SUPPRESS_EMBEDS | IS_COMPONENTS_V2));
	}
	if (typeof payload.tts === "boolean") m.tts = payload.tts;
	const mentions = parseMentions(store, m.content, m.allowed_mentions);
	m.mentions = mentions.users;
	m.mention_everyone = mentions.everyone;
}

/** Creates, validates and stores a message. Throws ApiError (50006, 40005, 50035) before storing. */
export function createStoredMessage(
	store: Store,
	origin: MessageOrigin,
	payload: Json,
	upload: Upload,
): StoredMessage {
	const now = store.now();
	const message: StoredMessage = {
		id: store.snowflakes.next(),
		channel_id: origin.channelId,
		type: origin.type ?? 0,
		content: "",
		embeds: [],
		components: [],
		attachments: [],
		flags: 0,
		author: origin.author,
		mentions: [],
		mention_everyone: false,
		timestamp: new Date(now).toISOString(),
		edited_timestamp: null,
		tts: false,
		pinned: false,
		createdAt: now,
		editCount: 0,
		...origin.extra,
	};
	const guildId = store.channelById.get(origin.channelId)?.guildId;
	if (guildId) message.guild_id = guildId;
	if (origin.webhookId) {
		message.webhook_id = origin.webhookId;
		message.application_id = origin.webhookId;
	}
	if (payload.nonce !== undefined && payload.nonce !== null) message.nonce = String(payload.nonce);
	if (payload.message_reference) message.message_reference = payload.message_reference;
	applyPayload(store, message, payload, upload, true);
	if (origin.loading) message.flags |= LOADING;
	else if (isEmpty(message, payload)) throw errors.emptyMessage();
	store.insertMessage(message);
	return message;
}

/** Edits in place; the returned message is the same object. */
export function editStoredMessage(
	store: Store,
	message: StoredMessage,
	payload: Json,
	upload: Upload,
): StoredMessage {
	const draft: StoredMessage = { ...message };
	applyPayload(store, draft, payload, upload, false);
	draft.flags &= ~LOADING;
	if (isEmpty(draft, payload)) throw errors.emptyMessage();
	Object.assign(message, draft, {
		edited_timestamp: store.isoNow(),
		editCount: message.editCount + 1,
	});
	return message;
}

export function toApiMessage(store: Store, m: StoredMessage): Json {
	const api: Json = {
		id: m.id,
		type: m.type,
		content: m.content,
		channel_id: m.channel_id,
		author: apiUser(m.author),
		attachments: m.attachments,
		embeds: m.embeds,
		mentions: m.mentions.map(apiUser),
		mention_roles: [],
		mention_everyone: m.mention_everyone,
		pinned: m.pinned,
		tts: m.tts,
		timestamp: m.timestamp,
		edited_timestamp: m.edited_timestamp,
		flags: m.flags,
		components: m.components,
	};
	if (m.nonce !== undefined) api.nonce = m.nonce;
	if (m.webhook_id) api.webhook_id = m.webhook_id;
	if (m.application_id) api.application_id = m.application_id;
	if (m.interaction_metadata) {
		api.interaction_metadata = m.interaction_metadata;
		// The deprecated `interaction` object; discord.js still reads it for message.interaction.
		const meta = m.interaction_metadata as Json;
		if (meta.name) api.interaction = { id: meta.id, type: meta.type, name: meta.name, user: meta.user };
	}
	if (m.message_reference) {
		api.message_reference = m.message_reference;
		const ref = m.message_reference as Json;
		const referenced =
			typeof ref.message_id === "string" ? store.messagesById.get(ref.message_id) : undefined;
		if (referenced)
			api.referenced_message = toApiMessage(store, { ...referenced, message_reference: undefined });
	}
	return api;
}
