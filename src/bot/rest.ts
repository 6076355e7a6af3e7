import type { InternalRequest, RESTOptions, ResponseLike } from "@discordjs/rest";
// From discord.js, not @discordjs/rest: discord.js loads the library's CommonJS build, and only
// errors of that build's classes are recognised by `instanceof DiscordAPIError` elsewhere.
import { REST } from "discord.js";

/** An interaction's webhook: `/webhooks/<application id>/<interaction token>/…`. */
const INTERACTION_WEBHOOK = /^\/webhooks\/\d{17,20}\/[^/]+/;

/** Whether a request goes to an interaction's webhook with that interaction's token (no bot token). */
export function isInteractionWebhookRequest(request: Pick<InternalRequest, "fullRoute" | "auth">): boolean {
	return request.auth === false && INTERACTION_WEBHOOK.test(request.fullRoute);
}

/**
 * The bot's REST client, with interaction webhooks on a path of their own. Discord does not bind
 * interaction endpoints to the bot's global limit of 50 requests a second, but @discordjs/rest
 * counts every request through its SequentialHandler against it: when 200 videos finish at
 * once, their edits would queue behind each other for four seconds. Webhook requests therefore
 * go through a second REST manager without the global limiter; it keeps per-route buckets and
 * 429 handling, and bot-token routes keep the global limit here.
 */
export class DiscordRest extends REST {
	readonly webhooks: REST;

	constructor(options: Partial<RESTOptions> = {}) {
		super(options);
		this.webhooks = new REST({ ...options, globalRequestsPerSecond: Number.POSITIVE_INFINITY });
	}

	override queueRequest(request: InternalRequest): Promise<ResponseLike> {
		return isInteractionWebhookRequest(request)
			? this.webhooks.queueRequest(request)
			: super.queueRequest(request);
	}

	override clearHashSweeper(): void {
		super.clearHashSweeper();
		this.webhooks.clearHashSweeper();
	}

	override clearHandlerSweeper(): void {
		super.clearHandlerSweeper();
		this.webhooks.clearHandlerSweeper();
	}
}
