import { FormData } from "undici";
import { ProviderError } from "../../errors.js";
import { isOk, ProviderHttp } from "../http.js";
import { mapLimited } from "../../util/mapLimited.js";
import type {
	AdapterOptions,
	CallOptions,
	FrameSource,
	GenerateRequest,
	ProviderAdapter,
	ProviderCapabilities,
	ReadFrame,
	RequestProblem,
	SubmitResult,
	TaskStatus,
} from "../types.js";
import { errorFromAnswer, isUnknownTask, problemOf, taskFailureOf } from "./errors.js";
import { type FetchResponse, fetchResponseSchema, submitResponseSchema } from "./schemas.js";

const DEFAULT_BASE_URL = "https://api.302.ai";
const LABEL = "302.AI";
/** Fetches in flight at once when several tasks are polled (302 reads one task per request). */
const MAX_PARALLEL_FETCHES = 4;

/** 302 says its Luma prompt does "not support Chinese input"; other CJK scripts are refused too. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
const QUEUED_STATES: ReadonlySet<string> = new Set(["pending", "queued", "waiting", "submitted"]);
const SUCCEEDED_STATES: ReadonlySet<string> = new Set(["completed", "succeeded", "success", "done"]);
const FAILED_STATES: ReadonlySet<string> = new Set(["failed", "failure", "error", "cancelled", "canceled"]);

/**
 * What 302.AI's Luma API offers (providers.md §2): a 5 s clip from text, optionally between a
 * first and a last frame, with `loop`; extension by the id of one of its own clips. No aspect
 * ratio, model, duration or resolution choice is documented, and nothing calls back.
 */
export const AI302_CAPABILITIES: ProviderCapabilities = Object.freeze({
	aspectRatios: [],
	loop: true,
	enhance: false,
	startFrame: true,
	endFrame: true,
	// An end frame on extend must equal the first frame or 302 errors, so it is not offered.
	extend: Object.freeze({ byId: true, byUrl: false, endFrame: false, backward: false }),
	batchSize: 1,
	callbacks: false,
	models: [],
	durations: [],
	resolutions: [],
	expiringOutput: false,
	// 302 tells users "about 1 minute"; no clip is done in under 30 s.
	firstPollAfterMs: 30_000,
});

/**
 * Luma through 302.AI: multipart submits to `/luma/submit` and `/luma/extend/{id}`, one
 * `GET /luma/task/{id}/fetch` per task. It never retries on its own: a retried submit could
 * start a second paid task.
 */
export class Ai302Provider implements ProviderAdapter {
	readonly name = "302ai";
	readonly capabilities = AI302_CAPABILITIES;

	readonly #http: ProviderHttp;
	readonly #readFrame: ReadFrame | undefined;

	constructor(options: AdapterOptions) {
		this.#http = new ProviderHttp({
			label: LABEL,
			apiKey: options.apiKey,
			baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
			dispatcher: options.dispatcher,
			timeoutMs: options.requestTimeoutMs,
		});
		this.#readFrame = options.readFrame;
	}

	/**
	 * What 302 cannot take, in the job engine's vocabulary (`prompt_language`, `unsupported_option`,
	 * `extend_…_unsupported`), capability rules included so `submit` can guard itself. The
	 * cross-field rules: CJK prompts are refused (302: "not support Chinese input"), and an
	 * extension takes a prompt only (302 errors on an end frame that differs from the first one,
	 * advises against frames on extend, and documents no `loop` there).
	 * @see https://apifox.com/apidoc/project-4012774/endpoint-187178782 (Submit)
	 * @see https://apifox.com/apidoc/project-4012774/endpoint-187547429 (Extend)
	 */
	checkRequest(request: GenerateRequest): RequestProblem | undefined {
		const provider = this.name;
		const unsupported = (option: string, value?: string): RequestProblem => ({
			code: "unsupported_option",
			params: { provider, option, ...(value !== undefined && { value }) },
		});
		if (CJK.test(request.prompt))
			return { code: "prompt_language", params: { provider, language: "English" } };
		if (request.aspectRatio !== undefined) return unsupported("aspect_ratio", request.aspectRatio);
		// `enhance: false` (and, on extend, `loop: false`) is the default and simply not sent.
		if (request.enhance === true) return unsupported("enhance");
		if (request.model !== undefined) return unsupported("model", request.model);
		if (request.duration !== undefined) return unsupported("duration", request.duration);
		if (request.resolution !== undefined) return unsupported("resolution", request.resolution);
		const extend = request.extend;
		if (extend === undefined) return undefined;
		if (!("videoId" in extend)) return { code: "extend_by_url_unsupported", params: { provider } };
		if (extend.direction === "backward") return { code: "extend_backward_unsupported", params: { provider } };
		if (request.endFrame) return { code: "extend_end_frame_unsupported", params: { provider } };
		if (request.startFrame) return unsupported("start_frame");
		if (request.loop === true) return unsupported("loop");
		return undefined;
	}

	/**
	 * Starts a clip (`POST /luma/submit`) or extends one of 302's clips by its id
	 * (`POST /luma/extend/{id}`), both as multipart/form-data, and returns the task id at once.
	 * Frames go as file parts read through `readFrame` (Discord's links expire), or as URLs
	 * without it.
	 * @see https://apifox.com/apidoc/project-4012774/endpoint-187178782 (Submit)
	 * @see https://apifox.com/apidoc/project-4012774/endpoint-187547429 (Extend)
	 */
	async submit(request: GenerateRequest, options: CallOptions = {}): Promise<SubmitResult> {
		const extendId = this.#extendIdOf(request);
		const operation = extendId === undefined ? "submit" : "extend";
		const form = new FormData();
		form.append("user_prompt", request.prompt);
		if (request.loop !== undefined && extendId === undefined) form.append("loop", String(request.loop));
		if (request.startFrame) await this.#appendFrame(form, "image_url", request.startFrame, operation);
		if (request.endFrame) await this.#appendFrame(form, "image_end_url", request.endFrame, operation);
		options.signal?.throwIfAborted();

		const path = extendId === undefined ? "/luma/submit" : `/luma/extend/${encodeURIComponent(extendId)}`;
		const answer = await this.#http.send({ method: "POST", path, body: form, signal: options.signal });
		if (!isOk(answer)) throw errorFromAnswer(this.#http, operation, answer);
		if (answer.json === undefined) throw this.#http.invalid(operation, answer, "body is not JSON", false);
		const parsed = submitResponseSchema.safeParse(answer.json);
		if (!parsed.success) {
			// A 2xx that is only an `error` object is a refusal, not a malformed answer.
			if (hasError(answer.json)) throw errorFromAnswer(this.#http, operation, answer);
			throw this.#http.invalid(operation, answer, issuesOf(parsed.error), false);
		}
		return { taskId: parsed.data.id };
	}

	/**
	 * Reads tasks with one `GET /luma/task/{id}/fetch` each, at most four at a time. Unknown ids
	 * (404, `-10010`) are left out; any other refusal throws so the poller backs off.
	 * @see https://apifox.com/apidoc/project-4012774 (302.AI Luma AI: Fetch; its response schema is
	 *   unpublished, see providers.md §2.4)
	 */
	async query(taskIds: readonly string[], options: CallOptions = {}): Promise<TaskStatus[]> {
		const results = await mapLimited(taskIds, MAX_PARALLEL_FETCHES, (id) =>
			this.#fetchOne(id, options.signal),
		);
		return results.filter((status): status is TaskStatus => status !== undefined);
	}

	async #fetchOne(taskId: string, signal: AbortSignal | undefined): Promise<TaskStatus | undefined> {
		const operation = "fetch";
		const path = `/luma/task/${encodeURIComponent(taskId)}/fetch`;
		const answer = await this.#http.send({ method: "GET", path, signal });
		if (!isOk(answer)) {
			if (isUnknownTask(answer)) return undefined;
			throw errorFromAnswer(this.#http, operation, answer);
		}
		if (answer.json === undefined) throw this.#http.invalid(operation, answer, "body is not JSON", true);
		if (answer.json === null) return undefined;
		const parsed = fetchResponseSchema.safeParse(answer.json);
		if (!parsed.success) throw this.#http.invalid(operation, answer, issuesOf(parsed.error), true);
		if (isUnknownTask(answer) || isEmpty(parsed.data)) return undefined;
		return this.#toStatus(taskId, parsed.data);
	}

	/** Maps one fetch answer following providers.md §9.2 / §9.3. */
	#toStatus(taskId: string, record: FetchResponse): TaskStatus {
		const rawState = record.state ?? undefined;
		const word = rawState?.toLowerCase();
		const base: TaskStatus = { taskId, state: "running", ...(rawState !== undefined && { rawState }) };
		const { url: videoUrl, width, height } = mediaOf(record.video);

		if ((word !== undefined && FAILED_STATES.has(word)) || (hasProblem(record.error) && !videoUrl)) {
			return { ...base, state: "failed", failure: taskFailureOf(this.#http, record.error) };
		}
		if ((word !== undefined && SUCCEEDED_STATES.has(word)) || (word === undefined && videoUrl)) {
			if (!videoUrl) {
				return {
					...base,
					state: "failed",
					failure: { code: "no_output", detail: "completed without video" },
				};
			}
			const thumbnailUrl = mediaOf(record.thumbnail).url;
			return {
				...base,
				state: "succeeded",
				// 302 extends by the task's own id (`/luma/extend/{id}`).
				videoId: taskId,
				videoUrl,
				...(thumbnailUrl && { thumbnailUrl }),
				...(width != null && { width }),
				...(height != null && { height }),
			};
		}
		if (word === undefined || QUEUED_STATES.has(word)) return { ...base, state: "queued" };
		// processing, dreaming, or another running word.
		return base;
	}

	/** The parent id of an extension, after refusing what 302 cannot take (never sent, never paid). */
	#extendIdOf(request: GenerateRequest): string | undefined {
		const problem = this.checkRequest(request);
		if (problem) {
			const option = problem.params?.option === undefined ? "" : ` ${String(problem.params.option)}`;
			throw new ProviderError({
				code: "bad_request",
				message: `${LABEL} submit refused before sending: ${problem.code}${option}`,
				rawCode: problem.code,
				retryable: false,
			});
		}
		return request.extend && "videoId" in request.extend ? request.extend.videoId : undefined;
	}

	async #appendFrame(form: FormData, field: string, frame: FrameSource, operation: string): Promise<void> {
		if (!this.#readFrame) {
			form.append(field, frame.url);
			return;
		}
		let read: Awaited<ReturnType<ReadFrame>>;
		try {
			read = await this.#readFrame(frame.url);
		} catch (error) {
			if (error instanceof ProviderError) throw error;
			const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
			throw new ProviderError({
				code: "bad_request",
				message: `${LABEL} ${operation} failed: could not read frame ${this.#http.clip(frame.filename)}: ${this.#http.clip(text)}`,
				retryable: false,
			});
		}
		const type = read.contentType || frame.contentType || "application/octet-stream";
		form.append(field, new Blob([read.data], { type }), frame.filename);
	}
}

function mediaOf(media: FetchResponse["video"]): {
	url?: string;
	width?: number | null;
	height?: number | null;
} {
	if (typeof media === "string") return media.length > 0 ? { url: media } : {};
	if (!media) return {};
	const url = media.url || media.download_url || undefined;
	return { ...(url && { url }), width: media.width, height: media.height };
}

function hasError(json: unknown): boolean {
	return typeof json === "object" && json !== null && (json as { error?: unknown }).error != null;
}

/** An `error` that says something (an empty `{}` or `""` beside a running state does not). */
function hasProblem(error: FetchResponse["error"]): boolean {
	const problem = problemOf(error);
	return problem.rawCode !== undefined || problem.text.length > 0;
}

/** `{}` (or a record without any known key) reads as "no such task". */
function isEmpty(record: FetchResponse): boolean {
	return record.id == null && record.state == null && record.video == null && record.error == null;
}

function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
	return error.issues.map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`).join("; ");
}
