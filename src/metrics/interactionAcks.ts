import { type REST, RESTEvents } from "@discordjs/rest";
import type { Metrics } from "./metrics.js";

/** When Discord made an interaction, from its snowflake id. */
const snowflakeTime = (id: string) => Number(BigInt(id) >> 22n) + 1_420_070_400_000;
const CALLBACK_PATH = /^\/interactions\/(\d+)\/[^/]+\/callback/;

/** Times every first answer to an interaction, from the interaction's creation to Discord's reply. */
export function observeInteractionAcks(rest: REST, metrics: Metrics): void {
	rest.on(RESTEvents.Response, (request) => {
		const answered = CALLBACK_PATH.exec(request.path);
		if (answered?.[1]) metrics.interactionAnswered(Date.now() - snowflakeTime(answered[1]));
	});
}
