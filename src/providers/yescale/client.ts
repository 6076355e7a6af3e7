import { ProviderError } from "../../errors.js";
import { isOk, ProviderHttp } from "../http.js";
import { mapLimited } from "../../util/mapLimited.js";
import { PROVIDER_LABELS } from "../names.js";
import type {
	AdapterOptions,
	AspectRatio,
	CallOptions,
	GenerateRequest,
	ProviderAdapter,
	ProviderCapabilities,
	RequestProblem,
	SubmitResult,
	TaskStatus,
} from "../types.js";
import { errorFromAnswer, failureFromReason, isErrorBody } from "./errors.js";
import { type Generation, generationSchema, type Media, submitAnswerSchema } from "./schemas.js";

export const YESCALE_DEFAULT_BASE_URL = "https://api.yescale.io";

/** Status queries in flight at once when several tasks are read (one GET per task). */
const QUERY_CONCURRENCY = 4;

const YESCALE_ASPECT_RATIOS: readonly AspectRatio[] = ["16:9", "9:16", "1:1", "4:3", "3:4"];

/**
 * What YEScale's Luma endpoints take (providers.md §3.2). The extend endpoint is not in
 * YEScale's own documents; it follows the same-format resellers (§3.1, [I]), which continue a
 * generation by its id with an optional end frame, never an outside video or backwards.
 */
export const YESCALE_CAPABILITIES: ProviderCapabilities = Object.freeze({
	aspectRatios: YESCALE_ASPECT_RATIOS,
	loop: true,
	enhance: true,
	startFrame: true,
	endFrame: true,
	extend: Object.freeze({ byId: true, byUrl: false, endFrame: true, backward: false }),
	batchSize: 1,
	callbacks: false,
	models: [],
	durations: [],
	resolutions: [],
	expiringOutput: false,
	firstPollAfterMs: 30_000,
});

const QUEUED_STATES: ReadonlySet<string> = new Set([
	"pending",
	"queued",
	"submitted",
	"not_start",
	"waiting",
]);
const DONE_STATES: ReadonlySet<string> = new Set(["completed", "complete", "succeeded", "success"]);
const FAILED_STATES: ReadonlySet<string> = new Set(["failed", "failure", "error", "cancelled", "canceled"]);

const CREATE_OPERATION = "POST /luma/generations";
const EXTEND_OPERATION = "POST /luma/generations/{id}/extend";
const GET_OPERATION = "GET /luma/generations/{id}";

/**
 * Luma through YEScale, a new-api-style gateway relaying the Luma web format. Every task is
 * asynchronous: create (or extend) returns a generation id, which is then read one GET at a
 * time. It never retries on its own: a retried submit could start a second paid task.
 */
export class YescaleProvider implements ProviderAdapter {
	readonly name = "yescale";
	readonly capabilities = YESCALE_CAPABILITIES;

	readonly #http: ProviderHttp;

	constructor(options: AdapterOptions) {
		this.#http = new ProviderHttp({
			label: PROVIDER_LABELS.yescale,
			apiKey: options.apiKey,
			baseUrl: options.baseUrl ?? YESCALE_DEFAULT_BASE_URL,
			dispatcher: options.dispatcher,
			timeoutMs: options.requestTimeoutMs,
		});
	}

	/**
	 * Starts a generation, or an extension of one made here, and returns its generation id.
	 * Frames go as their Discord URLs (YEScale reads a URL at once). A request YEScale cannot
	 * take (see `checkRequest`) is refused as `bad_request` before anything is sent.
	 * @see https://im06lq19wz.apifox.cn/api-299944104
	 */
	async submit(request: GenerateRequest, options: CallOptions = {}): Promise<SubmitResult> {
		const problem = this.checkRequest(request);
		if (problem) {
			throw new ProviderError({
				code: "bad_request",
				message: `${this.#http.label} submit refused before sending: ${problem.code}`,
				retryable: false,
			});
		}
		const parent = request.extend && "videoId" in request.extend ? request.extend.videoId : undefined;
		const operation = parent === undefined ? CREATE_OPERATION : EXTEND_OPERATION;
		const path =
			parent === undefined ? "/luma/generations" : `/luma/generations/${encodeURIComponent(parent)}/extend`;
		const body = parent === undefined ? createBody(request) : extendBody(request);
		const answer = await this.#http.send({ method: "POST", path, body, signal: options.signal });
		if (!isOk(answer)) throw errorFromAnswer(this.#http, operation, answer);
		if (answer.json === undefined) {
			throw this.#http.invalid(operation, answer, `body is not JSON: ${answer.text}`, false);
		}
		const parsed = submitAnswerSchema.safeParse(answer.json);
		// Both documented formats: the flat generation (`id`) and the wrapper (`data.task_id`).
		const taskId = parsed.success ? parsed.data.id || parsed.data.data?.task_id : undefined;
		if (taskId) return { taskId };
		if (isErrorBody(answer.json)) throw errorFromAnswer(this.#http, operation, answer);
		const detail = parsed.success ? "neither id nor data.task_id" : issuesOf(parsed.error);
		throw this.#http.invalid(operation, answer, detail, false);
	}

	/**
	 * Reads tasks one GET each (YEScale has no batch read), at most four at a time. Ids YEScale
	 * does not know (a 404, or a `task_not_exist` code) are left out; any other failure throws
	 * the first error once the calls in flight have settled.
	 * @see https://im06lq19wz.apifox.cn/api-299944105
	 */
	async query(taskIds: readonly string[], options: CallOptions = {}): Promise<TaskStatus[]> {
		const ids = [...new Set(taskIds)];
		const results = await mapLimited(ids, QUERY_CONCURRENCY, (id) => this.#queryOne(id, options.signal));
		return results.filter((status): status is TaskStatus => status !== undefined);
	}

	/**
	 * What YEScale cannot take, in the job engine's vocabulary (`unsupported_option`,
	 * `extend_by_url_unsupported`, …), capability rules included so `submit` can guard itself.
	 * The cross-field rule: an extension takes only a prompt, the enhance flag and an end frame
	 * (the parent fixes the shape and the start), so a start frame, a shape or loop is refused.
	 * @see https://gpt-best.apifox.cn/project-3868318/api-191475015 (same-format extend; YEScale documents none)
	 */
	checkRequest(request: GenerateRequest): RequestProblem | undefined {
		const provider = this.name;
		const unsupported = (option: string, value?: string): RequestProblem => ({
			code: "unsupported_option",
			params: { provider, option, ...(value !== undefined && { value }) },
		});
		if (request.aspectRatio !== undefined && !YESCALE_ASPECT_RATIOS.includes(request.aspectRatio))
			return unsupported("aspect_ratio", request.aspectRatio);
		if (request.model !== undefined) return unsupported("model", request.model);
		if (request.duration !== undefined) return unsupported("duration", request.duration);
		if (request.resolution !== undefined) return unsupported("resolution", request.resolution);
		const extend = request.extend;
		if (extend === undefined) return undefined;
		if (!("videoId" in extend)) return { code: "extend_by_url_unsupported", params: { provider } };
		if (extend.direction === "backward") return { code: "extend_backward_unsupported", params: { provider } };
		if (extend.videoId.trim() === "") return { code: "extend_target_missing", params: { provider } };
		const option =
			request.startFrame !== undefined
				? "start_frame"
				: request.aspectRatio !== undefined
					? "aspect_ratio"
					: request.loop !== undefined
						? "loop"
						: undefined;
		return option === undefined ? undefined : { code: "extend_option", params: { provider, option } };
	}

	async #queryOne(taskId: string, signal: AbortSignal | undefined): Promise<TaskStatus | undefined> {
		const path = `/luma/generations/${encodeURIComponent(taskId)}`;
		const answer = await this.#http.send({ method: "GET", path, signal });
		if (!isOk(answer)) {
			const error = errorFromAnswer(this.#http, GET_OPERATION, answer);
			if (answer.status === 404 || error.code === "not_found") return undefined;
			throw error;
		}
		if (answer.json === undefined) {
			throw this.#http.invalid(GET_OPERATION, answer, `body is not JSON: ${answer.text}`, true);
		}
		const parsed = generationSchema.safeParse(unwrap(answer.json));
		if (!parsed.success) throw this.#http.invalid(GET_OPERATION, answer, issuesOf(parsed.error), true);
		const generation = parsed.data;
		if (generation.state == null && generation.task_status == null && isErrorBody(answer.json)) {
			// A 2xx wrapper with a failure code (e.g. `{"code":404,"data":null}`).
			const error = errorFromAnswer(this.#http, GET_OPERATION, answer);
			if (error.code === "not_found") return undefined;
			throw error;
		}
		return toTaskStatus(taskId, generation, (text) => this.#http.clip(text));
	}
}

function createBody(request: GenerateRequest): Record<string, unknown> {
	const body: Record<string, unknown> = { user_prompt: request.prompt };
	if (request.enhance !== undefined) body.expand_prompt = request.enhance;
	if (request.loop !== undefined) body.loop = request.loop;
	if (request.startFrame !== undefined) body.image_url = request.startFrame.url;
	if (request.endFrame !== undefined) body.image_end_url = request.endFrame.url;
	if (request.aspectRatio !== undefined) body.aspect_ratio = request.aspectRatio;
	return body;
}

function extendBody(request: GenerateRequest): Record<string, unknown> {
	const body: Record<string, unknown> = { user_prompt: request.prompt };
	if (request.enhance !== undefined) body.expand_prompt = request.enhance;
	if (request.endFrame !== undefined) body.image_end_url = request.endFrame.url;
	return body;
}

/** The generation inside a `{code, data:{…}}` wrapper, or the body itself when it is flat. */
function unwrap(json: unknown): unknown {
	if (!isRecord(json) || !isRecord(json.data)) return json;
	return json.state === undefined && json.id === undefined ? json.data : json;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
	return error.issues.map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`).join("; ");
}

type MediaField = string | Media | null | undefined;

function urlOf(media: MediaField): string | undefined {
	const url = typeof media === "string" ? media : media?.url;
	return url ? url : undefined;
}

function dimensionOf(value: string | number | null | undefined): number | undefined {
	const n = typeof value === "string" ? Number(value) : value;
	return typeof n === "number" && Number.isFinite(n) && n > 0 ? n : undefined;
}

/**
 * Maps one generation following providers.md §9.2. The video URL is the first of `assets.video`,
 * `video.url` (or `video` as a bare URL), `artifact.video.url` and `video_raw.url` ([I]).
 */
export function toTaskStatus(
	taskId: string,
	generation: Generation,
	clip: (text: string) => string = (text) => text,
): TaskStatus {
	const rawState = (generation.state ?? generation.task_status)?.trim() || undefined;
	const word = rawState?.toLowerCase();
	const base: TaskStatus = { taskId, state: "running", ...(rawState !== undefined && { rawState }) };
	const videoUrl =
		generation.assets?.video ||
		urlOf(generation.video) ||
		urlOf(generation.artifact?.video) ||
		urlOf(generation.video_raw) ||
		urlOf(generation.artifact?.video_raw);

	if (word !== undefined && FAILED_STATES.has(word)) {
		const reason = generation.failure_reason ?? generation.fail_reason;
		return { ...base, state: "failed", failure: failureFromReason(reason, clip) };
	}
	if ((word !== undefined && DONE_STATES.has(word)) || (word === undefined && videoUrl)) {
		if (!videoUrl) return { ...base, state: "failed", failure: { code: "no_output" } };
		const done: TaskStatus = { ...base, state: "succeeded", videoId: taskId, videoUrl };
		const thumbnailUrl =
			urlOf(generation.thumbnail) || urlOf(generation.artifact?.thumbnail) || generation.assets?.image;
		if (thumbnailUrl) done.thumbnailUrl = thumbnailUrl;
		const media = [generation.video, generation.video_raw].find((m) => typeof m === "object" && m !== null);
		const width = typeof media === "object" ? dimensionOf(media?.width) : undefined;
		const height = typeof media === "object" ? dimensionOf(media?.height) : undefined;
		if (width !== undefined) done.width = width;
		if (height !== undefined) done.height = height;
		return done;
	}
	if (word === undefined || QUEUED_STATES.has(word)) return { ...base, state: "queued" };
	// `processing`, or a word this adapter does not know: still going.
	return base;
}
