import { PermissionFlagsBits } from "discord-api-types/v10";
import type { SnowflakeGenerator } from "./snowflake.js";
import type {
	FakeGuildInit,
	InteractionResponse,
	RecordedRequest,
	SpecViolation,
	StoredMessage,
	StoredUser,
} from "./types.js";
import { Waiters } from "./waiters.js";

/** Every permission bit discord-api-types knows, as Discord's decimal string. */
export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits)
	.reduce((all, bit) => all | bit, 0n)
	.toString();

export interface MemberState extends StoredUser {
	permissions: string;
	roles: string[];
}

export interface ChannelState {
	id: string;
	name: string;
	/** "" for a direct-message channel. */
	guildId: string;
	position: number;
}

export interface GuildState {
	id: string;
	name: string;
	ownerId: string;
	channels: ChannelState[];
	members: MemberState[];
	roles: { id: string; name: string }[];
	/** The server's Discord language (`preferred_locale`, an interaction's `guild_locale`). */
	locale: string;
}

export interface CdnFile {
	id: string;
	filename: string;
	contentType: string;
	data: Buffer;
	/** The CDN takes the request for this file and never answers it (the connection stays open). */
	stalls?: boolean;
}

export interface InteractionRecord {
	id: string;
	token: string;
	/** 2 command, 3 component, 4 autocomplete, 5 modal submit. */
	type: number;
	/** "" in a direct message with the bot. */
	guildId: string;
	/** Sent from the member's direct messages with the bot: no guild, no member. */
	dm?: boolean;
	channelId: string;
	userId: string;
	/** Fake-clock time of dispatch (3 s and 15 min rules). */
	createdAt: number;
	/** performance.now() at dispatch, for latency. */
	dispatchedAt: number;
	attachmentSizeLimit: number;
	/** The member's Discord language (`locale`). */
	locale: string;
	/** The bot's permissions in the channel (`app_permissions`); default every permission. */
	appPermissions?: string;
	commandName?: string;
	commandType?: number;
	/** The message a component (or a modal opened from one) sits on. */
	sourceMessageId?: string;
	acknowledged: boolean;
	response?: InteractionResponse;
	responseListeners: ((response: InteractionResponse) => void)[];
	originalMessageId?: string;
	expired: boolean;
	/** The INTERACTION_CREATE `d` as dispatched, to deliver it again. */
	payload?: Record<string, unknown>;
}

export interface StoredCommand extends Record<string, unknown> {
	id: string;
	name: string;
	type: number;
}

export class Store {
	readonly now: () => number;
	readonly snowflakes: SnowflakeGenerator;
	readonly guilds: GuildState[] = [];
	readonly guildById = new Map<string, GuildState>();
	readonly channelById = new Map<string, ChannelState>();
	readonly users = new Map<string, StoredUser>();
	readonly messagesById = new Map<string, StoredMessage>();
	readonly messagesByChannel = new Map<string, Map<string, StoredMessage>>();
	readonly files = new Map<string, CdnFile>();
	readonly interactions = new Map<string, InteractionRecord>();
	readonly interactionsByToken = new Map<string, InteractionRecord>();
	readonly commands = { global: [] as StoredCommand[], guild: new Map<string, StoredCommand[]>() };
	/** Last modal shown per custom_id, so a later submit can mirror its layout. */
	readonly modals = new Map<string, Record<string, unknown>>();
	/** enforce_nonce bookkeeping: "channel:author:nonce" → message id and time. */
	readonly nonces = new Map<string, { messageId: string; at: number }>();
	/** Channels the bot can no longer see: its channel routes there answer 50001 Missing Access. */
	readonly noAccess = new Set<string>();
	readonly requests: RecordedRequest[] = [];
	readonly violations: SpecViolation[] = [];
	readonly messageWaiters = new Waiters<StoredMessage>();
	readonly requestWaiters = new Waiters<RecordedRequest>();
	readonly botUser: StoredUser;
	readonly #dmChannels = new Map<string, ChannelState>();

	constructor(now: () => number, snowflakes: SnowflakeGenerator, botUserId: string, botName: string) {
		this.now = now;
		this.snowflakes = snowflakes;
		this.botUser = { id: botUserId, username: botName, bot: true };
		this.users.set(botUserId, this.botUser);
	}

	addGuilds(inits: FakeGuildInit[]): void {
		for (const init of inits) {
			const id = init.id ?? this.snowflakes.next();
			const channelInits = init.channels?.length ? init.channels : [{ name: "general" }];
			const memberInits = init.members?.length
				? init.members
				: [{ username: "owner" }, { username: "alice" }, { username: "bob" }];
			const channels = channelInits.map((c, position) => ({
				id: c.id ?? this.snowflakes.next(),
				name: c.name ?? `channel-${position}`,
				guildId: id,
				position,
			}));
			const members = memberInits.map((m, i) => ({
				id: m.id ?? this.snowflakes.next(),
				username: m.username ?? `user${i}`,
				bot: false,
				permissions: m.permissions ?? ALL_PERMISSIONS,
				roles: m.roles ?? [],
			}));
			const guild: GuildState = {
				id,
				name: init.name ?? "Test Guild",
				ownerId: members[0]?.id ?? this.botUser.id,
				channels,
				members,
				roles: init.roles ?? [],
				locale: init.locale ?? "en-US",
			};
			this.guilds.push(guild);
			this.guildById.set(id, guild);
			for (const channel of channels) {
				this.channelById.set(channel.id, channel);
				this.messagesByChannel.set(channel.id, new Map());
			}
			for (const member of members) this.users.set(member.id, member);
		}
	}

	/** The direct-message channel between the bot and a user, made on first use. */
	dmChannel(userId: string): ChannelState {
		const existing = this.#dmChannels.get(userId);
		if (existing) return existing;
		const name = `dm-${this.users.get(userId)?.username ?? userId}`;
		const channel: ChannelState = { id: this.snowflakes.next(), name, guildId: "", position: 0 };
		this.#dmChannels.set(userId, channel);
		this.channelById.set(channel.id, channel);
		this.messagesByChannel.set(channel.id, new Map());
		return channel;
	}

	/** The user of a direct-message channel, or undefined for a server channel. */
	dmRecipient(channelId: string): string | undefined {
		for (const [userId, channel] of this.#dmChannels) if (channel.id === channelId) return userId;
		return undefined;
	}

	member(guildId: string, userId: string): MemberState | undefined {
		return this.guildById.get(guildId)?.members.find((m) => m.id === userId);
	}

	insertMessage(message: StoredMessage): void {
		this.messagesById.set(message.id, message);
		let channel = this.messagesByChannel.get(message.channel_id);
		if (!channel) {
			channel = new Map();
			this.messagesByChannel.set(message.channel_id, channel);
		}
		channel.set(message.id, message);
	}

	message(channelId: string, messageId: string): StoredMessage | undefined {
		const message = this.messagesById.get(messageId);
		return message?.channel_id === channelId ? message : undefined;
	}

	messages(channelId?: string): StoredMessage[] {
		if (channelId === undefined) return [...this.messagesById.values()];
		return [...(this.messagesByChannel.get(channelId)?.values() ?? [])];
	}

	removeMessage(messageId: string): boolean {
		const message = this.messagesById.get(messageId);
		if (!message) return false;
		this.messagesById.delete(messageId);
		this.messagesByChannel.get(message.channel_id)?.delete(messageId);
		return true;
	}

	/** Deletes a channel with its messages; its routes then answer 10003 Unknown Channel. */
	removeChannel(channelId: string): void {
		const channel = this.channelById.get(channelId);
		if (!channel) return;
		for (const messageId of this.messagesByChannel.get(channelId)?.keys() ?? [])
			this.messagesById.delete(messageId);
		this.messagesByChannel.delete(channelId);
		this.channelById.delete(channelId);
		const guild = this.guildById.get(channel.guildId);
		const index = guild?.channels.indexOf(channel) ?? -1;
		if (index >= 0) guild?.channels.splice(index, 1);
	}

	interactionByToken(token: string): InteractionRecord | undefined {
		return this.interactionsByToken.get(token);
	}

	isoNow(): string {
		return new Date(this.now()).toISOString();
	}
}
