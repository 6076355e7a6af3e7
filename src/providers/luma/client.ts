import { ProviderError } from "../../errors.js";
import { type HttpCall, isOk, ProviderHttp, type RawAnswer } from "../http.js";
import { mapLimited } from "../../util/mapLimited.js";
import type {
	AdapterOptions,
	CallOptions,
	GenerateRequest,
	ProviderAdapter,
	ProviderCapabilities,
	RequestProblem,
	SubmitResult,
	TaskStatus,
} from "../types.js";
import { codeForLumaError, errorTextOf, failureCodeOf } from "./errors.js";
import { type Generation, generationListSchema, generationSchema } from "./schemas.js";

const DEFAULT_BASE_URL = "https://api.lumalabs.ai/dream-machine/v1";
/** The model Luma requires on every create; the first of `LUMA_MODELS`. */
export const LUMA_DEFAULT_MODEL = "ray-2";
export const LUMA_MODELS = [LUMA_DEFAULT_MODEL, "ray-flash-2"] as const;
/** How many of the newest generations one list call reads (the batch poll). */
const LIST_LIMIT = 100;
/** At most this many `GET /generations/{id}` calls at once for ids the list did not hold. */
const GET_CONCURRENCY = 4;
const FAILED_STATES: ReadonlySet<string> = new Set(["failed", "error", "cancelled", "canceled"]);
const COMPLETED_STATES: ReadonlySet<string> = new Set(["completed", "succeeded"]);

/** What the official Dream Machine API takes (providers.md §4.2), with the default model first. */
export const LUMA_CAPABILITIES: ProviderCapabilities = {
	aspectRatios: ["16:9", "9:16", "1:1", "4:3", "3:4", "21:9", "9:21"],
	loop: true,
	enhance: false,
	startFrame: true,
	endFrame: true,
	// Forward: frame0 = the generation (+ frame1 image); backward: frame1 = the generation.
	extend: { byId: true, byUrl: false, endFrame: true, backward: true },
	batchSize: 50,
	// Luma posts the Generation to `callback_url` on every update (§4.6).
	callbacks: true,
	models: LUMA_MODELS,
	durations: ["5s", "9s"],
	resolutions: ["720p", "540p", "1080p", "4k"],
	expiringOutput: false,
	firstPollAfterMs: 20_000,
};

/** The capabilities with the configured model first, when it is one Luma offers. */
export function lumaCapabilities(model?: string): ProviderCapabilities {
	if (model === undefined || model === LUMA_DEFAULT_MODEL || !isLumaModel(model)) return LUMA_CAPABILITIES;
	return { ...LUMA_CAPABILITIES, models: [model, ...LUMA_MODELS.filter((m) => m !== model)] };
}

function isLumaModel(model: string): boolean {
	return (LUMA_MODELS as readonly string[]).includes(model);
}

/**
 * The official Luma Dream Machine API (`api.lumalabs.ai/dream-machine/v1`). Frames go as their
 * public URLs (Discord attachment URLs are public and read at once by Luma). It never retries on
 * its own: a retried create can pay twice, and Luma's Build tier allows 20 creates a minute.
 */
export class LumaDreamMachineProvider implements ProviderAdapter {
	readonly name = "luma";
	readonly capabilities: ProviderCapabilities;
	readonly #http: ProviderHttp;
	readonly #model: string | undefined;

	constructor(options: AdapterOptions) {
		this.#model = options.model;
		this.capabilities = lumaCapabilities(options.model);
		this.#http = new ProviderHttp({
			label: "Luma",
			apiKey: options.apiKey,
			baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
			dispatcher: options.dispatcher,
			timeoutMs: options.requestTimeoutMs,
		});
	}

	/**
	 * Rules the capability lists cannot say: keyframe slots taken twice (a backward extension
	 * holds frame1, so no end frame; a forward one holds frame0, so no start frame), and a model
	 * Luma does not offer.
	 * @see https://docs.lumalabs.ai/docs/api (providers.md §4.2, keyframe recipes)
	 */
	checkRequest(request: GenerateRequest): RequestProblem | undefined {
		const extend = request.extend;
		if (extend && "videoId" in extend) {
			if (extend.direction === "backward" && request.endFrame)
				return { code: "extend_backward_end_frame", params: { provider: "luma" } };
			if (extend.direction !== "backward" && request.startFrame)
				return { code: "extend_start_frame", params: { provider: "luma" } };
		}
		if (request.model !== undefined && !this.capabilities.models.includes(request.model))
			return { code: "model_unknown", params: { model: request.model } };
		return undefined;
	}

	/**
	 * Creates a video generation with `POST /generations/video` and returns its id at once. The
	 * model is always sent (`request.model`, else the configured one, else `ray-2`); every other
	 * unset field is left out. With `callbackUrl`, `callback_url` is sent: Luma then POSTs the
	 * Generation there on every update. Any 2xx carrying a Generation is success (Luma answers 201 [I]).
	 * @see https://docs.lumalabs.ai/docs/api (providers.md §4.2–4.4, §4.6)
	 */
	async submit(request: GenerateRequest, options: CallOptions = {}): Promise<SubmitResult> {
		const body: Record<string, unknown> = {
			prompt: request.prompt,
			model: request.model ?? this.#model ?? LUMA_DEFAULT_MODEL,
		};
		if (request.aspectRatio !== undefined) body.aspect_ratio = request.aspectRatio;
		if (request.loop !== undefined) body.loop = request.loop;
		if (request.duration !== undefined) body.duration = request.duration;
		if (request.resolution !== undefined) body.resolution = request.resolution;
		const keyframes = this.#keyframes(request);
		if (keyframes) body.keyframes = keyframes;
		if (request.callbackUrl !== undefined) body.callback_url = request.callbackUrl;

		const operation = "POST /generations/video";
		const answer = await this.#call({
			method: "POST",
			path: "/generations/video",
			body,
			signal: options.signal,
		});
		const generation = this.#http.parse(operation, answer, generationSchema, false);
		if (!generation.id) throw this.#http.invalid(operation, answer, "the Generation has no id", false);
		return { taskId: generation.id };
	}

	/**
	 * Reads up to 50 generations: one `GET /generations?limit=100&offset=0` (the newest 100 on the
	 * key), then `GET /generations/{id}` for each asked id the list did not hold (another app on
	 * the same key can push ours out), at most 4 at once. Ids Luma answers 404 for are left out.
	 * @see https://docs.lumalabs.ai/docs/api (providers.md §4.1, §4.3)
	 */
	async query(taskIds: readonly string[], options: CallOptions = {}): Promise<TaskStatus[]> {
		const { batchSize } = this.capabilities;
		if (taskIds.length > batchSize) {
			throw new RangeError(`query accepts at most ${batchSize} ids, got ${taskIds.length}`);
		}
		if (taskIds.length === 0) return [];
		const wanted = new Set(taskIds);
		const found = new Map<string, Generation>();

		const listOperation = "GET /generations";
		const listAnswer = await this.#call({
			method: "GET",
			path: `/generations?limit=${LIST_LIMIT}&offset=0`,
			signal: options.signal,
		});
		const list = this.#http.parse(listOperation, listAnswer, generationListSchema, true);
		for (const item of list.generations) {
			const parsed = generationSchema.safeParse(item);
			const id = parsed.success ? parsed.data.id : idOf(item);
			if (!id || !wanted.has(id)) continue;
			if (!parsed.success) throw this.#http.invalid(listOperation, listAnswer, `generation ${id}`, true);
			found.set(id, parsed.data);
		}

		const missing = [...wanted].filter((id) => !found.has(id));
		// The first failure answers the poll; no new id is asked for after it.
		await mapLimited(missing, GET_CONCURRENCY, async (id) => {
			const generation = await this.#getOne(id, options.signal);
			if (generation) found.set(id, generation);
		});

		const statuses: TaskStatus[] = [];
		for (const id of wanted) {
			const generation = found.get(id);
			if (generation) statuses.push(this.#toStatus(id, generation));
		}
		return statuses;
	}

	/**
	 * Reads a body Luma POSTed to the callback URL: the Generation object, sent on every update
	 * (dreaming, completed, failed), so it maps exactly as `query` maps it. Updates can repeat or
	 * arrive out of order: callers de-duplicate by id and state. Undefined when the body is not a
	 * Generation with an id. No signature is documented: callers check the id against their tasks.
	 * @see https://docs.lumalabs.ai/changelog/callbacks-and-credits-balance (providers.md §4.6)
	 */
	parseCallback(body: unknown): TaskStatus | undefined {
		const parsed = generationSchema.safeParse(body);
		if (!parsed.success || !parsed.data.id) return undefined;
		return this.#toStatus(parsed.data.id, parsed.data);
	}

	/** `GET /generations/{id}`; `undefined` when Luma does not know the id (404). */
	async #getOne(id: string, signal: AbortSignal | undefined): Promise<Generation | undefined> {
		const path = `/generations/${encodeURIComponent(id)}`;
		const answer = await this.#http.send({ method: "GET", path, signal });
		if (answer.status === 404) return undefined;
		if (!isOk(answer)) throw this.#refused("GET /generations/{id}", answer);
		return this.#http.parse("GET /generations/{id}", answer, generationSchema, true);
	}

	/** `keyframes` from the frames and the extension, or `undefined` when there is none. */
	#keyframes(request: GenerateRequest): Record<string, unknown> | undefined {
		const image = (url: string) => ({ type: "image", url });
		const frames: Record<string, unknown> = {};
		const { extend, startFrame, endFrame } = request;
		if (extend && "videoUrl" in extend) {
			throw this.#unsendable("Luma extends only its own generations, by id, not a video URL");
		}
		if (extend?.direction === "backward") {
			if (endFrame) throw this.#unsendable("a backward extension holds frame1, so it takes no end frame");
			if (startFrame) frames.frame0 = image(startFrame.url);
			frames.frame1 = { type: "generation", id: extend.videoId };
		} else if (extend) {
			if (startFrame) throw this.#unsendable("a forward extension holds frame0, so it takes no start frame");
			frames.frame0 = { type: "generation", id: extend.videoId };
			if (endFrame) frames.frame1 = image(endFrame.url);
		} else {
			if (startFrame) frames.frame0 = image(startFrame.url);
			if (endFrame) frames.frame1 = image(endFrame.url);
		}
		return Object.keys(frames).length > 0 ? frames : undefined;
	}

	/** A request no Luma call can express; refused before anything is sent (nothing is paid). */
	#unsendable(why: string): ProviderError {
		return new ProviderError({
			code: "bad_request",
			message: `Luma POST /generations/video not sent: ${why}`,
		});
	}

	/** Maps one Generation following providers.md §9.2: the generation id is also the extend reference. */
	#toStatus(taskId: string, generation: Generation): TaskStatus {
		const rawState = generation.state ?? undefined;
		if (rawState === undefined) return { taskId, state: "queued" };
		if (rawState === "queued") return { taskId, state: "queued", rawState };
		if (FAILED_STATES.has(rawState)) {
			const reason = generation.failure_reason ?? undefined;
			return {
				taskId,
				state: "failed",
				rawState,
				failure: { code: failureCodeOf(reason), ...(reason && { detail: this.#http.clip(reason) }) },
			};
		}
		if (COMPLETED_STATES.has(rawState)) {
			const videoUrl = generation.assets?.video;
			if (!videoUrl) {
				return {
					taskId,
					state: "failed",
					rawState,
					failure: { code: "no_output", detail: "no assets.video" },
				};
			}
			const thumbnailUrl = generation.assets?.image;
			return {
				taskId,
				state: "succeeded",
				rawState,
				videoId: generation.id ?? taskId,
				videoUrl,
				...(thumbnailUrl && { thumbnailUrl }),
			};
		}
		// `dreaming`, or a word Luma may add later.
		return { taskId, state: "running", rawState };
	}

	async #call(call: HttpCall): Promise<RawAnswer> {
		const answer = await this.#http.send(call);
		if (isOk(answer)) return answer;
		throw this.#refused(`${call.method} ${call.path.split("?")[0]}`, answer);
	}

	#refused(operation: string, answer: RawAnswer): ProviderError {
		const { message, rawCode } = errorTextOf(answer.json, answer.text);
		return this.#http.error({
			operation,
			code: codeForLumaError(answer.status, message),
			status: answer.status,
			rawCode,
			providerText: message,
			headers: answer.headers,
		});
	}
}

/** The id of a list item that did not parse, to tell whether it is one of ours. */
function idOf(item: unknown): string | undefined {
	const id = typeof item === "object" && item !== null ? (item as { id?: unknown }).id : undefined;
	return typeof id === "string" ? id : undefined;
}
