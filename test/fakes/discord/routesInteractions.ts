import type { FakeContext } from "./context.js";
import { checkMessageLimits, checkModalLimits } from "./limits.js";
import {
	apiUser,
	createStoredMessage,
	EPHEMERAL,
	editStoredMessage,
	LOADING,
	toApiMessage,
} from "./messages.js";
import { ApiError, asJson, type Ctx, enforce, errors, formError, type Router } from "./router.js";
import type { InteractionRecord } from "./state.js";
import type { StoredMessage } from "./types.js";

const THREE_SECONDS = 3000;

/** Callback types each interaction type accepts (PING and premium/activity types are not modelled). */
function allowedCallbacks(record: InteractionRecord): number[] {
	switch (record.type) {
		case 2:
			return [4, 5, 9];
		case 3:
			return [4, 5, 6, 7, 9];
		case 4:
			return [8];
		default:
			return record.sourceMessageId ? [4, 5, 6, 7] : [4, 5];
	}
}

/** Discord's type for a message answering this interaction (0 for components and modals: unverified). */
export function responseMessageType(record: InteractionRecord): number {
	if (record.type !== 2) return 0;
	return record.commandType === 1 ? 20 : 23;
}

/** Who a message made in answer to an interaction comes from, for callbacks and follow-ups alike. */
export function interactionMessageOrigin(ctx: FakeContext, record: InteractionRecord) {
	return {
		channelId: record.channelId,
		author: ctx.store.botUser,
		webhookId: ctx.applicationId,
		type: responseMessageType(record),
		extra: { interaction_id: record.id, interaction_metadata: interactionMetadata(ctx, record) },
	};
}

export function interactionMetadata(ctx: FakeContext, record: InteractionRecord): Record<string, unknown> {
	const user = ctx.store.users.get(record.userId) ?? { id: record.userId, username: "user", bot: false };
	const metadata: Record<string, unknown> = {
		id: record.id,
		type: record.type,
		user: apiUser(user),
		authorizing_integration_owners: { "0": record.dm ? "0" : record.guildId },
	};
	if (record.commandName) {
		metadata.name = record.commandName;
		metadata.command_type = record.commandType;
	}
	if (record.type === 3 && record.sourceMessageId) metadata.interacted_message_id = record.sourceMessageId;
	if (record.originalMessageId) metadata.original_response_message_id = record.originalMessageId;
	return metadata;
}

function respond(
	ctx: FakeContext,
	req: Ctx,
	record: InteractionRecord,
	type: number,
): StoredMessage | undefined {
	const { store } = ctx;
	const data = asJson(asJson(req.body).data);
	const upload = { files: req.files, limit: record.attachmentSizeLimit, origin: ctx.origin };
	const source = record.sourceMessageId ? store.messagesById.get(record.sourceMessageId) : undefined;
	const create = (payload: Record<string, unknown>, loading = false) =>
		createStoredMessage(store, { ...interactionMessageOrigin(ctx, record), loading }, payload, upload);
	switch (type) {
		case 4:
			enforce(req, checkMessageLimits(data, ["data"]));
			return create(data);
		case 5:
			return create({ flags: ((data.flags as number | undefined) ?? 0) & EPHEMERAL }, true);
		case 6:
			return source;
		case 7:
			enforce(req, checkMessageLimits(data, ["data"]));
			if (!source) throw errors.unknownMessage();
			return editStoredMessage(store, source, data, upload);
		case 8: {
			const choices = data.choices;
			if (Array.isArray(choices) && choices.length > 25) {
				enforce(req, {
					errors: ["/data/choices Must be 25 or fewer in length."],
					tree: formError(["data", "choices"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length."),
				});
			}
			return undefined;
		}
		default:
			enforce(req, checkModalLimits(data, ["data"]));
			if (typeof data.custom_id === "string") store.modals.set(data.custom_id, data);
			return undefined;
	}
}

/** POST /interactions/{id}/{token}/callback with the 3 s and single-acknowledgement rules. */
export function addInteractionRoutes(router: Router, ctx: FakeContext): void {
	const { store } = ctx;
	router.add("POST", "/interactions/:id/:token/callback", (req, [id = "", token = ""]) => {
		const arrivedAt = performance.now();
		const record = store.interactions.get(id);
		if (!record || record.token !== token) throw errors.unknownInteraction();
		if (store.now() - record.createdAt > THREE_SECONDS) throw errors.unknownInteraction();
		if (record.acknowledged) throw errors.alreadyAcknowledged();
		const body = asJson(req.body);
		const type = body.type;
		if (typeof type !== "number" || !allowedCallbacks(record).includes(type)) {
			throw new ApiError(
				400,
				50035,
				"Invalid Form Body",
				formError(
					["type"],
					"INTERACTION_RESPONSE_TYPE_INVALID",
					"Interaction response type is invalid for this interaction",
				),
			);
		}
		const message = respond(ctx, req, record, type);
		record.acknowledged = true;
		if (message && type !== 6) record.originalMessageId ??= message.id;
		if (type === 6 && message) record.originalMessageId = message.id;
		const response = { type, data: body.data, latencyMs: arrivedAt - record.dispatchedAt };
		record.response = response;
		req.after.push(() => {
			for (const listener of record.responseListeners.splice(0)) listener(response);
			if (message && type !== 6) store.messageWaiters.notify(message);
		});
		if (req.query.with_response !== "true") return { status: 204 };
		const withMessage = message && type !== 6;
		return {
			status: 200,
			body: {
				interaction: {
					id: record.id,
					type: record.type,
					activity_instance_id: null,
					response_message_id: withMessage ? message.id : null,
					response_message_loading: withMessage ? (message.flags & LOADING) !== 0 : null,
					response_message_ephemeral: withMessage ? (message.flags & EPHEMERAL) !== 0 : null,
				},
				resource: withMessage ? { type, message: toApiMessage(store, message) } : { type },
			},
		};
	});
}
