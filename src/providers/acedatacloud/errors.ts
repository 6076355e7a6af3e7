import { ProviderError, type ProviderErrorCode } from "../errors.js";
import { errorBodySchema } from "./acedatacloudSchemas.js";

/** Longest slice of a provider message (or body) that goes into a log message. */
const MAX_PROVIDER_TEXT = 200;

/** AceDataCloud `error.code` values (platform and Luma docs) mapped to our codes. */
const CODE_ALIASES: Readonly<Record<string, ProviderErrorCode>> = {
	bad_request: "bad_request",
	no_token: "invalid_token",
	invalid_token: "invalid_token",
	token_mismatched: "invalid_token",
	token_expired: "token_expired",
	disabled: "disabled",
	used_up: "used_up",
	forbidden: "forbidden",
	no_api: "not_found",
	api_not_implemented: "not_found",
	not_found: "not_found",
	too_many_requests: "too_many_requests",
	api_error: "api_error",
	timeout: "timeout",
};

const RETRYABLE: ReadonlySet<ProviderErrorCode> = new Set([
	"too_many_requests",
	"api_error",
	"timeout",
	"network",
]);

const KEY_MESSAGE = "The bot's provider key was refused. A server admin needs to check LUMA_API_KEY.";
const MODERATION_MESSAGE = "The provider's moderation rejected this prompt or image. Try rewording it.";

const USER_MESSAGES: Readonly<Record<ProviderErrorCode, string>> = {
	bad_request:
		"The video provider did not accept this request. Check the prompt and image links, then try again.",
	invalid_token: KEY_MESSAGE,
	token_expired: "The bot's provider key has expired. A server admin needs to renew LUMA_API_KEY.",
	disabled: "The bot's provider account is disabled. A server admin needs to check it.",
	used_up: "The video provider's credits are used up. A server admin needs to top up the account.",
	forbidden: MODERATION_MESSAGE,
	not_found:
		"The video provider did not recognise this request. A server admin needs to check the provider settings.",
	too_many_requests: "The video provider is busy right now. Try again in a minute.",
	api_error: "The video provider had a problem. Try again in a few minutes.",
	timeout: "The video provider took too long to answer. Try again in a few minutes.",
	network: "The bot could not reach the video provider. Try again in a few minutes.",
	invalid_response: "The video provider sent an answer the bot could not read. Try again later.",
	unknown: "The video provider refused the request. Try again later.",
};

/** Task-level failures read better with their own wording for a few codes. */
const TASK_MESSAGES: Partial<Record<ProviderErrorCode | "no_output", string>> = {
	api_error: "The video provider had a problem making this video. Try again in a few minutes.",
	timeout: "The video provider took too long to make this video. Try again in a few minutes.",
	unknown: "The video provider could not make this video. Try again, perhaps with a different prompt.",
	no_output: "The video provider finished without returning a video. Try again.",
};

export function normaliseCode(rawCode: string | undefined, status?: number): ProviderErrorCode {
	const known = rawCode === undefined ? undefined : CODE_ALIASES[rawCode];
	if (known) return known;
	if (status === undefined) return "unknown";
	if (status === 400) return "bad_request";
	if (status === 401) return "invalid_token";
	if (status === 402) return "used_up";
	if (status === 404) return "not_found";
	if (status === 408 || status === 504) return "timeout";
	if (status === 429) return "too_many_requests";
	if (status >= 500) return "api_error";
	return "unknown";
}

export function userMessageFor(code: ProviderErrorCode): string {
	return USER_MESSAGES[code];
}

/**
 * A plain sentence for a failed task, chosen from the provider's machine code only. The
 * provider's message is looked at just to recognise moderation when no code was given.
 */
export function taskFailureMessage(rawCode: string, providerMessage?: string): string {
	if (rawCode === "no_output") return TASK_MESSAGES.no_output!;
	let code = normaliseCode(rawCode);
	if (code === "unknown" && providerMessage && /moderat|community standards/i.test(providerMessage)) {
		code = "forbidden";
	}
	return TASK_MESSAGES[code] ?? USER_MESSAGES[code];
}

/** Where a call went and how to scrub secrets from text that goes into a log message. */
export interface ErrorContext {
	/** e.g. `POST /luma/videos` */
	operation: string;
	redact: (text: string) => string;
}

function clip(ctx: ErrorContext, text: string): string {
	const flat = ctx.redact(text).replace(/\s+/g, " ").trim();
	return flat.length > MAX_PROVIDER_TEXT ? `${flat.slice(0, MAX_PROVIDER_TEXT)}…` : flat;
}

function create(code: ProviderErrorCode, message: string, status?: number, cause?: unknown): ProviderError {
	return new ProviderError({
		code,
		message,
		userMessage: USER_MESSAGES[code],
		retryable: RETRYABLE.has(code),
		...(status === undefined ? {} : { status }),
		...(cause === undefined ? {} : { cause }),
	});
}

/** The provider's `error.code` of an error body, if it has one. */
export function rawErrorCode(json: unknown): string | undefined {
	const parsed = errorBodySchema.safeParse(json);
	return parsed.success ? parsed.data.error.code : undefined;
}

/** Maps a non-2xx answer (or a 2xx carrying an `error` object) to a `ProviderError`. */
export function errorFromHttp(ctx: ErrorContext, status: number, bodyText: string): ProviderError {
	let json: unknown;
	try {
		json = JSON.parse(bodyText);
	} catch {
		json = undefined;
	}
	const parsed = errorBodySchema.safeParse(json);
	const rawCode = parsed.success ? parsed.data.error.code : undefined;
	const providerText = parsed.success ? (parsed.data.error.message ?? "") : bodyText;
	const trace = parsed.success && parsed.data.trace_id ? ` trace=${ctx.redact(parsed.data.trace_id)}` : "";
	const code = normaliseCode(rawCode, status);
	const raw = rawCode === undefined ? "" : ` (${clip(ctx, rawCode)})`;
	const message = `AceDataCloud ${ctx.operation} failed: HTTP ${status} ${code}${raw}${trace}: ${clip(ctx, providerText)}`;
	return create(code, message, status);
}

function systemCodeOf(error: unknown, depth = 0): string | undefined {
	if (depth > 3 || typeof error !== "object" || error === null) return undefined;
	const { code } = error as { code?: unknown };
	if (typeof code === "string") return code;
	const inner = (error as { errors?: unknown }).errors;
	if (Array.isArray(inner) && inner.length > 0) return systemCodeOf(inner[0], depth + 1);
	return systemCodeOf((error as { cause?: unknown }).cause, depth + 1);
}

const TIMEOUT_CODES: ReadonlySet<string> = new Set([
	"UND_ERR_HEADERS_TIMEOUT",
	"UND_ERR_BODY_TIMEOUT",
	"UND_ERR_CONNECT_TIMEOUT",
	"ETIMEDOUT",
]);

/**
 * Maps a thrown transport error (refused connection, reset socket, undici timeout) to `network`
 * or `timeout`. `timedOut` is set when our own request deadline fired.
 */
export function errorFromException(
	ctx: ErrorContext,
	error: unknown,
	timedOut: boolean,
	keepCause = true,
): ProviderError {
	const sysCode = systemCodeOf(error);
	const code: ProviderErrorCode = timedOut || (sysCode && TIMEOUT_CODES.has(sysCode)) ? "timeout" : "network";
	const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	const message = `AceDataCloud ${ctx.operation} failed: ${code} ${sysCode ?? "-"}: ${clip(ctx, text)}`;
	return create(code, message, undefined, keepCause ? error : undefined);
}

/** A 2xx body that is not JSON or does not match the documented shape. */
export function invalidResponseError(
	ctx: ErrorContext,
	status: number,
	detail: string,
	retryable: boolean,
): ProviderError {
	return new ProviderError({
		code: "invalid_response",
		message: `AceDataCloud ${ctx.operation} failed: HTTP ${status} invalid_response: ${clip(ctx, detail)}`,
		userMessage: USER_MESSAGES.invalid_response,
		retryable,
		status,
	});
}
