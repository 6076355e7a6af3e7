import { inspect } from "node:util";
import { type Dispatcher, type FormData, request } from "undici";
import type { z } from "zod";
import { ProviderError, type ProviderErrorCode } from "../errors.js";

/** Longest slice of a provider message (or body) that goes into a log message. */
const MAX_PROVIDER_TEXT = 200;
/**
 * One provider call's deadline. Shorter than the 9 s hard exit of a shutdown (src/index.ts), which
 * is itself inside `docker stop`'s 10 s grace: a call in flight at SIGTERM ends, and its outcome is
 * written, before the process does (30 s would leave it cut off by the hard exit or SIGKILL).
 */
const DEFAULT_TIMEOUT_MS = 8_000;

export interface RawAnswer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	/** The parsed body, or `undefined` when it is not JSON. */
	json: unknown;
	text: string;
}

export interface HttpCall {
	method: "GET" | "POST";
	/** Path below the base URL, with its query string. */
	path: string;
	/** A JSON body, or a FormData sent as multipart/form-data. */
	body?: unknown;
	signal?: AbortSignal | undefined;
}

const TIMEOUT_CODES: ReadonlySet<string> = new Set([
	"UND_ERR_HEADERS_TIMEOUT",
	"UND_ERR_BODY_TIMEOUT",
	"ETIMEDOUT",
]);
/** Failures before any byte of the request left: the provider cannot have started anything. */
const UNREACHABLE_CODES: ReadonlySet<string> = new Set([
	"ECONNREFUSED",
	"ENOTFOUND",
	"EAI_AGAIN",
	"EHOSTUNREACH",
	"ENETUNREACH",
	"UND_ERR_CONNECT_TIMEOUT",
]);

/**
 * The HTTP side every adapter shares: bearer auth, one deadline per call joined with the
 * caller's signal, JSON or multipart bodies, and errors whose text never holds the key.
 */
export class ProviderHttp {
	readonly label: string;
	readonly #apiKey: string;
	readonly #baseUrl: string;
	readonly #dispatcher: Dispatcher | undefined;
	readonly #timeoutMs: number;

	constructor(options: {
		label: string;
		apiKey: string;
		baseUrl: string;
		dispatcher?: Dispatcher | undefined;
		timeoutMs?: number | undefined;
	}) {
		this.label = options.label;
		this.#apiKey = options.apiKey;
		this.#baseUrl = options.baseUrl.replace(/\/+$/, "");
		this.#dispatcher = options.dispatcher;
		this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	}

	/** Removes the key from text bound for a log. */
	redact(text: string): string {
		return this.#apiKey.length > 0 ? text.split(this.#apiKey).join("[redacted]") : text;
	}

	/** Redacted, flattened and clipped provider text for a log message. */
	clip(text: string): string {
		const flat = this.redact(text).replace(/\s+/g, " ").trim();
		return flat.length > MAX_PROVIDER_TEXT ? `${flat.slice(0, MAX_PROVIDER_TEXT)}…` : flat;
	}

	async send(call: HttpCall): Promise<RawAnswer> {
		const { signal } = call;
		signal?.throwIfAborted();
		// Our own controller joins the caller's signal and an overall deadline, and is cleaned up
		// per call (AbortSignal.any on a long-lived signal has leaked in Node 20).
		const controller = new AbortController();
		const onAbort = () => controller.abort(signal?.reason);
		signal?.addEventListener("abort", onAbort, { once: true });
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			controller.abort(new Error(`request deadline of ${this.#timeoutMs} ms passed`));
		}, this.#timeoutMs);
		timer.unref();
		const operation = `${call.method} ${call.path.split("?")[0]}`;
		const headers: Record<string, string> = {
			authorization: `Bearer ${this.#apiKey}`,
			accept: "application/json",
		};
		let body: string | FormData | undefined;
		if (isFormData(call.body)) {
			// undici writes the multipart content type with its boundary itself.
			body = call.body;
		} else if (call.body !== undefined) {
			headers["content-type"] = "application/json";
			body = JSON.stringify(call.body);
		}
		try {
			const res = await request(`${this.#baseUrl}${call.path}`, {
				method: call.method,
				headers,
				...(body !== undefined && { body }),
				signal: controller.signal,
				headersTimeout: this.#timeoutMs,
				bodyTimeout: this.#timeoutMs,
				...(this.#dispatcher ? { dispatcher: this.#dispatcher } : {}),
			});
			const text = await res.body.text();
			let json: unknown;
			try {
				json = JSON.parse(text);
			} catch {
				json = undefined;
			}
			return { status: res.statusCode, headers: res.headers, json, text };
		} catch (error) {
			if (signal?.aborted) throw signal.reason;
			throw this.#fromException(operation, error, timedOut);
		} finally {
			clearTimeout(timer);
			signal?.removeEventListener("abort", onAbort);
		}
	}

	/** A `ProviderError` for a refused call, with a log message that names the operation. */
	error(options: {
		operation: string;
		code: ProviderErrorCode;
		status?: number;
		rawCode?: string | undefined;
		providerText?: string;
		headers?: RawAnswer["headers"];
		retryable?: boolean;
	}): ProviderError {
		const raw = options.rawCode === undefined ? "" : ` (${this.clip(options.rawCode)})`;
		const status = options.status === undefined ? "" : ` HTTP ${options.status}`;
		const text = options.providerText ? `: ${this.clip(options.providerText)}` : "";
		const retryAfterMs = options.headers ? retryAfterMsOf(options.headers) : undefined;
		return new ProviderError({
			code: options.code,
			message: `${this.label} ${options.operation} failed:${status} ${options.code}${raw}${text}`,
			...(options.status !== undefined && { status: options.status }),
			...(options.rawCode !== undefined && { rawCode: options.rawCode }),
			...(retryAfterMs !== undefined && { retryAfterMs }),
			...(options.retryable !== undefined && { retryable: options.retryable }),
		});
	}

	/** Checks a 2xx body against its schema: one that is not JSON or does not match is `invalid_response`. */
	parse<S extends z.ZodType>(
		operation: string,
		answer: RawAnswer,
		schema: S,
		retryable: boolean,
	): z.output<S> {
		if (answer.json === undefined)
			throw this.invalid(operation, answer, `body is not JSON: ${answer.text}`, retryable);
		const parsed = schema.safeParse(answer.json);
		if (!parsed.success) {
			const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
			throw this.invalid(operation, answer, issues.join("; "), retryable);
		}
		return parsed.data;
	}

	/** A 2xx body that is not JSON or does not match the documented shape. */
	invalid(operation: string, answer: RawAnswer, detail: string, retryable: boolean): ProviderError {
		return this.error({
			operation,
			code: "invalid_response",
			status: answer.status,
			providerText: detail,
			retryable,
		});
	}

	#fromException(operation: string, error: unknown, timedOut: boolean): ProviderError {
		const sysCode = systemCodeOf(error);
		const code: ProviderErrorCode =
			sysCode && UNREACHABLE_CODES.has(sysCode)
				? "unreachable"
				: timedOut || (sysCode && TIMEOUT_CODES.has(sysCode))
					? "timeout"
					: "network";
		const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
		// Keep the cause only if it cannot leak the key (transport errors never carry headers).
		const keepCause = !inspect(error, { depth: 4 }).includes(this.#apiKey);
		return new ProviderError({
			code,
			message: `${this.label} ${operation} failed: ${code} ${sysCode ?? "-"}: ${this.clip(text)}`,
			...(keepCause && { cause: error }),
		});
	}
}

function isFormData(value: unknown): value is FormData {
	return typeof value === "object" && value !== null && value.constructor?.name === "FormData";
}

function systemCodeOf(error: unknown, depth = 0): string | undefined {
	if (depth > 3 || typeof error !== "object" || error === null) return undefined;
	const { code } = error as { code?: unknown };
	if (typeof code === "string" && code !== "UND_ERR_SOCKET") return code;
	const inner = (error as { errors?: unknown }).errors;
	if (Array.isArray(inner) && inner.length > 0) return systemCodeOf(inner[0], depth + 1);
	const fromCause = systemCodeOf((error as { cause?: unknown }).cause, depth + 1);
	return fromCause ?? (typeof code === "string" ? code : undefined);
}

/** `retry-after` in seconds or as a date, and `retry-after-ms`, as milliseconds from now. */
export function retryAfterMsOf(headers: RawAnswer["headers"], now = Date.now()): number | undefined {
	const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
	const ms = Number(first(headers["retry-after-ms"]));
	if (Number.isFinite(ms) && ms >= 0) return ms;
	const raw = first(headers["retry-after"]);
	if (raw === undefined) return undefined;
	const seconds = Number(raw);
	if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
	const date = Date.parse(raw);
	return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** The usual status → code mapping when a provider's body names no code of its own. */
export function codeForStatus(status: number): ProviderErrorCode {
	if (status === 400 || status === 422) return "bad_request";
	if (status === 401) return "invalid_token";
	if (status === 402) return "no_credits";
	if (status === 403) return "disabled";
	if (status === 404) return "not_found";
	if (status === 408 || status === 504) return "timeout";
	if (status === 429) return "too_many_requests";
	if (status === 503) return "unavailable";
	if (status >= 500) return "api_error";
	return "unknown";
}

/** Whether a 2xx/4xx/5xx status is a success. */
export function isOk(answer: RawAnswer): boolean {
	return answer.status >= 200 && answer.status < 300;
}
