import type { APIEmbed } from "discord-api-types/v10";
import type { FaultRule, InjectedFault } from "../common/faults.js";

export interface FakeGuildInit {
	id?: string;
	name?: string;
	channels?: { id?: string; name?: string }[];
	members?: { id?: string; username?: string; permissions?: string; roles?: string[] }[];
	/** Roles besides @everyone (whose id is the guild id). */
	roles?: { id: string; name: string }[];
	/** The server's Discord language; default "en-US". */
	locale?: string;
}

export interface FakeDiscordOptions {
	/** Bot token the fake accepts; default "fake-bot-token". */
	token?: string;
	/** Default: a fresh snowflake. */
	applicationId?: string;
	/** Default: the application id. */
	botUserId?: string;
	/** Default: one guild "Test Guild" with one text channel "general" and three members. */
	guilds?: FakeGuildInit[];
	/**
	 * Default: `LUMA_OPENAPI_SPEC`, else the repository's ../shared/discord-api-spec/openapi.json;
	 * absent file → no spec validation (one note for the run), the fake's own limits still apply; null → off.
	 */
	openapiSpecPath?: string | null;
	/** Clock for the 3 s and 15 min rules and for snowflakes; default Date.now. */
	now?: () => number;
	/** Whether the first follow-up after a type-5 defer fills in the loading message (unverified on live Discord). */
	followupReplacesDeferred?: boolean;
	/** Privileged intents (bit mask) IDENTIFY may ask for; others close the socket with 4014. Default 0. */
	allowedPrivilegedIntents?: number;
	/** Gateway heartbeat interval sent in HELLO; default 41250 ms. */
	heartbeatIntervalMs?: number;
	/** The `shards` GET /gateway/bot recommends; default 1. */
	recommendedShards?: number;
	/** `session_start_limit.max_concurrency` of GET /gateway/bot (identifies per 5 s bucket); default 1. */
	maxConcurrency?: number;
}

/** One IDENTIFY the gateway accepted: the `shard` it named ([0, 1] when it named none). */
export interface IdentifyRecord {
	shard: readonly [id: number, count: number];
	sessionId: string;
	/** Fake-clock time. */
	at: number;
}

export interface APIAttachmentLike {
	id: string;
	filename: string;
	size: number;
	url: string;
	proxy_url: string;
	content_type?: string;
	width?: number;
	height?: number;
	description?: string;
	ephemeral?: boolean;
}

export type StoredAttachment = APIAttachmentLike;

export interface RecordedFile {
	/** The multipart field, e.g. "files[0]". */
	field: string;
	name: string;
	contentType: string;
	data: Buffer;
}

export interface RecordedRequest {
	method: string;
	/** Full request path as received (e.g. /api/v10/channels/1/messages), %40 → @, without query. */
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	/** Parsed JSON, or the parsed payload_json of a multipart body; undefined when there was none. */
	body: unknown;
	files: RecordedFile[];
	status: number;
	/** Time (fake clock) the request arrived. */
	at: number;
}

export interface SpecViolation {
	method: string;
	path: string;
	/** operationId from the spec, or "fake-limits" when only the fake's own limits were broken. */
	operation: string;
	/** The spec's path template, when one matched. */
	template?: string;
	errors: string[];
	/** True when the fake answered 400 (its own limits); spec-only failures still proceed. */
	rejected: boolean;
}

export interface StoredUser {
	id: string;
	username: string;
	bot: boolean;
}

export interface StoredMessage {
	id: string;
	channel_id: string;
	guild_id?: string;
	/** Discord message type (0 default, 19 reply, 20 chat input command, 23 context menu command). */
	type: number;
	content: string;
	embeds: APIEmbed[];
	components: unknown[];
	attachments: StoredAttachment[];
	flags: number;
	message_reference?: unknown;
	interaction_id?: string;
	interaction_metadata?: unknown;
	author: StoredUser;
	webhook_id?: string;
	application_id?: string;
	mentions: StoredUser[];
	mention_everyone: boolean;
	allowed_mentions?: unknown;
	timestamp: string;
	edited_timestamp: string | null;
	nonce?: string;
	tts: boolean;
	pinned: boolean;
	/** Fake-clock time of creation. */
	createdAt: number;
	editCount: number;
}

export interface InteractionResponse {
	type: number;
	data: unknown;
	/** Milliseconds (real time) between dispatch and the callback's arrival. */
	latencyMs: number;
}

export interface InteractionHandle {
	readonly id: string;
	readonly token: string;
	readonly createdAt: number;
	/**
	 * The shard of each session INTERACTION_CREATE went to: only sessions of the shard that owns the
	 * guild (shard 0 without a guild), as Discord routes events.
	 */
	readonly shards: readonly number[];
	/** The first accepted callback the bot sent. Rejects after timeoutMs (default 10 s). */
	response(timeoutMs?: number): Promise<InteractionResponse>;
	/** The message that is the interaction's original response, once it exists. */
	originalMessage(): StoredMessage | undefined;
}

export type OptionValue = string | number | boolean | APIAttachmentLike;

export interface SlashCommandInput {
	/** Sent from the member's direct messages with the bot (no guild): `guildId` and `channelId` are ignored. */
	dm?: boolean;
	name: string;
	subcommand?: string;
	subcommandGroup?: string;
	options?: Record<string, OptionValue>;
	userId?: string;
	guildId?: string;
	/** The member's Discord language; default "en-US". */
	locale?: string;
	channelId?: string;
	attachmentSizeLimit?: number;
	/** The bot's permissions in the channel (`app_permissions`, a bit string); default all. */
	appPermissions?: string;
}

export interface ButtonInput {
	/** Sent from the member's direct messages with the bot (no guild): `guildId` and `channelId` are ignored. */
	dm?: boolean;
	customId: string;
	messageId: string;
	channelId?: string;
	userId?: string;
	guildId?: string;
	/** The member's Discord language; default "en-US". */
	locale?: string;
	/** For select menus: the chosen values. */
	values?: string[];
}

export interface ModalSubmitInput {
	/** Sent from the member's direct messages with the bot (no guild): `guildId` and `channelId` are ignored. */
	dm?: boolean;
	customId: string;
	fields: Record<string, string>;
	messageId?: string;
	channelId?: string;
	userId?: string;
	guildId?: string;
	/** The member's Discord language; default "en-US". */
	locale?: string;
	/** The bot's permissions in the channel (`app_permissions`, a bit string); default all. */
	appPermissions?: string;
}

export interface AutocompleteInput {
	/** Sent from the member's direct messages with the bot (no guild): `guildId` and `channelId` are ignored. */
	dm?: boolean;
	name: string;
	subcommand?: string;
	focused: string;
	value: string;
	options?: Record<string, string | number | boolean>;
	userId?: string;
	guildId?: string;
	/** The member's Discord language; default "en-US". */
	locale?: string;
	channelId?: string;
}

export interface MessageCommandInput {
	name: string;
	targetMessageId: string;
	channelId?: string;
	userId?: string;
	guildId?: string;
	/** The member's Discord language; default "en-US". */
	locale?: string;
}

export interface CreateMessageInput {
	channelId?: string;
	content?: string;
	authorId?: string;
	username?: string;
	bot?: boolean;
	embeds?: APIEmbed[];
	components?: unknown[];
}

export interface InjectedError {
	status: number;
	code?: number;
	message?: string;
	/** Seconds, for 429 (default 1). */
	retryAfter?: number;
	/** How many matching requests get the error (default 1). */
	times?: number;
	/** 429 only: mark it as the global limit (X-RateLimit-Global: true). */
	global?: boolean;
}

export interface FakeDiscord {
	readonly apiBase: string;
	readonly token: string;
	readonly applicationId: string;
	readonly botUserId: string;
	readonly guild: { id: string; channelId: string; ownerId: string; memberIds: string[] };
	readonly requests: RecordedRequest[];
	readonly violations: SpecViolation[];
	/** "checked": bodies are validated against the spec; "skipped": its file is missing; "off": turned off. */
	readonly openapi: { path: string | null; checks: "checked" | "skipped" | "off" };
	readonly commands: { global: unknown[]; guild: Map<string, unknown[]> };
	/** Puts a file on the fake CDN; with `stalls`, the CDN takes requests for it and never answers. */
	addAttachment(input: {
		filename: string;
		data: Buffer;
		contentType?: string;
		stalls?: boolean;
	}): APIAttachmentLike;
	sendSlashCommand(input: SlashCommandInput): InteractionHandle;
	sendButton(input: ButtonInput): InteractionHandle;
	sendModalSubmit(input: ModalSubmitInput): InteractionHandle;
	sendAutocomplete(input: AutocompleteInput): InteractionHandle;
	sendMessageCommand(input: MessageCommandInput): InteractionHandle;
	/**
	 * Delivers an interaction again with the same id and token, as a gateway may after a reconnect.
	 * Returns the shard of each session it went to.
	 */
	redeliverInteraction(interactionId: string): readonly number[];
	/** The id of the direct-message channel between the bot and a user (made on first use). */
	dmChannelId(userId: string): string;
	message(channelId: string, messageId: string): StoredMessage | undefined;
	messages(channelId?: string): StoredMessage[];
	/** Create a message as if another bot or user posted (e.g. to test links). */
	createMessage(input: CreateMessageInput): StoredMessage;
	deleteMessage(channelId: string, messageId: string): void;
	expireToken(interactionId: string): void;
	/** Deletes a channel and its messages (CHANNEL_DELETE is dispatched); its routes then answer 10003. */
	deleteChannel(channelId: string): void;
	/**
	 * The bot loses View Channel there: its channel routes answer 403 50001 Missing Access.
	 * Interaction webhooks keep working, as they need no permission in the channel.
	 */
	revokeChannelAccess(channelId: string): void;
	/**
	 * Faults for REST, interaction webhooks and the CDN (not the gateway), drawn per request; the
	 * function returned ends the rule.
	 */
	addFault(rule: FaultRule): () => void;
	clearFaults(): void;
	/** Every fault drawn so far, in order. */
	readonly injectedFaults: readonly InjectedFault[];
	injectError(match: { method?: string; pathPattern: RegExp }, error: InjectedError): void;
	waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
	waitForMessage(predicate: (m: StoredMessage) => boolean, timeoutMs?: number): Promise<StoredMessage>;
	waitForLogin(timeoutMs?: number): Promise<void>;
	readonly gatewayConnections: number;
	/**
	 * Sends a raw gateway event as Discord routes it: to the sessions of the shard that owns its
	 * `guild_id`, or of shard 0 without one (DMs). Returns the shard of each session it went to.
	 */
	dispatchEvent(t: string, d: Record<string, unknown>): readonly number[];
	/** Every IDENTIFY the gateway accepted, in order. */
	readonly identified: readonly IdentifyRecord[];
	close(): Promise<void>;
}
