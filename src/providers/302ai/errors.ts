import type { ProviderError, ProviderErrorCode } from "../../errors.js";
import { codeForStatus, type ProviderHttp, type RawAnswer } from "../http.js";
import type { TaskFailure } from "../types.js";
import { errorBodySchema, type ErrorValue } from "./schemas.js";

/**
 * 302.AI's error codes (providers.md §2.5; the catalogue comes from a 302-style clone, so [I]).
 * A few OpenAI-style words are accepted too: 302 is a gateway that also fronts OpenAI-compatible
 * models, and its `error.code` may carry them [I].
 */
const CODE_MAP: Readonly<Record<string, ProviderErrorCode>> = {
	"-10001": "invalid_token", // API key missing
	"-10002": "disabled", // tool disabled or deleted
	"-10003": "network",
	"-10004": "no_credits", // insufficient balance
	"-10005": "token_expired",
	"-10006": "no_credits", // total quota reached
	"-10007": "no_credits", // daily quota reached
	"-10008": "unavailable", // no available channel
	"-10009": "bad_request", // function not supported
	"-10010": "not_found",
	"-10011": "bad_request", // invalid request
	"-10012": "no_credits", // free hourly quota reached
	"-10018": "no_credits", // monthly quota reached
	"-1024": "timeout", // AI upstream timeout
	invalid_api_key: "invalid_token",
	insufficient_quota: "no_credits",
	rate_limit_exceeded: "too_many_requests",
};

/** Luma's and 302's moderation wording; 302 documents no moderation code. */
const MODERATION_TEXT = /moderat|sensitive|community standards|violat|inappropriate/i;
/** Balance wording, for answers that carry no code. */
const CREDITS_TEXT = /insufficient (?:balance|credit|quota)|balance is (?:insufficient|not enough)|余额不足/i;
/** Codes a moderation message may refine: they say "refused" without saying why. */
const REFINABLE: ReadonlySet<ProviderErrorCode | undefined> = new Set([
	undefined,
	"bad_request",
	"unknown",
	"api_error",
]);

export interface ProviderProblem {
	/** 302's own code as text (`-10004`), when it sent one. */
	rawCode: string | undefined;
	/** Every message the error carries (English first), for matching and for logs. */
	text: string;
}

/** The code and messages of an `error` value (object or bare string). */
export function problemOf(error: ErrorValue | null | undefined, topMessage?: string | null): ProviderProblem {
	if (typeof error === "string") return { rawCode: undefined, text: error };
	const raw = error?.err_code ?? error?.code;
	const messages = [error?.message_en, error?.message, error?.message_cn, topMessage];
	return {
		rawCode: raw === undefined || raw === null ? undefined : String(raw).trim(),
		text: [...new Set(messages.filter((m): m is string => typeof m === "string" && m.length > 0))].join(
			" | ",
		),
	};
}

/**
 * Our code for a 302 problem: its code first, moderation recognised from the text where the code
 * (or status) only says "refused", credits from the text where there is no code, then the status.
 * Undefined when nothing matched and there is no status (a task failure without a reason).
 */
export function classify(problem: ProviderProblem, status?: number): ProviderErrorCode | undefined {
	const byCode = problem.rawCode === undefined ? undefined : CODE_MAP[problem.rawCode];
	const byStatus = status === undefined ? undefined : codeForStatus(status);
	const base = byCode ?? byStatus;
	if (MODERATION_TEXT.test(problem.text) && REFINABLE.has(base)) return "moderated";
	if (byCode === undefined && CREDITS_TEXT.test(problem.text)) return "no_credits";
	return base;
}

/** Maps a refused call (non-2xx, or a 2xx that carries only an `error`) to a `ProviderError`. */
export function errorFromAnswer(http: ProviderHttp, operation: string, answer: RawAnswer): ProviderError {
	const parsed = errorBodySchema.safeParse(answer.json);
	const problem = parsed.success
		? problemOf(parsed.data.error, parsed.data.message)
		: { rawCode: undefined, text: "" };
	return http.error({
		operation,
		code: classify(problem, answer.status) ?? "unknown",
		status: answer.status,
		rawCode: problem.rawCode,
		providerText: problem.text || answer.text,
		headers: answer.headers,
	});
}

/** The failure of a task whose fetch says `failed` (or carries an `error`). */
export function taskFailureOf(http: ProviderHttp, error: ErrorValue | null | undefined): TaskFailure {
	const problem = problemOf(error);
	const detail = [problem.rawCode, problem.text].filter(Boolean).join(": ");
	const code = classify(problem);
	return {
		code: code === undefined || code === "unknown" ? "failed" : code,
		...(detail && { detail: http.clip(detail) }),
	};
}

/** Whether a refused fetch means "no such task" (left out of the answer, not an error). */
export function isUnknownTask(answer: RawAnswer): boolean {
	if (answer.status === 404) return true;
	const parsed = errorBodySchema.safeParse(answer.json);
	return parsed.success && problemOf(parsed.data.error).rawCode === "-10010";
}
