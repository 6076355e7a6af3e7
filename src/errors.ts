/** Values that fill a sentence: ids, numbers, names, codes; never words of a language. */
export type PhraseParams = Readonly<Record<string, string | number>>;

/**
 * A request turned down for a reason the member may be told, as a code and its parameters: the
 * bot's views word it in the member's language. Anything else thrown is logged and answered with
 * a generic sentence, so internals and provider bodies never reach a channel.
 */
export class UserError extends Error {
	override readonly name: string = "UserError";
	readonly code: string;
	readonly params: PhraseParams | undefined;

	constructor(code: string, params?: PhraseParams) {
		super(`refused: ${code}`);
		this.code = code;
		this.params = params;
	}
}

/**
 * Machine codes for everything a video provider can answer besides success, the same for every
 * provider: adapters map their own vocabulary onto these, and views turn them into words.
 */
export const PROVIDER_ERROR_CODES = [
	/** The provider refused the request itself (a field, an image it cannot read). */
	"bad_request",
	/** The key was refused or is missing. */
	"invalid_token",
	"token_expired",
	/** The account or key is disabled, or lacks permission. */
	"disabled",
	/** No balance, credits or quota left on the provider account. */
	"no_credits",
	/** The provider's moderation refused the prompt or an image. */
	"moderated",
	"not_found",
	"too_many_requests",
	/** The provider said it cannot take work now (503, no channel available). */
	"unavailable",
	/** The provider had an internal problem (500, 502, an upstream error). */
	"api_error",
	"timeout",
	/** The connection could not be made at all (refused, DNS failure): no request reached it. */
	"unreachable",
	/** The connection broke during the call. */
	"network",
	"invalid_response",
	/** A task ended as failed without a more precise reason. */
	"failed",
	/** A task finished without a video. */
	"no_output",
	"unknown",
] as const;
export type ProviderErrorCode = (typeof PROVIDER_ERROR_CODES)[number];

/** Worth trying the same call again later (rate limits, gateway trouble, the network). */
const RETRYABLE: ReadonlySet<ProviderErrorCode> = new Set([
	"too_many_requests",
	"unavailable",
	"api_error",
	"timeout",
	"unreachable",
	"network",
]);

/**
 * Answers that prove the provider created no task, so the request may go to another provider
 * without paying twice. A 500 or a timeout proves nothing: the task may exist.
 */
const NO_TASK_CREATED: ReadonlySet<ProviderErrorCode> = new Set([
	"invalid_token",
	"token_expired",
	"disabled",
	"no_credits",
	"too_many_requests",
	"unavailable",
	"unreachable",
]);

/** Answers that make the provider account unusable until an admin acts. */
const ACCOUNT_PROBLEMS: ReadonlySet<ProviderErrorCode> = new Set([
	"invalid_token",
	"token_expired",
	"disabled",
	"no_credits",
]);

export function provesNoTask(code: ProviderErrorCode): boolean {
	return NO_TASK_CREATED.has(code);
}
export function isAccountProblem(code: string | undefined): code is ProviderErrorCode {
	return ACCOUNT_PROBLEMS.has(code as ProviderErrorCode);
}

/**
 * A provider call that did not succeed. `message` is for logs (already free of the key and
 * clipped); users only ever see words chosen from `code`.
 */
export class ProviderError extends Error {
	override readonly name = "ProviderError";
	readonly code: ProviderErrorCode;
	readonly status: number | undefined;
	readonly retryable: boolean;
	/** The provider's own code (`used_up`, `-10004`, `budget_exhausted`), for logs. */
	readonly rawCode: string | undefined;
	/** From a `retry-after` header, when the provider sent one. */
	readonly retryAfterMs: number | undefined;

	constructor(options: {
		code: ProviderErrorCode;
		message: string;
		retryable?: boolean;
		status?: number;
		rawCode?: string;
		retryAfterMs?: number;
		cause?: unknown;
	}) {
		super(options.message, { cause: options.cause });
		this.code = options.code;
		this.status = options.status;
		this.retryable = options.retryable ?? RETRYABLE.has(options.code);
		this.rawCode = options.rawCode;
		this.retryAfterMs = options.retryAfterMs;
	}
}
