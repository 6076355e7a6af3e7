/**
 * The only error whose message users may see. Anything else is logged and answered with a
 * generic sentence, so internals and provider bodies never reach a channel.
 */
export class UserError extends Error {
	override readonly name = "UserError";
}

/** Machine codes for everything a video provider can answer besides success. */
export type ProviderErrorCode =
	| "bad_request"
	| "invalid_token"
	| "token_expired"
	| "disabled"
	| "used_up"
	| "forbidden"
	| "not_found"
	| "too_many_requests"
	| "api_error"
	| "timeout"
	| "network"
	| "invalid_response"
	| "unknown";

/**
 * A provider call that did not succeed. `userMessage` is a plain sentence safe to show in a
 * channel (it never contains the provider's raw body); `retryable` says whether the same call
 * may be tried again later (rate limits, gateway errors, network trouble).
 */
export class ProviderError extends Error {
	override readonly name = "ProviderError";
	readonly code: ProviderErrorCode;
	readonly status: number | undefined;
	readonly retryable: boolean;
	readonly userMessage: string;

	constructor(options: {
		code: ProviderErrorCode;
		message: string;
		userMessage: string;
		retryable: boolean;
		status?: number;
		cause?: unknown;
	}) {
		super(options.message, { cause: options.cause });
		this.code = options.code;
		this.status = options.status;
		this.retryable = options.retryable;
		this.userMessage = options.userMessage;
	}
}
