import { DEFAULT_UPLOAD_LIMIT } from "./attachments.js";
import type { FakeContext } from "./context.js";
import { apiChannel } from "./interactionPayloads.js";
import { checkMessageLimits } from "./limits.js";
import { createStoredMessage, EPHEMERAL, editStoredMessage, toApiMessage } from "./messages.js";
import { asJson, type Ctx, enforce, errors, formError, type Router } from "./router.js";
import type { StoredMessage } from "./types.js";

/** How long enforce_nonce deduplicates ("a few minutes" in Discord's docs). */
const NONCE_WINDOW_MS = 5 * 60 * 1000;

/** Channel message routes used with the bot token (the path for edits after the 15-minute token). */
export function addChannelRoutes(router: Router, ctx: FakeContext): void {
	const { store } = ctx;

	const channel = (channelId: string) => {
		const found = store.channelById.get(channelId);
		if (!found) throw errors.unknownChannel();
		if (store.noAccess.has(channelId)) throw errors.missingAccess();
		return found;
	};
	// Ephemeral messages exist only for the interaction webhook; channel routes cannot see them.
	const visible = (channelId: string, messageId: string): StoredMessage => {
		channel(channelId);
		const message = store.message(channelId, messageId);
		if (!message || message.flags & EPHEMERAL) throw errors.unknownMessage();
		return message;
	};
	const upload = (req: Ctx) => ({ files: req.files, limit: DEFAULT_UPLOAD_LIMIT, origin: ctx.origin });

	router.add("GET", "/channels/:channel", (_req, [channelId = ""]) => {
		channel(channelId);
		return { status: 200, body: apiChannel(store, channelId) };
	});

	router.add("GET", "/channels/:channel/messages", (req, [channelId = ""]) => {
		channel(channelId);
		const limit = Math.min(Math.max(Number(req.query.limit ?? 50) || 50, 1), 100);
		const list = store.messages(channelId).filter((m) => !(m.flags & EPHEMERAL));
		const newestFirst = list.slice(-limit).reverse();
		return { status: 200, body: newestFirst.map((m) => toApiMessage(store, m)) };
	});

	router.add("POST", "/channels/:channel/messages", (req, [channelId = ""]) => {
		channel(channelId);
		const payload = asJson(req.body);
		enforce(req, checkMessageLimits(payload));
		const nonceKey =
			payload.nonce == null ? undefined : `${channelId}:${store.botUser.id}:${String(payload.nonce)}`;
		if (nonceKey && payload.enforce_nonce === true) {
			const seen = store.nonces.get(nonceKey);
			const existing =
				seen && store.now() - seen.at < NONCE_WINDOW_MS ? store.messagesById.get(seen.messageId) : undefined;
			if (existing) return { status: 200, body: toApiMessage(store, existing) };
		}
		const reference = asJson(payload.message_reference);
		if (typeof reference.message_id === "string" && reference.fail_if_not_exists !== false) {
			const target = store.messagesById.get(reference.message_id);
			if (!target || target.flags & EPHEMERAL) {
				throw errors.invalidForm(
					formError(["message_reference"], "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message"),
				);
			}
		}
		const flags = typeof payload.flags === "number" ? payload.flags & ~EPHEMERAL : undefined;
		const message = createStoredMessage(
			store,
			{ channelId, author: store.botUser, type: typeof reference.message_id === "string" ? 19 : 0 },
			{ ...payload, flags },
			upload(req),
		);
		if (nonceKey) store.nonces.set(nonceKey, { messageId: message.id, at: store.now() });
		req.after.push(() => store.messageWaiters.notify(message));
		return { status: 200, body: toApiMessage(store, message) };
	});

	router.add("GET", "/channels/:channel/messages/:message", (_req, [channelId = "", messageId = ""]) => ({
		status: 200,
		body: toApiMessage(store, visible(channelId, messageId)),
	}));

	router.add("PATCH", "/channels/:channel/messages/:message", (req, [channelId = "", messageId = ""]) => {
		const message = visible(channelId, messageId);
		if (message.author.id !== store.botUser.id) throw errors.otherAuthor();
		enforce(req, checkMessageLimits(req.body));
		editStoredMessage(store, message, asJson(req.body), upload(req));
		req.after.push(() => store.messageWaiters.notify(message));
		return { status: 200, body: toApiMessage(store, message) };
	});

	router.add("DELETE", "/channels/:channel/messages/:message", (_req, [channelId = "", messageId = ""]) => {
		store.removeMessage(visible(channelId, messageId).id);
		return { status: 204 };
	});
}
