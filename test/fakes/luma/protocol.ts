import type { IncomingCall, Reply } from "../common/base.js";
import { isObject, json } from "../common/base.js";
import type { FakeFailure, FakeSubmitError } from "../common/fakeProvider.js";

/**
 * The wire side of the fake Luma Dream Machine API (providers.md §4): which create fields are
 * documented (the `lumaai` SDK's `VideoCreateParams`), and Luma's error bodies. Luma's error body
 * format is not documented; FastAPI's `{"detail": …}` is the best evidence [I] (§4.4), so the
 * fake answers schema problems as FastAPI/pydantic 422s and other refusals as `{"detail": "…"}`.
 */

export const PREFIX = "/dream-machine/v1";

export const MODELS = ["ray-1-6", "ray-2", "ray-flash-2"] as const;
export const ASPECT_RATIOS = ["1:1", "16:9", "9:16", "4:3", "3:4", "21:9", "9:21"] as const;
export const DURATIONS = ["5s", "9s"] as const;
export const RESOLUTIONS = ["540p", "720p", "1080p", "4k"] as const;
const FIELDS: ReadonlySet<string> = new Set([
	"prompt",
	"model",
	"aspect_ratio",
	"loop",
	"duration",
	"resolution",
	"keyframes",
	"concepts",
	"callback_url",
	"generation_type",
]);

/** `failure_reason` of a failed generation, in Luma's words where known. */
export const FAILURE_REASONS: Readonly<Record<FakeFailure, string>> = {
	// Seen in the wild (providers.md §4.3, [C][S41]).
	moderated: "Advanced moderation failed",
	// Luma's exact wording is unknown [I].
	no_credits: "Insufficient credits to complete this generation",
	failed: "Internal error during generation, please try again",
};

export const detail = (status: number, text: string, headers?: Record<string, string>): Reply =>
	json(status, { detail: text }, headers);

export function submitErrorReply(error: FakeSubmitError): Reply {
	switch (error) {
		case "invalid_key":
			return detail(401, "Invalid API key");
		case "no_credits":
			return detail(400, "Insufficient credits. Please add credits to your account to continue.");
		case "rate_limited":
			return detail(429, "Rate limit exceeded. Please try again later.", { "retry-after": "1" });
		case "unavailable":
			return detail(503, "Service temporarily unavailable");
		case "server_error":
			// Starlette's own answer to an unhandled exception is plain text.
			return { status: 500, body: "Internal Server Error", contentType: "text/plain; charset=utf-8" };
		case "moderated":
			return detail(400, "Your prompt did not pass moderation. Please revise it and try again.");
	}
}

export function queryErrorReply(status: number): Reply {
	if (status === 429)
		return detail(429, "Rate limit exceeded. Please try again later.", { "retry-after": "2" });
	if (status === 503) return detail(503, "Service temporarily unavailable");
	return detail(status, "Internal server error");
}

interface Issue {
	type: string;
	loc: (string | number)[];
	msg: string;
	input?: unknown;
}

/** A refused create: what goes into `violations`, and Luma's answer. */
export interface Refusal {
	text: string;
	reply: Reply;
}

const validationError = (issues: Issue[]): Refusal => ({
	text: issues.map((i) => `${i.loc.join(".")}: ${i.msg}`).join("; "),
	reply: json(422, { detail: issues }),
});

function literal(
	issues: Issue[],
	loc: (string | number)[],
	value: unknown,
	allowed: readonly string[],
): void {
	if (typeof value === "string" && allowed.includes(value)) return;
	issues.push({
		type: "literal_error",
		loc,
		msg: `Input should be ${allowed.map((a) => `'${a}'`).join(", ")}`,
		input: value,
	});
}

function httpUrl(value: unknown): boolean {
	if (typeof value !== "string") return false;
	try {
		const url = new URL(value);
		return url.protocol === "https:" || url.protocol === "http:";
	} catch {
		return false;
	}
}

function checkKeyframe(issues: Issue[], name: string, frame: unknown): string | undefined {
	const loc = ["body", "keyframes", name];
	if (!isObject(frame)) {
		issues.push({ type: "model_type", loc, msg: "Input should be an object", input: frame });
		return undefined;
	}
	const keys = frame.type === "image" ? ["type", "url"] : frame.type === "generation" ? ["type", "id"] : [];
	if (keys.length === 0) {
		issues.push({
			type: "union_tag_invalid",
			loc: [...loc, "type"],
			msg: "type must be 'image' or 'generation'",
		});
		return undefined;
	}
	for (const key of Object.keys(frame)) {
		if (!keys.includes(key))
			issues.push({ type: "extra_forbidden", loc: [...loc, key], msg: "Extra inputs are not permitted" });
	}
	if (frame.type === "image" && !httpUrl(frame.url))
		issues.push({
			type: "url_parsing",
			loc: [...loc, "url"],
			msg: "Input should be a valid URL",
			input: frame.url,
		});
	if (frame.type === "generation") {
		if (typeof frame.id === "string" && frame.id.length > 0) return frame.id;
		issues.push({ type: "string_type", loc: [...loc, "id"], msg: "Input should be a valid string" });
	}
	return undefined;
}

/**
 * Checks a create request against the documented fields; `isFinishedVideo` tells whether a
 * keyframe's generation id names a completed video generation of this fake.
 */
export function checkCreate(
	call: IncomingCall,
	isFinishedVideo: (id: string) => boolean,
): Refusal | undefined {
	const contentType = String(call.headers["content-type"] ?? "");
	if (!contentType.startsWith("application/json") || !isObject(call.json)) {
		return validationError([
			{
				type: "model_attributes_type",
				loc: ["body"],
				msg: `Input should be a valid dictionary or object to extract fields from (content-type ${contentType || "none"})`,
			},
		]);
	}
	const body = call.json;
	const issues: Issue[] = [];
	for (const key of Object.keys(body)) {
		if (!FIELDS.has(key))
			issues.push({
				type: "extra_forbidden",
				loc: ["body", key],
				msg: "Extra inputs are not permitted",
				input: body[key],
			});
	}
	// `model` is required by the current SDK; `prompt` is practically required (providers.md §4.2).
	if (body.model === undefined)
		issues.push({ type: "missing", loc: ["body", "model"], msg: "Field required" });
	else literal(issues, ["body", "model"], body.model, MODELS);
	if (typeof body.prompt !== "string" || body.prompt.trim() === "")
		issues.push({ type: "string_type", loc: ["body", "prompt"], msg: "Input should be a non-empty string" });
	if ("aspect_ratio" in body) literal(issues, ["body", "aspect_ratio"], body.aspect_ratio, ASPECT_RATIOS);
	if ("duration" in body) literal(issues, ["body", "duration"], body.duration, DURATIONS);
	if ("resolution" in body) literal(issues, ["body", "resolution"], body.resolution, RESOLUTIONS);
	if ("generation_type" in body)
		literal(issues, ["body", "generation_type"], body.generation_type, ["video"]);
	if ("loop" in body && typeof body.loop !== "boolean")
		issues.push({ type: "bool_type", loc: ["body", "loop"], msg: "Input should be a valid boolean" });
	if ("callback_url" in body && !httpUrl(body.callback_url))
		issues.push({ type: "url_parsing", loc: ["body", "callback_url"], msg: "Input should be a valid URL" });
	if ("concepts" in body) {
		const ok =
			Array.isArray(body.concepts) && body.concepts.every((c) => isObject(c) && typeof c.key === "string");
		if (!ok)
			issues.push({ type: "list_type", loc: ["body", "concepts"], msg: "Input should be a list of {key}" });
	}
	const generationIds: string[] = [];
	if ("keyframes" in body) {
		const keyframes = body.keyframes;
		if (!isObject(keyframes) || Object.keys(keyframes).length === 0) {
			issues.push({
				type: "model_type",
				loc: ["body", "keyframes"],
				msg: "Input should be an object with frame0/frame1",
			});
		} else {
			for (const [name, frame] of Object.entries(keyframes)) {
				if (name !== "frame0" && name !== "frame1") {
					issues.push({
						type: "extra_forbidden",
						loc: ["body", "keyframes", name],
						msg: "Extra inputs are not permitted",
					});
					continue;
				}
				const id = checkKeyframe(issues, name, frame);
				if (id !== undefined) generationIds.push(id);
			}
		}
	}
	if (issues.length > 0) return validationError(issues);
	const unknown = generationIds.find((id) => !isFinishedVideo(id));
	if (unknown !== undefined) {
		// Luma's wording for this is unknown [?]; a plain FastAPI 400 detail.
		const text = `Generation ${unknown} not found or not completed`;
		return { text, reply: detail(400, text) };
	}
	return undefined;
}
