import type { FakeContext } from "./context.js";
import { checkMessageLimits } from "./limits.js";
import { createStoredMessage, EPHEMERAL, editStoredMessage, LOADING, toApiMessage } from "./messages.js";
import { asJson, type Ctx, enforce, errors, type Router } from "./router.js";
import { interactionMessageOrigin } from "./routesInteractions.js";
import type { InteractionRecord } from "./state.js";
import type { StoredMessage } from "./types.js";

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/** Interaction webhooks: @original and follow-ups, valid for 15 minutes after the interaction. */
export function addWebhookRoutes(router: Router, ctx: FakeContext): void {
	const { store } = ctx;

	const interactionFor = (applicationId: string, token: string): InteractionRecord => {
		if (applicationId !== ctx.applicationId) throw errors.unknownWebhook();
		const record = store.interactionByToken(token);
		if (!record || record.expired || store.now() - record.createdAt > FIFTEEN_MINUTES) {
			throw errors.invalidWebhookToken();
		}
		// Nothing exists to edit or follow up before the interaction is acknowledged.
		if (!record.acknowledged) throw errors.unknownWebhook();
		return record;
	};

	const messageFor = (record: InteractionRecord, messageId: string): StoredMessage => {
		const id = messageId === "@original" ? record.originalMessageId : messageId;
		const message = id ? store.messagesById.get(id) : undefined;
		// The original, this interaction's follow-ups, or any non-ephemeral message of the app's webhook.
		const ours =
			message &&
			(message.id === record.originalMessageId ||
				message.interaction_id === record.id ||
				(messageId !== "@original" &&
					message.webhook_id === ctx.applicationId &&
					!(message.flags & EPHEMERAL)));
		if (!message || !ours) throw errors.unknownMessage();
		return message;
	};

	const upload = (req: Ctx, record: InteractionRecord) => ({
		files: req.files,
		limit: record.attachmentSizeLimit,
		origin: ctx.origin,
	});

	const changed = (req: Ctx, message: StoredMessage) => {
		req.after.push(() => store.messageWaiters.notify(message));
		return { status: 200, body: toApiMessage(store, message) };
	};

	for (const target of ["@original", ":message"]) {
		const path = `/webhooks/:app/:token/messages/${target}`;
		router.add("GET", path, (_req, [app = "", token = "", messageId = "@original"]) => {
			const record = interactionFor(app, token);
			return { status: 200, body: toApiMessage(store, messageFor(record, messageId)) };
		});
		router.add("PATCH", path, (req, [app = "", token = "", messageId = "@original"]) => {
			const record = interactionFor(app, token);
			const message = messageFor(record, messageId);
			enforce(req, checkMessageLimits(req.body));
			return changed(req, editStoredMessage(store, message, asJson(req.body), upload(req, record)));
		});
		router.add("DELETE", path, (_req, [app = "", token = "", messageId = "@original"]) => {
			const record = interactionFor(app, token);
			store.removeMessage(messageFor(record, messageId).id);
			return { status: 204 };
		});
	}

	router.add("POST", "/webhooks/:app/:token", (req, [app = "", token = ""]) => {
		const record = interactionFor(app, token);
		const payload = asJson(req.body);
		enforce(req, checkMessageLimits(payload));
		const original = record.originalMessageId ? store.messagesById.get(record.originalMessageId) : undefined;
		let message: StoredMessage;
		if (ctx.followupReplacesDeferred && original && original.flags & LOADING) {
			// The deprecated behaviour: the first follow-up after a defer fills in "thinking…".
			message = editStoredMessage(store, original, { ...payload, flags: undefined }, upload(req, record));
		} else {
			const flags = typeof payload.flags === "number" ? payload.flags : 0;
			message = createStoredMessage(
				store,
				interactionMessageOrigin(ctx, record),
				{ ...payload, flags: flags & ~LOADING },
				upload(req, record),
			);
		}
		const reply = changed(req, message);
		return req.query.wait === "true" ? reply : { status: 204 };
	});
}
