import { type REST, RESTEvents } from "@discordjs/rest";

/** When Discord made an interaction, from its snowflake id. */
const snowflakeTime = (id: string) => Number(BigInt(id) >> 22n) + 1_420_070_400_000;
const CALLBACK_PATH = /^\/interactions\/(\d+)\/[^/]+\/callback/;

/**
 * Tells of every first answer to an interaction once Discord has taken it, with the time from the
 * interaction's creation.
 */
export function observeInteractionAcks(
	rest: REST,
	onAnswered: (interactionId: string, ms: number) => void,
): void {
	rest.on(RESTEvents.Response, (request) => {
		const id = CALLBACK_PATH.exec(request.path)?.[1];
		if (id) onAnswered(id, Date.now() - snowflakeTime(id));
	});
}
