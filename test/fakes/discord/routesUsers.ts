import type { FakeContext } from "./context.js";
import { apiUser } from "./messages.js";
import { asJson, errors, formError, type Router } from "./router.js";

/**
 * Direct messages: POST /users/@me/channels opens (or finds) the DM channel with a user, whose
 * messages then go through the channel routes like any other. Tests close a user's DMs by
 * injecting 50007 on these paths.
 */
export function addUserRoutes(router: Router, ctx: FakeContext): void {
	const { store } = ctx;

	router.add("POST", "/users/@me/channels", (req) => {
		const recipientId = asJson(req.body).recipient_id;
		if (typeof recipientId !== "string")
			throw errors.invalidForm(formError(["recipient_id"], "BASE_TYPE_REQUIRED", "This field is required"));
		const user = store.users.get(recipientId);
		if (!user) throw errors.unknownUser();
		// The same channel the user's own interactions in DMs come from.
		const channelId = store.dmChannel(recipientId).id;
		return {
			status: 200,
			body: { id: channelId, type: 1, last_message_id: null, flags: 0, recipients: [apiUser(user)] },
		};
	});
}
