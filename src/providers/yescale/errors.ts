import type { ProviderError, ProviderErrorCode } from "../../errors.js";
import { codeForStatus, type ProviderHttp, type RawAnswer } from "../http.js";
import type { TaskFailure } from "../types.js";
import { errorBodySchema } from "./schemas.js";

/**
 * YEScale's error answers (providers.md §3.4, [?]). YEScale is a new-api-style gateway, so its
 * bodies are OpenAI's `{"error":{"message","type","code"}}` or the task relay's
 * `{"code","message","data"}`, and sometimes plain text. The HTTP status gives the first guess
 * (`codeForStatus`); the gateway's codes and wording refine it.
 */

/** new-api/OpenAI codes that say exactly what happened, whatever the status. */
const RAW_CODES: Readonly<Record<string, ProviderErrorCode>> = {
	invalid_api_key: "invalid_token",
	invalid_token: "invalid_token",
	unauthorized: "invalid_token",
	token_expired: "token_expired",
	insufficient_user_quota: "no_credits",
	insufficient_quota: "no_credits",
	pre_consume_token_quota_failed: "no_credits",
	insufficient_balance: "no_credits",
	insufficient_credits: "no_credits",
	quota_not_enough: "no_credits",
	balance_not_enough: "no_credits",
	sensitive_words_detected: "moderated",
	content_policy_violation: "moderated",
	moderation_blocked: "moderated",
	task_not_exist: "not_found",
	task_not_found: "not_found",
	not_found: "not_found",
};

const MODERATION_TEXT =
	/moderat|sensitive|safety|community (standards|guidelines)|content polic|nsfw|违规|敏感/i;
/** Balance wording; a 429 or a 5xx saying "quota" is about rate or upstream trouble instead. */
const CREDIT_TEXT = /quota|insufficient|\bbalance\b|credit|额度|余额/i;
const UNAVAILABLE_TEXT = /no available channel|无可用渠道/i;
const EXPIRED_TEXT = /expired|已过期/i;
const DISABLED_TEXT = /disabled|banned|已禁用|已被禁用/i;
const NOT_FOUND_TEXT = /task[ _]not[ _](exist|found)/i;

/** Codes a wrapped `{code, data}` answer uses for success. */
const SUCCESS_CODES: ReadonlySet<string> = new Set(["0", "200", "success", "ok"]);

export interface ReadError {
	/** The gateway's own code (`insufficient_user_quota`), for logs and the tables above. */
	rawCode: string | undefined;
	/** The gateway's message, or the plain-text body. */
	message: string;
	/** A wrapped body's numeric code when it looks like an HTTP status (404 in a 200). */
	statusInBody: number | undefined;
	/** Everything worth matching words against. */
	words: string;
}

/** Reads whichever error shape the body has; a body that is not JSON is read as text. */
export function readError(answer: Pick<RawAnswer, "json" | "text">): ReadError {
	const parsed = errorBodySchema.safeParse(answer.json);
	if (!parsed.success) {
		return { rawCode: undefined, message: answer.text, statusInBody: undefined, words: answer.text };
	}
	const body = parsed.data;
	const inner = typeof body.error === "object" && body.error !== null ? body.error : undefined;
	const nonEmpty = (value: string | number | null | undefined) =>
		value === null || value === undefined || String(value).trim() === "" ? undefined : String(value);
	const topCode = nonEmpty(body.code);
	const rawCode =
		nonEmpty(inner?.code) ?? (topCode && !SUCCESS_CODES.has(topCode.toLowerCase()) ? topCode : undefined);
	const message =
		nonEmpty(inner?.message) ??
		nonEmpty(typeof body.error === "string" ? body.error : undefined) ??
		nonEmpty(body.message) ??
		nonEmpty(body.detail) ??
		(answer.json === undefined ? answer.text : "");
	const numeric = typeof body.code === "number" ? body.code : undefined;
	return {
		rawCode,
		message,
		statusInBody: numeric !== undefined && numeric >= 400 && numeric < 600 ? numeric : undefined,
		words: [rawCode, inner?.type, message].filter(Boolean).join(" "),
	};
}

/** Whether a 2xx body is an error in disguise (an `error` member, or a wrapper's failure code). */
export function isErrorBody(json: unknown): boolean {
	const parsed = errorBodySchema.safeParse(json);
	if (!parsed.success) return false;
	if (parsed.data.error !== null && parsed.data.error !== undefined) return true;
	const code = parsed.data.code;
	return code !== null && code !== undefined && !SUCCESS_CODES.has(String(code).toLowerCase());
}

/** The code for an answer with this status, gateway code and wording. */
export function codeFor(status: number, rawCode: string | undefined, words: string): ProviderErrorCode {
	const known = rawCode === undefined ? undefined : RAW_CODES[rawCode.toLowerCase()];
	if (known) return known;
	if (status === 401) return EXPIRED_TEXT.test(words) ? "token_expired" : "invalid_token";
	if (MODERATION_TEXT.test(words)) return "moderated";
	if (status === 503 || UNAVAILABLE_TEXT.test(words)) return "unavailable";
	if (status !== 429 && status < 500 && CREDIT_TEXT.test(words)) return "no_credits";
	if (status === 403 && EXPIRED_TEXT.test(words)) return "token_expired";
	if (status === 403 && DISABLED_TEXT.test(words)) return "disabled";
	if (NOT_FOUND_TEXT.test(words)) return "not_found";
	return codeForStatus(status);
}

/** A `ProviderError` for a refused call (non-2xx, or a 2xx carrying an error body). */
export function errorFromAnswer(http: ProviderHttp, operation: string, answer: RawAnswer): ProviderError {
	const read = readError(answer);
	const status =
		answer.status >= 200 && answer.status < 300 ? (read.statusInBody ?? answer.status) : answer.status;
	return http.error({
		operation,
		code: codeFor(status, read.rawCode, read.words),
		status: answer.status,
		rawCode: read.rawCode,
		providerText: read.message,
		headers: answer.headers,
	});
}

/** A failed task's `failure_reason`, mapped by its wording (the Luma web format has no code). */
export function failureFromReason(
	reason: string | null | undefined,
	clip: (text: string) => string,
): TaskFailure {
	const text = reason?.trim() ?? "";
	if (text === "") return { code: "failed" };
	const code: ProviderErrorCode = MODERATION_TEXT.test(text)
		? "moderated"
		: CREDIT_TEXT.test(text)
			? "no_credits"
			: "failed";
	return { code, detail: clip(text) };
}
