import type { ProviderErrorCode } from "../../errors.js";
import { codeForStatus } from "../http.js";
import { errorBodySchema } from "./schemas.js";

/** AceDataCloud `error.code` values (platform and Luma docs) mapped to the bot's codes. */
const CODE_ALIASES: Readonly<Record<string, ProviderErrorCode>> = {
	bad_request: "bad_request",
	no_token: "invalid_token",
	invalid_token: "invalid_token",
	token_mismatched: "invalid_token",
	token_expired: "token_expired",
	disabled: "disabled",
	used_up: "no_credits",
	// AceDataCloud answers content moderation with `forbidden` (providers.md §1.5).
	forbidden: "moderated",
	no_api: "not_found",
	api_not_implemented: "not_found",
	not_found: "not_found",
	too_many_requests: "too_many_requests",
	api_error: "api_error",
	timeout: "timeout",
};

export function normaliseCode(rawCode: string | undefined, status?: number): ProviderErrorCode {
	// 503 means the request was not taken, whatever code the gateway puts in the body.
	if (status === 503) return "unavailable";
	const known = rawCode === undefined ? undefined : CODE_ALIASES[rawCode];
	if (known) return known;
	if (status === undefined) return "unknown";
	// A 403 without a known code is a refused account here, as in the platform docs.
	return codeForStatus(status);
}

/**
 * The bot's code for a failed task, from the provider's machine code; the provider's message is
 * looked at only to recognise moderation when no code was given.
 */
export function taskFailureCode(rawCode: string | undefined, providerMessage?: string): ProviderErrorCode {
	const code = rawCode === undefined ? "failed" : normaliseCode(rawCode);
	if (
		(code === "unknown" || code === "failed") &&
		providerMessage &&
		/moderat|community standards/i.test(providerMessage)
	)
		return "moderated";
	return code === "unknown" ? "failed" : code;
}

/** The provider's `error.code` of an error body, if it has one. */
export function rawErrorCode(json: unknown): string | undefined {
	const parsed = errorBodySchema.safeParse(json);
	return parsed.success ? parsed.data.error.code : undefined;
}

/** The `error.message` (or the whole text) and `trace_id` of an error body, for logs. */
export function errorDetail(json: unknown, text: string): { message: string; traceId?: string } {
	const parsed = errorBodySchema.safeParse(json);
	if (!parsed.success) return { message: text };
	return {
		message: parsed.data.error.message ?? "",
		...(parsed.data.trace_id && { traceId: parsed.data.trace_id }),
	};
}
