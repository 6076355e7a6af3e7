import type { ProviderError } from "../../errors.js";
import { type HttpCall, ProviderHttp, type RawAnswer } from "../http.js";
import type {
	AdapterOptions,
	CallOptions,
	GenerateRequest,
	ProviderAdapter,
	ProviderCapabilities,
	SubmitResult,
	TaskStatus,
} from "../types.js";
import { errorDetail, normaliseCode, rawErrorCode, taskFailureCode } from "./errors.js";
import {
	callbackBodySchema,
	retrieveBatchResponseSchema,
	retrieveResponseSchema,
	submitResponseSchema,
	type TaskRecord,
	type TaskResponse,
} from "./schemas.js";

const DEFAULT_BASE_URL = "https://api.acedata.cloud";
const FAILED_STATES: ReadonlySet<string> = new Set(["failed", "error", "cancelled", "canceled"]);

/** What AceDataCloud's Luma API takes (providers.md §1.2). */
export const ACEDATACLOUD_CAPABILITIES: ProviderCapabilities = {
	aspectRatios: ["16:9", "9:16", "1:1", "4:3", "3:4", "21:9", "9:21"],
	loop: true,
	enhance: true,
	startFrame: true,
	endFrame: true,
	extend: { byId: true, byUrl: true, endFrame: true, backward: false },
	batchSize: 50,
	callbacks: true,
	models: [],
	durations: [],
	resolutions: [],
	expiringOutput: false,
	firstPollAfterMs: 10_000,
};

/**
 * Luma through AceDataCloud. Always submits in async mode and polls `/luma/tasks`; with a
 * callback URL the result is also pushed there (polling stays the safety net). It never
 * retries on its own: a retried submit could start a second paid task.
 */
export class AceDataCloudProvider implements ProviderAdapter {
	readonly name = "acedatacloud";
	readonly capabilities = ACEDATACLOUD_CAPABILITIES;
	readonly #http: ProviderHttp;

	constructor(options: AdapterOptions) {
		this.#http = new ProviderHttp({
			label: "AceDataCloud",
			apiKey: options.apiKey,
			baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
			dispatcher: options.dispatcher,
			timeoutMs: options.requestTimeoutMs,
		});
	}

	/**
	 * Starts a generation (or an extension of an earlier video) with `async: true` and returns its
	 * task id at once. With `callbackUrl`, `callback_url` is sent too: `async` stays the documented
	 * async flag, the callback only adds the push (providers.md §1.2, §1.6).
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
		if (req.startFrame !== undefined) body.start_image_url = req.startFrame.url;
		if (req.endFrame !== undefined) body.end_image_url = req.endFrame.url;
		if (req.callbackUrl !== undefined) body.callback_url = req.callbackUrl;

		const answer = await this.#call({ method: "POST", path: "/luma/videos", body, signal: options.signal });
		const ack = this.#http.parse("POST /luma/videos", answer, submitResponseSchema, false);
		return { taskId: ack.task_id };
	}

	/**
	 * Reads up to `batchSize` tasks: `retrieve` for one id, `retrieve_batch` for several.
	 * Unknown ids are left out of the answer.
	 * @see https://platform.acedata.cloud/documents/7d32369c-4ead-4364-a4c5-652bc768b3ff
	 */
	async query(taskIds: readonly string[], options: CallOptions = {}): Promise<TaskStatus[]> {
		const { batchSize } = this.capabilities;
		if (taskIds.length > batchSize) {
			throw new RangeError(`query accepts at most ${batchSize} ids, got ${taskIds.length}`);
		}
		if (taskIds.length === 0) return [];
		const single = taskIds.length === 1;
		const body = single
			? { id: taskIds[0], action: "retrieve" }
			: { ids: [...taskIds], action: "retrieve_batch" };
		const operation = "POST /luma/tasks";
		let answer: RawAnswer;
		try {
			answer = await this.#call({ method: "POST", path: "/luma/tasks", body, signal: options.signal });
		} catch (error) {
			// An unknown id on `retrieve` is a 404 `not_found`; a wrong path is `no_api` and still throws.
			if (
				single &&
				(error as ProviderError).status === 404 &&
				(error as ProviderError).rawCode === "not_found"
			)
				return [];
			throw error;
		}
		const records: TaskRecord[] = single
			? [this.#http.parse(operation, answer, retrieveResponseSchema, true)].filter((r) => r !== null)
			: (this.#http.parse(operation, answer, retrieveBatchResponseSchema, true).items ?? []);
		const statuses: TaskStatus[] = [];
		for (const record of records) {
			if (record.id) statuses.push(toTaskStatus(record.id, record));
		}
		return statuses;
	}

	/**
	 * Reads a body AceDataCloud POSTed to the callback URL when a task ended: the same object as a
	 * task record's `response`, so it is mapped by the same rules. The push only comes once the
	 * task is over, so it counts as finished (a `success:false` is final). Undefined for a body
	 * without a `task_id` or of another shape. No signature exists: callers check the task id
	 * against tasks they made.
	 * @see https://docs.acedata.cloud/en/concepts/responses (providers.md §1.6)
	 */
	parseCallback(body: unknown): TaskStatus | undefined {
		const parsed = callbackBodySchema.safeParse(body);
		if (!parsed.success) return undefined;
		const taskId = parsed.data.task_id;
		return toTaskStatus(taskId, { id: taskId, response: parsed.data, finished_at: Date.now() / 1000 });
	}

	async #call(call: HttpCall): Promise<RawAnswer> {
		const answer = await this.#http.send(call);
		if (!isErrorAnswer(answer)) return answer;
		const rawCode = rawErrorCode(answer.json);
		const detail = errorDetail(answer.json, answer.text);
		throw this.#http.error({
			operation: `${call.method} ${call.path}`,
			code: normaliseCode(rawCode, answer.status),
			status: answer.status,
			rawCode,
			providerText: `${detail.message}${detail.traceId ? ` trace=${detail.traceId}` : ""}`,
			headers: answer.headers,
		});
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
		return {
			...base,
			state: "failed",
			failure: {
				code: taskFailureCode(errorCode, errorMessage),
				...(errorCode !== undefined && { detail: errorCode }),
			},
		};
	}

	const completedWord = rawState === "completed" || rawState === "succeeded";
	if (completedWord || (response.success === true && response.video_url)) {
		if (!response.video_url) {
			return {
				...base,
				state: "failed",
				failure: { code: "no_output" },
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
