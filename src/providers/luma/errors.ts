import type { ProviderErrorCode } from "../../errors.js";
import { codeForStatus } from "../http.js";
import type { TaskFailure } from "../types.js";
import { errorBodySchema } from "./schemas.js";

/**
 * Luma's error vocabulary mapped onto the bot's codes (providers.md §4.4). Luma documents no
 * machine codes of its own, so the HTTP status decides, and the message text is read only to
 * recognise moderation and exhausted credits, which Luma words rather than codes.
 */

/** Moderation wording: `Advanced moderation failed` [C] (failure_reason), and the usual variants. */
const MODERATION_TEXT =
	/moderat|content polic|nsfw|inappropriate|prohibited|community (standards|guidelines)|safety (filter|system|check)/i;
/** Credits wording: `insufficient credits`, `credit balance`, `payment required`, … */
const CREDITS_TEXT = /credit|balance|insufficient funds|payment required|billing/i;

export function isModerationText(text: string | undefined): boolean {
	return text !== undefined && MODERATION_TEXT.test(text);
}

export function isCreditsText(text: string | undefined): boolean {
	return text !== undefined && CREDITS_TEXT.test(text);
}

/** The readable text and machine code (when one exists) of an error answer. */
export interface LumaErrorText {
	message: string;
	rawCode: string | undefined;
}

/**
 * Reads every tolerated error shape: FastAPI `detail` (a string, or validation items joined as
 * `loc: msg`), `error.message` / `error` as a string, top-level `message`, else the raw text.
 */
export function errorTextOf(json: unknown, text: string): LumaErrorText {
	const parsed = errorBodySchema.safeParse(json);
	if (!parsed.success) return { message: text, rawCode: undefined };
	const body = parsed.data;
	const { detail, error } = body;
	let message: string | undefined;
	let rawCode: string | undefined;
	if (typeof detail === "string") message = detail;
	else if (Array.isArray(detail)) {
		message = detail
			.map((item) => [item.loc?.join("."), item.msg].filter((part) => part != null && part !== "").join(": "))
			.join("; ");
		rawCode = detail.find((item) => item.type != null)?.type ?? undefined;
	} else if (detail) message = JSON.stringify(detail);
	if (typeof error === "string") message ??= error;
	else if (error) {
		message ??= error.message ?? undefined;
		rawCode ??= error.code != null ? String(error.code) : (error.type ?? undefined);
	}
	message ??= body.message ?? undefined;
	rawCode ??= body.code != null ? String(body.code) : undefined;
	return { message: message ?? text, rawCode };
}

/**
 * The bot's code for a refused call. 400/422 and 403 give way to the wording for credits and
 * moderation; 409 is a retryable conflict; 503 is `unavailable`, any other 5xx `api_error`.
 */
export function codeForLumaError(status: number, message: string): ProviderErrorCode {
	if (status === 400 || status === 422 || status === 403) {
		if (isCreditsText(message)) return "no_credits";
		if (isModerationText(message)) return "moderated";
		return status === 403 ? "disabled" : "bad_request";
	}
	if (status === 409) return "api_error";
	if (status === 503) return "unavailable";
	if (status >= 500) return "api_error";
	return codeForStatus(status);
}

/**
 * A failed Generation's `failure_reason` as a failure: moderation, credits, or plain `failed`.
 * `detail` is set by the caller (redacted and clipped).
 */
export function failureCodeOf(reason: string | undefined): TaskFailure["code"] {
	if (isModerationText(reason)) return "moderated";
	if (isCreditsText(reason)) return "no_credits";
	return "failed";
}
