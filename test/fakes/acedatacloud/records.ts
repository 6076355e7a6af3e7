import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

export interface RecordedRequest {
	method: string;
	path: string;
	/** Parsed JSON, the raw text when it is not JSON, or `undefined` without a body. */
	body: unknown;
	headers: IncomingHttpHeaders;
	/** Milliseconds since the epoch. */
	at: number;
}

export type FakeTaskState = "queued" | "pending" | "processing" | "completed" | "failed";

export interface FakeTaskError {
	code: string;
	message: string;
}

export interface FakeTask {
	readonly id: string;
	readonly videoId: string;
	/** The body POSTed to `/luma/videos`. */
	readonly request: unknown;
	readonly state: FakeTaskState;
	readonly error?: FakeTaskError;
	/** Milliseconds since the epoch. */
	readonly createdAt: number;
	readonly finishedAt?: number;
}

export type TaskBehaviour =
	| { mode: "manual" }
	| {
			mode: "auto";
			/** From submission to `processing`; default 50. */
			runningAfterMs?: number;
			/** From submission to the terminal state; default 150. */
			completeAfterMs?: number;
			/** Fail with this error instead of completing. */
			fail?: FakeTaskError;
	  };

/** Internal, mutable side of a task. */
export interface TaskEntry {
	id: string;
	videoId: string;
	request: unknown;
	state: FakeTaskState;
	error?: FakeTaskError;
	createdAt: number;
	finishedAt?: number;
	mongoId: string;
	traceId: string;
	startedAt: number;
	/** Replaces the generated `response` object (for odd shapes tests need). */
	responseOverride?: Record<string, unknown> | null;
}

export function newTask(request: unknown, now: number): TaskEntry {
	return {
		id: randomUUID(),
		videoId: randomUUID(),
		request,
		state: "queued",
		createdAt: now,
		mongoId: randomBytes(12).toString("hex"),
		traceId: randomUUID(),
		startedAt: now + 5,
	};
}

export function isTerminal(state: FakeTaskState): boolean {
	return state === "completed" || state === "failed";
}

/** Luma's output sizes per aspect ratio (16:9 and 21:9 as seen in the documents' examples). */
const SIZES: Readonly<Record<string, readonly [number, number]>> = {
	"16:9": [1360, 752],
	"9:16": [752, 1360],
	"1:1": [1024, 1024],
	"4:3": [1168, 880],
	"3:4": [880, 1168],
	"21:9": [1552, 656],
	"9:21": [656, 1552],
};

function field(body: unknown, key: string): unknown {
	return typeof body === "object" && body !== null ? (body as Record<string, unknown>)[key] : undefined;
}

function responseOf(task: TaskEntry, baseUrl: string): Record<string, unknown> | null | undefined {
	if (task.responseOverride !== undefined) return task.responseOverride;
	switch (task.state) {
		case "queued":
			return undefined;
		case "pending":
		case "processing":
			return { task_id: task.id, state: task.state };
		case "failed":
			return { success: false, error: task.error, trace_id: task.traceId };
		case "completed": {
			const ratio = field(task.request, "aspect_ratio");
			const [width, height] = SIZES[typeof ratio === "string" ? ratio : "16:9"] ?? [1360, 752];
			return {
				success: true,
				task_id: task.id,
				video_id: task.videoId,
				prompt: field(task.request, "prompt"),
				video_url: `${baseUrl}/files/${task.id}.mp4`,
				video_width: width,
				video_height: height,
				state: "completed",
				thumbnail_url: `${baseUrl}/files/${task.id}.jpg`,
				thumbnail_width: width,
				thumbnail_height: height,
			};
		}
	}
}

/** The `callback_url` a task was submitted with, if any. */
export function callbackUrlOf(task: TaskEntry): string | undefined {
	const url = field(task.request, "callback_url");
	return typeof url === "string" ? url : undefined;
}

/**
 * What AceDataCloud POSTs to `callback_url` when a task ends (providers.md §1.6): on success the
 * same object as a synchronous result plus `trace_id`; on failure
 * `{success:false, task_id, trace_id, error:{code,message}}`.
 */
export function callbackBodyOf(task: TaskEntry, baseUrl: string): Record<string, unknown> {
	if (task.state === "failed") {
		return { success: false, task_id: task.id, trace_id: task.traceId, error: task.error };
	}
	return { ...responseOf({ ...task, responseOverride: undefined }, baseUrl), trace_id: task.traceId };
}

/** A task record shaped like providers.md §1.4 (`finished_at`/`elapsed` only once finished). */
export function toRecord(task: TaskEntry, baseUrl: string): Record<string, unknown> {
	const record: Record<string, unknown> = {
		_id: task.mongoId,
		id: task.id,
		api_id: "fake-luma-api",
		trace_id: task.traceId,
		created_at: task.createdAt / 1000,
		started_at: task.startedAt / 1000,
		request: task.request,
	};
	if (task.finishedAt !== undefined) {
		record.finished_at = task.finishedAt / 1000;
		record.elapsed = Math.round(task.finishedAt - task.createdAt) / 1000;
	}
	const response = responseOf(task, baseUrl);
	if (response !== undefined) record.response = response;
	return record;
}
