import type { FakeFailure, FakeSubmitError } from "../common/fakeProvider.js";
import { json, type Reply } from "../common/base.js";

/**
 * 302.AI's answers as its documents and first-party code show them (providers.md §2.4, §2.5).
 * HTTP statuses for errors are undocumented [?]; the ones chosen here are commented.
 */

/**
 * 302's error body, `{"error": {err_code, message, message_cn, message_en, message_ja, type}}`,
 * as its own video-arena app reads it [C][S22]; `err_code` is left out where 302 has none.
 */
export function errorBody(errCode: number | undefined, message: string, type = "api_error"): unknown {
	return { error: errorObject(errCode, message, type) };
}

function errorObject(errCode: number | undefined, message: string, type: string): Record<string, unknown> {
	return {
		...(errCode !== undefined && { err_code: errCode }),
		message,
		message_cn: message,
		message_en: message,
		message_ja: message,
		type,
	};
}

export const refusal = (status: number, errCode: number | undefined, message: string): Reply =>
	json(status, errorBody(errCode, message));

/** A missing or wrong key: 401 with `-10001` ("API key missing"). */
export const authRefusal = (): Reply => refusal(401, -10001, "Missing or invalid API key");

/** A request that breaks the documents: `-10011` ("invalid request") with 400. */
export const invalidRequest = (message: string): Reply => refusal(400, -10011, message);

/** An unknown task id: `-10010` ("resource not found") with 404 (the status is a guess). */
export const notFound = (message = "Resource not found"): Reply => refusal(404, -10010, message);

export const MODERATION_MESSAGE =
	"Failed to generate: this prompt may violate our community standards (content moderation)";

export function submitErrorReply(error: FakeSubmitError): Reply {
	switch (error) {
		case "invalid_key":
			return authRefusal();
		case "no_credits":
			// The status is undocumented; 403 (not 402) so tests show the code decides, not the status.
			return refusal(403, -10004, "Insufficient balance, please top up");
		case "rate_limited":
			// No 302 code for rate limits is known: the status and retry-after carry the meaning.
			return json(429, errorBody(undefined, "Too many requests", "rate_limit_error"), { "retry-after": "1" });
		case "unavailable":
			return refusal(503, -10008, "No available channel");
		case "server_error":
			return refusal(500, undefined, "Internal server error");
		case "moderated":
			// 302 documents no moderation code; the upstream's wording carries it.
			return refusal(400, undefined, MODERATION_MESSAGE);
	}
}

export function queryErrorReply(status: number): Reply {
	if (status === 429)
		return json(429, errorBody(undefined, "Too many requests", "rate_limit_error"), { "retry-after": "2" });
	if (status === 503) return refusal(503, -10008, "No available channel");
	return refusal(status, undefined, "Upstream error");
}

/** The `error` of a failed task, in 302's shape, for each failure a test can ask for. */
export function taskError(why: FakeFailure): Record<string, unknown> {
	switch (why) {
		case "moderated":
			return errorObject(undefined, MODERATION_MESSAGE, "luma_error");
		case "no_credits":
			return errorObject(-10004, "Insufficient balance, please top up", "api_error");
		case "failed":
			return errorObject(undefined, "Video generation failed", "luma_error");
	}
}
