import { inspect } from "node:util";
import { type Dispatcher, request } from "undici";
import type { z } from "zod";
import {
	type ErrorContext,
	errorFromException,
	errorFromHttp,
	invalidResponseError,
	rawErrorCode,
	taskFailureMessage,
} from "./acedatacloudErrors.js";
import {
	retrieveBatchResponseSchema,
	retrieveResponseSchema,
	submitResponseSchema,
	type TaskRecord,
	type TaskResponse,
} from "./acedatacloudSchemas.js";
import type { CallOptions, GenerateRequest, LumaProvider, SubmitResult, TaskStatus } from "./types.js";

const DEFAULT_BASE_URL = "https://api.acedata.cloud";
const DEFAULT_TIMEOUT_MS = 30_000;
const FAILED_STATES: ReadonlySet<string> = new Set(["failed", "error", "cancelled", "canceled"]);

export interface AceDataCloudOptions {
	apiKey: string;
	/** Default `https://api.acedata.cloud`; a trailing slash is tolerated. */
	baseUrl?: string;
	dispatcher?: Dispatcher;
	requestTimeoutMs?: number;
}

interface RawAnswer {
	status: number;
	json: unknown;
	text: string;
}

/**
 * Luma through AceDataCloud. Always submits in async mode and polls `/luma/tasks`. It never
 * retries on its own: a retried submit could start a second paid task.
 */
export class AceDataCloudProvider implements LumaProvider {
	readonly name = "acedatacloud";
	readonly batchSize = 50;

	readonly #apiKey: string;
	readonly #baseUrl: string;
	readonly #dispatcher: Dispatcher | undefined;
	readonly #timeoutMs: number;

	constructor(options: AceDataCloudOptions) {
		this.#apiKey = options.apiKey;
		this.#baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
		this.#dispatcher = options.dispatcher;
		this.#timeoutMs = options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
	}

	/**
	 * Starts a generation (or an extension of an earlier video) with `async: true` and returns its
	 * task id at once.
	 * @see https://platform.acedata.cloud/documents/5bd3597d-1ff8-44ad-a580-b66b48393e7f
	 */
	async submit(req: GenerateRequest, options: CallOptions = {}): Promise<SubmitResult> {
		const body: Record<string, unknown> = {
			action: req.extend ? "extend" : "generate",
			async: true,
			prompt: req.prompt,
		};
		// Extending takes the result's video_id (or a video URL), never the task id.
		if (req.extend && "videoId" in req.extend) body.video_id = req.extend.videoId;
		if (req.extend && "videoUrl" in req.extend) body.video_url = req.extend.videoUrl;
		if (req.aspectRatio !== undefined) body.aspect_ratio = req.aspectRatio;
		if (req.loop !== undefined) body.loop = req.loop;
		if (req.enhance !== undefined) body.enhancement = req.enhance;
		if (req.startImageUrl !== undefined) body.start_image_url = req.startImageUrl;
		if (req.endImageUrl !== undefined) body.end_image_url = req.endImageUrl;

		const ctx = this.#context("POST /luma/videos");
		const answer = await this.#post(ctx, "/luma/videos", body, options.signal);
		if (isErrorAnswer(answer)) throw errorFromHttp(ctx, answer.status, answer.text);
		const ack = this.#validate(ctx, answer, submitResponseSchema, false);
		return { taskId: ack.task_id };
	}

	/**
	 * Reads up to `batchSize` tasks: `retrieve` for one id, `retrieve_batch` for several.
	 * Unknown ids are left out of the answer.
	 * @see https://platform.acedata.cloud/documents/7d32369c-4ead-4364-a4c5-652bc768b3ff
	 */
	async query(taskIds: readonly string[], options: CallOptions = {}): Promise<TaskStatus[]> {
		if (taskIds.length > this.batchSize) {
			throw new RangeError(`query accepts at most ${this.batchSize} ids, got ${taskIds.length}`);
		}
		if (taskIds.length === 0) return [];
		const ctx = this.#context("POST /luma/tasks");
		const single = taskIds.length === 1;
		const body = single
			? { id: taskIds[0], action: "retrieve" }
			: { ids: [...taskIds], action: "retrieve_batch" };
		const answer = await this.#post(ctx, "/luma/tasks", body, options.signal);
		if (isErrorAnswer(answer)) {
			// An unknown id on `retrieve` is a 404 `not_found`; a wrong path is `no_api` and still throws.
			if (single && answer.status === 404 && rawErrorCode(answer.json) === "not_found") return [];
			throw errorFromHttp(ctx, answer.status, answer.text);
		}
		const records: TaskRecord[] = single
			? [this.#validate(ctx, answer, retrieveResponseSchema, true)].filter((r) => r !== null)
			: (this.#validate(ctx, answer, retrieveBatchResponseSchema, true).items ?? []);
		const statuses: TaskStatus[] = [];
		for (const record of records) {
			if (record.id) statuses.push(toTaskStatus(record.id, record));
		}
		return statuses;
	}

	#context(operation: string): ErrorContext {
		const key = this.#apiKey;
		return {
			operation,
			redact: (text) => (key.length > 0 ? text.split(key).join("[redacted]") : text),
		};
	}

	#validate<S extends z.ZodType>(
		ctx: ErrorContext,
		answer: RawAnswer,
		schema: S,
		retryable: boolean,
	): z.output<S> {
		if (answer.json === undefined) {
			throw invalidResponseError(ctx, answer.status, `body is not JSON: ${answer.text}`, retryable);
		}
		const parsed = schema.safeParse(answer.json);
		if (!parsed.success) {
			const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
			throw invalidResponseError(ctx, answer.status, issues.join("; "), retryable);
		}
		return parsed.data;
	}

	async #post(ctx: ErrorContext, path: string, body: unknown, signal?: AbortSignal): Promise<RawAnswer> {
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
		try {
			const res = await request(`${this.#baseUrl}${path}`, {
				method: "POST",
				headers: {
					authorization: `Bearer ${this.#apiKey}`,
					accept: "application/json",
					"content-type": "application/json",
				},
				body: JSON.stringify(body),
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
			return { status: res.statusCode, json, text };
		} catch (error) {
			if (signal?.aborted) throw signal.reason;
			// Keep the cause only if it cannot leak the key (transport errors never carry headers).
			const keepCause = !inspect(error, { depth: 4 }).includes(this.#apiKey);
			throw errorFromException(ctx, error, timedOut, keepCause);
		} finally {
			clearTimeout(timer);
			signal?.removeEventListener("abort", onAbort);
		}
	}
}

/** A non-2xx status, or a 2xx whose body is only an error object (`success:false` + `error.code`). */
function isErrorAnswer(answer: RawAnswer): boolean {
	if (answer.status < 200 || answer.status >= 300) return true;
	const json = answer.json;
	if (typeof json !== "object" || json === null || rawErrorCode(json) === undefined) return false;
	return !("id" in json || "task_id" in json || "items" in json);
}

/** Maps one task record following providers.md §1.4 / §9.2. */
export function toTaskStatus(taskId: string, record: TaskRecord): TaskStatus {
	const response: TaskResponse | null | undefined = record.response;
	if (!response) return { taskId, state: "queued" };
	const rawState = response.state ?? undefined;
	const base: TaskStatus =
		rawState === undefined ? { taskId, state: "running" } : { taskId, state: "running", rawState };

	const error = response.error;
	const errorCode =
		typeof error === "object" && error !== null && error.code != null ? String(error.code) : undefined;
	const errorMessage = typeof error === "string" ? error : (error?.message ?? undefined);
	const finished = record.finished_at != null;
	if (
		(rawState !== undefined && FAILED_STATES.has(rawState)) ||
		(response.success === false && (errorCode !== undefined || finished))
	) {
		const code = errorCode ?? "failed";
		return {
			...base,
			state: "failed",
			failure: { code, userMessage: taskFailureMessage(code, errorMessage) },
		};
	}

	const completedWord = rawState === "completed" || rawState === "succeeded";
	if (completedWord || (response.success === true && response.video_url)) {
		if (!response.video_url) {
			return {
				...base,
				state: "failed",
				failure: { code: "no_output", userMessage: taskFailureMessage("no_output") },
			};
		}
		const done: TaskStatus = { ...base, state: "succeeded", videoUrl: response.video_url };
		if (response.video_id) done.videoId = response.video_id;
		if (response.thumbnail_url) done.thumbnailUrl = response.thumbnail_url;
		if (response.video_width != null) done.width = response.video_width;
		if (response.video_height != null) done.height = response.video_height;
		return done;
	}
	// pending/processing, an unknown word, or a transient `success:false` without code or finish time.
	return base;
}
