import { randomBytes } from "node:crypto";
import { DEFAULT_UPLOAD_LIMIT } from "./attachments.js";
import type { FakeContext } from "./context.js";
import {
	commandOptions,
	componentData,
	findCommand,
	interactionPayload,
	modalSubmitData,
} from "./interactionPayloads.js";
import { toApiMessage } from "./messages.js";
import type { InteractionRecord } from "./state.js";
import type {
	AutocompleteInput,
	ButtonInput,
	InteractionHandle,
	InteractionResponse,
	MessageCommandInput,
	ModalSubmitInput,
	SlashCommandInput,
	StoredMessage,
} from "./types.js";

type Json = Record<string, unknown>;
type Where = {
	dm?: boolean;
	userId?: string;
	guildId?: string;
	channelId?: string;
	locale?: string;
	appPermissions?: string;
};

/** Creates interaction records, dispatches INTERACTION_CREATE and hands out handles. */
export class InteractionFactory {
	readonly #ctx: FakeContext;
	readonly #dispatch: (t: string, d: unknown) => number[];

	constructor(ctx: FakeContext, dispatch: (t: string, d: unknown) => number[]) {
		this.#ctx = ctx;
		this.#dispatch = dispatch;
	}

	slash(input: SlashCommandInput): InteractionHandle {
		return this.#command(input, 1, input.attachmentSizeLimit, (guildId) => {
			const command = findCommand(this.#ctx.store, input.name, 1, guildId);
			return { command, ...commandOptions(this.#ctx.store, guildId, command, input) };
		});
	}

	autocomplete(input: AutocompleteInput): InteractionHandle {
		const options = { ...input.options, [input.focused]: input.value };
		return this.#command(
			input,
			1,
			undefined,
			(guildId) => {
				const command = findCommand(this.#ctx.store, input.name, 1, guildId);
				return { command, ...commandOptions(this.#ctx.store, guildId, command, { ...input, options }) };
			},
			4,
		);
	}

	messageCommand(input: MessageCommandInput): InteractionHandle {
		const target = this.#findMessage(input.targetMessageId, input.channelId);
		return this.#command(
			{ ...input, channelId: input.channelId ?? target.channel_id },
			3,
			undefined,
			(guildId) => ({
				command: findCommand(this.#ctx.store, input.name, 3, guildId),
				options: undefined,
				target_id: target.id,
				resolved: { messages: { [target.id]: toApiMessage(this.#ctx.store, target) } },
			}),
		);
	}

	button(input: ButtonInput): InteractionHandle {
		const message = this.#findMessage(input.messageId, input.channelId);
		const record = this.#record(3, { ...input, channelId: input.channelId ?? message.channel_id }, undefined);
		record.sourceMessageId = message.id;
		return this.#send(record, componentData(message, input.customId, input.values));
	}

	modalSubmit(input: ModalSubmitInput): InteractionHandle {
		const message = input.messageId ? this.#findMessage(input.messageId, input.channelId) : undefined;
		const record = this.#record(
			5,
			{ ...input, channelId: input.channelId ?? message?.channel_id },
			undefined,
		);
		record.sourceMessageId = message?.id;
		return this.#send(record, modalSubmitData(this.#ctx.store, input.customId, input.fields));
	}

	#findMessage(messageId: string, channelId?: string): StoredMessage {
		const message = this.#ctx.store.messagesById.get(messageId);
		if (!message || (channelId && message.channel_id !== channelId)) {
			throw new Error(`fake discord: no message ${messageId}${channelId ? ` in channel ${channelId}` : ""}`);
		}
		return message;
	}

	#command(
		input: Where & { name: string },
		commandType: number,
		sizeLimit: number | undefined,
		build: (guildId: string) => {
			command?: { id: string; guild_id?: unknown };
			options?: Json[];
			resolved?: Json;
			target_id?: string;
		},
		interactionType = 2,
	): InteractionHandle {
		const record = this.#record(interactionType, input, sizeLimit);
		record.commandName = input.name;
		record.commandType = commandType;
		const { command, options, ...rest } = build(record.guildId);
		const data: Json = {
			id: command?.id ?? this.#ctx.store.snowflakes.next(),
			name: input.name,
			type: commandType,
			...rest,
		};
		if (options) data.options = options;
		if (typeof command?.guild_id === "string") data.guild_id = command.guild_id;
		return this.#send(record, data);
	}

	#record(type: number, where: Where, sizeLimit: number | undefined): InteractionRecord {
		const { store } = this.#ctx;
		const guild = where.guildId ? store.guildById.get(where.guildId) : store.guilds[0];
		if (!guild) throw new Error(`fake discord: unknown guild ${where.guildId}`);
		const userId = where.userId ?? guild.ownerId;
		const channelId = where.dm
			? store.dmChannel(userId).id
			: (where.channelId ?? guild.channels[0]?.id ?? "");
		if (!store.channelById.has(channelId)) throw new Error(`fake discord: unknown channel ${channelId}`);
		const id = store.snowflakes.next();
		return {
			id,
			token: `fake-interaction-token.${id}.${randomBytes(24).toString("base64url")}`,
			type,
			guildId: where.dm ? "" : guild.id,
			...(where.dm && { dm: true }),
			channelId,
			userId,
			createdAt: store.now(),
			dispatchedAt: performance.now(),
			attachmentSizeLimit: sizeLimit ?? DEFAULT_UPLOAD_LIMIT,
			locale: where.locale ?? "en-US",
			...(where.appPermissions !== undefined && { appPermissions: where.appPermissions }),
			acknowledged: false,
			responseListeners: [],
			expired: false,
		};
	}

	#send(record: InteractionRecord, data: Json): InteractionHandle {
		const { store, applicationId } = this.#ctx;
		store.interactions.set(record.id, record);
		store.interactionsByToken.set(record.token, record);
		const payload = interactionPayload(store, applicationId, record, data);
		record.payload = payload;
		record.dispatchedAt = performance.now();
		const shards = this.#dispatch("INTERACTION_CREATE", payload);
		if (shards.length === 0) {
			throw new Error(
				"fake discord: no bot session of the guild's shard to receive the interaction (wait for login first)",
			);
		}
		return handleFor(this.#ctx, record, shards);
	}
}

/**
 * Delivers an interaction's INTERACTION_CREATE again, same id and token (as a gateway may after a
 * reconnect); the one answer Discord accepts stays the first.
 */
export function redeliver(
	ctx: FakeContext,
	dispatch: (t: string, d: unknown) => number[],
	id: string,
): number[] {
	const record = ctx.store.interactions.get(id);
	if (!record?.payload) throw new Error(`fake discord: unknown interaction ${id}`);
	return dispatch("INTERACTION_CREATE", record.payload);
}

function handleFor(ctx: FakeContext, record: InteractionRecord, shards: number[]): InteractionHandle {
	return {
		id: record.id,
		shards,
		token: record.token,
		createdAt: record.createdAt,
		response(timeoutMs = 10_000): Promise<InteractionResponse> {
			if (record.response) return Promise.resolve(record.response);
			return new Promise((resolve, reject) => {
				const listener = (response: InteractionResponse) => {
					clearTimeout(timer);
					resolve(response);
				};
				const timer = setTimeout(() => {
					record.responseListeners.splice(record.responseListeners.indexOf(listener), 1);
					reject(new Error(`fake discord: interaction ${record.id} got no callback within ${timeoutMs} ms`));
				}, timeoutMs);
				record.responseListeners.push(listener);
			});
		},
		originalMessage(): StoredMessage | undefined {
			return record.originalMessageId ? ctx.store.messagesById.get(record.originalMessageId) : undefined;
		},
	};
}
