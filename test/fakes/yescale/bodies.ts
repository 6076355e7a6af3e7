import { randomUUID } from "node:crypto";
import type { BaseTask, Reply } from "../common/base.js";
import { json } from "../common/base.js";
import type { FakeFailure, FakeSubmitError } from "../common/fakeProvider.js";

/**
 * The bodies the fake YEScale answers with (providers.md §3.3–3.4). Generations follow the
 * upstream Luma web format YEScale relays; errors are the OpenAI-style body a new-api gateway
 * sends (`{"error":{"message","type","code"}}`), since YEScale documents no error body of its own.
 */

export interface YescaleTask extends BaseTask {
	prompt: string;
	aspectRatio: string;
	/** The generation this one extends. */
	parentId?: string;
}

export const ASPECT_RATIOS = ["1:1", "4:3", "3:4", "16:9", "9:16"] as const;

const SIZES: Readonly<Record<string, [number, number]>> = {
	"16:9": [1360, 752],
	"9:16": [752, 1360],
	"1:1": [1024, 1024],
	"4:3": [1168, 880],
	"3:4": [880, 1168],
};

/** `failure_reason` of a failed generation, in the provider's words. */
export const FAILURE_REASONS: Readonly<Record<FakeFailure, string>> = {
	moderated:
		"This generation was blocked by content moderation: the prompt may violate our community standards.",
	no_credits: "Generation failed: user quota is not enough (insufficient balance).",
	failed: "Internal error while generating the video. Please try again.",
};

/** new-api's OpenAI-style error body. */
export function apiError(
	status: number,
	message: string,
	code: string,
	headers?: Record<string, string>,
): Reply {
	return json(
		status,
		{
			error: {
				message: `${message} (request id: ${randomUUID().slice(0, 18)})`,
				type: "new_api_error",
				code,
			},
		},
		headers,
	);
}

export function invalidRequest(message: string): Reply {
	return apiError(400, message, "invalid_request");
}

export function submitError(error: FakeSubmitError): Reply {
	switch (error) {
		case "invalid_key":
			return apiError(401, "Invalid token", "invalid_api_key");
		case "no_credits":
			return apiError(403, "user quota is not enough", "insufficient_user_quota");
		case "rate_limited":
			return apiError(429, "Rate limit reached: at most 10 requests per minute", "rate_limit_exceeded", {
				"retry-after": "1",
			});
		case "unavailable":
			return apiError(503, "No available channel for model luma under group default", "model_not_found");
		case "server_error":
			return apiError(500, "upstream error: do request failed", "do_request_failed");
		case "moderated":
			return apiError(400, "sensitive words detected: the prompt was refused", "sensitive_words_detected");
	}
}

export function queryError(status: number): Reply {
	if (status === 429) return submitError("rate_limited");
	if (status === 503) return submitError("unavailable");
	return apiError(status, `upstream returned HTTP ${status}`, "bad_response_status_code");
}

/** The documented create/extend acknowledgement (flat format). */
export function submitBody(task: YescaleTask): Record<string, unknown> {
	return {
		id: task.id,
		state: "pending",
		created_at: new Date(task.createdAt).toISOString(),
		batch_id: "",
		prompt: "",
		message: "YEScale - Luma Video Generation - Submit",
		video: null,
		video_raw: null,
		thumbnail: null,
		last_frame: null,
		liked: null,
		queue_state: null,
		estimate_wait_seconds: null,
	};
}

const STATES = {
	queued: "pending",
	running: "processing",
	completed: "completed",
	failed: "failed",
} as const;

/** `GET /luma/generations/{id}` in the Luma web format, for each phase. */
export function generationBody(
	task: YescaleTask,
	videoUrl: string,
	thumbnailUrl: string,
): Record<string, unknown> {
	const [width, height] = SIZES[task.aspectRatio] ?? [1360, 752];
	const done = task.phase === "completed";
	const media = (url: string) => ({ url, width, height });
	return {
		id: task.id,
		prompt: task.prompt,
		state: STATES[task.phase],
		queue_state: null,
		created_at: new Date(task.createdAt).toISOString(),
		batch_id: "",
		liked: null,
		estimate_wait_seconds: task.phase === "queued" ? 60 : null,
		video: done ? { ...media(videoUrl), thumbnail: null, download_url: videoUrl } : null,
		video_raw: done ? { ...media(videoUrl), thumbnail: null } : null,
		thumbnail: done ? { ...media(thumbnailUrl), media_type: "image", palette: null } : null,
		last_frame: done ? { ...media(thumbnailUrl), media_type: "image", palette: null } : null,
		failure_reason: task.phase === "failed" ? FAILURE_REASONS[task.failure ?? "failed"] : null,
	};
}
