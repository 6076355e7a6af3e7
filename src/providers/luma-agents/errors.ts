import type { ProviderErrorCode } from "../../errors.js";
import { codeForStatus } from "../http.js";
import { errorBodySchema } from "./schemas.js";

/**
 * The documented `failure_code` values of a failed generation (providers.md §4b.3, SDK
 * `GenerationFailureCode`) mapped to the bot's codes.
 */
export const FAILURE_CODES: Readonly<Record<string, ProviderErrorCode>> = {
	content_moderated: "moderated",
	budget_exhausted: "no_credits",
	rate_limited: "too_many_requests",
	image_too_large: "bad_request",
	unsupported_format: "bad_request",
	corrupt_input: "bad_request",
	invalid_request: "bad_request",
	generation_failed: "failed",
	output_not_found: "no_output",
};

/**
 * Body codes that say more than an HTTP status: they win over it. `generation_failed` and
 * `output_not_found` describe a finished task, so on an HTTP error the status decides instead.
 */
const HTTP_OVERRIDES: ReadonlySet<ProviderErrorCode> = new Set([
	"moderated",
	"no_credits",
	"too_many_requests",
	"bad_request",
]);

/** Moderation words, for a refusal that names no code ("violated content guidelines"). */
const MODERATION_TEXT = /moderat|content (?:polic|guideline)|community (?:standard|guideline)/i;
/** Balance words ("Insufficient balance", "Ran out of funds", "add credits"). */
const CREDITS_TEXT =
	/insufficient (?:balance|credit|fund)|out of (?:credit|fund)|budget exhausted|add (?:credit|fund)/i;

/**
 * The bot's code for a failed generation, from its `failure_code`; the `failure_reason` is looked
 * at only when the code is missing or unknown, to recognise moderation and exhausted credits.
 */
export function taskFailureCode(
	failureCode: string | null | undefined,
	reason: string | null | undefined,
): ProviderErrorCode {
	const known = failureCode ? FAILURE_CODES[failureCode] : undefined;
	if (known) return known;
	if (reason && MODERATION_TEXT.test(reason)) return "moderated";
	if (reason && CREDITS_TEXT.test(reason)) return "no_credits";
	return "failed";
}

export interface ErrorDetail {
	/** A machine code found in the body (`error.code`, `detail.code`, `code`, …), if any. */
	rawCode?: string;
	/** The provider's message (or the raw body), for logs only. */
	message: string;
}

/** Reads an error body of any tolerated shape (see `errorBodySchema`). */
export function readErrorBody(json: unknown, text: string): ErrorDetail {
	const parsed = errorBodySchema.safeParse(json);
	if (!parsed.success) return { message: text };
	const body = parsed.data;
	const error = typeof body.error === "object" ? body.error : undefined;
	const detail = body.detail;
	const detailObject =
		typeof detail === "object" && detail !== null && !Array.isArray(detail) ? detail : undefined;
	const codes = [error?.code, detailObject?.code, body.code, body.failure_code]
		.filter((code) => code !== null && code !== undefined)
		.map(String);
	// A bare string that is itself a documented code (`{"detail":"budget_exhausted"}`) counts as one.
	for (const word of [body.error, detail]) {
		if (typeof word === "string" && word in FAILURE_CODES) codes.push(word);
	}
	const message =
		error?.message ??
		(typeof detail === "string" ? detail : undefined) ??
		detailObject?.message ??
		detailObject?.msg ??
		(Array.isArray(detail)
			? detail
					.map((item) => item.msg ?? item.message)
					.filter(Boolean)
					.join("; ")
			: undefined) ??
		body.message ??
		(typeof body.error === "string" ? body.error : undefined) ??
		text;
	const rawCode = codes.find((code) => code in FAILURE_CODES) ?? codes[0];
	return { ...(rawCode !== undefined && { rawCode }), message };
}

/**
 * The bot's code for a refused HTTP call: a documented body code first, then moderation or
 * credits words on a 4xx, then the status (providers.md §4b.4; the docs add 413 for an input over
 * the size limit and 502 for an upstream failure).
 */
export function codeForHttp(status: number, detail: ErrorDetail): ProviderErrorCode {
	const fromCode = detail.rawCode === undefined ? undefined : FAILURE_CODES[detail.rawCode];
	if (fromCode && HTTP_OVERRIDES.has(fromCode)) return fromCode;
	if ([400, 403, 422].includes(status) && MODERATION_TEXT.test(detail.message)) return "moderated";
	if ([400, 402, 403].includes(status) && CREDITS_TEXT.test(detail.message)) return "no_credits";
	if (status === 413) return "bad_request";
	return codeForStatus(status);
}
