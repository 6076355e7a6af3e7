import type { ProviderError } from "../../errors.js";
import { isOk, ProviderHttp, type RawAnswer } from "../http.js";
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
import { codeForHttp, readErrorBody, taskFailureCode } from "./errors.js";
import { createdGenerationSchema, type Generation, generationSchema } from "./schemas.js";

const DEFAULT_BASE_URL = "https://agents.lumalabs.ai";
const DEFAULT_MODEL = "ray-3.2";
const CREATE_PATH = "/v1/generations";
const GET_OPERATION = "GET /v1/generations/{id}";
/** Status reads in flight at once when several tasks are polled (one GET per generation). */
const MAX_IN_FLIGHT = 4;

/** What the Luma Agents API takes for `ray-3.2` videos (providers.md §4b). */
export const LUMA_AGENTS_CAPABILITIES: ProviderCapabilities = {
	// The documented list is 3:1, 2:1, 21:9, 16:9, 4:3, 3:2, 1:1, 3:4, 2:3, 9:16, 1:2, 1:3, but the
	// server validates a model-specific subset that is not published for ray-3.2 [?]. Offer only the
	// common ratios every Luma video model has taken, so a choice in /luma is not refused later.
	aspectRatios: ["16:9", "9:16", "1:1", "4:3", "3:4", "21:9", "3:2", "2:3"],
	loop: true,
	enhance: false,
	startFrame: true,
	endFrame: true,
	extend: { byId: true, byUrl: false, endFrame: true, backward: true },
	batchSize: 1,
	callbacks: false,
	models: [DEFAULT_MODEL],
	durations: ["5s", "10s"],
	resolutions: ["720p", "540p", "1080p"],
	expiringOutput: true,
	firstPollAfterMs: 20_000,
};

/** `{data, media_type}`: an image sent inline, so Discord's expiring CDN links never leave the bot. */
interface InlineImage {
	data: string;
	media_type: string;
}

/**
 * Luma's Agents API (`agents.lumalabs.ai`, model `ray-3.2`). Frames are read through
 * `readFrame` and sent inline; an extension chains the parent by `generation_id`; output links
 * expire after an hour, so `freshVideoUrl` reads a new one. It never retries on its own: a
 * retried create could start a second paid generation.
 */
export class LumaAgentsProvider implements ProviderAdapter {
	readonly name = "luma-agents";
	readonly capabilities = LUMA_AGENTS_CAPABILITIES;
	readonly #http: ProviderHttp;
	readonly #readFrame: ReadFrame;
	readonly #model: string;

	constructor(options: AdapterOptions) {
		if (!options.readFrame) {
			throw new Error("LumaAgentsProvider needs options.readFrame: frames are sent inline as base64");
		}
		this.#readFrame = options.readFrame;
		this.#model = options.model ?? DEFAULT_MODEL;
		this.#http = new ProviderHttp({
			label: "Luma Agents",
			apiKey: options.apiKey,
			baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
			dispatcher: options.dispatcher,
			timeoutMs: options.requestTimeoutMs,
		});
	}

	/**
	 * The documented rules across fields: a 10 s clip is text-to-video only and cannot loop, and a
	 * backward extension already uses the end frame (so does a forward one the start frame).
	 * @see https://github.com/lumalabs/luma-agents-typescript/blob/main/src/resources/generations.ts
	 */
	checkRequest(req: GenerateRequest): RequestProblem | undefined {
		if (req.duration === "10s" && (req.startFrame || req.endFrame || req.extend)) {
			return { code: "duration_text_only", params: { duration: "10s" } };
		}
		if (req.duration === "10s" && req.loop === true) {
			return { code: "loop_duration", params: { duration: "10s" } };
		}
		const extend = req.extend && "videoId" in req.extend ? req.extend : undefined;
		if (extend?.direction === "backward" && req.endFrame) {
			return { code: "extend_backward_end_frame", params: { provider: this.name } };
		}
		if (extend && extend.direction !== "backward" && req.startFrame) {
			return { code: "extend_start_frame", params: { provider: this.name } };
		}
		return undefined;
	}

	/**
	 * Creates a `video` generation and returns its id at once. Frames go inline; an extension sets
	 * `video.start_frame` (forward) or `video.end_frame` (backward) to `{generation_id}`.
	 * @see https://github.com/lumalabs/luma-agents-typescript/blob/main/src/resources/generations.ts
	 */
	async submit(req: GenerateRequest, options: CallOptions = {}): Promise<SubmitResult> {
		const operation = `POST ${CREATE_PATH}`;
		const conflict = this.#conflict(req);
		if (conflict) throw this.#http.error({ operation, code: "bad_request", providerText: conflict });

		const [start, end] = await Promise.all([this.#inline(req.startFrame), this.#inline(req.endFrame)]);
		const video: Record<string, unknown> = {};
		if (req.duration !== undefined) video.duration = req.duration;
		if (req.resolution !== undefined) video.resolution = req.resolution;
		if (req.loop !== undefined) video.loop = req.loop;
		const parent = req.extend && "videoId" in req.extend ? req.extend : undefined;
		if (parent?.direction === "backward") {
			if (start) video.start_frame = start;
			video.end_frame = { generation_id: parent.videoId };
		} else {
			if (parent) video.start_frame = { generation_id: parent.videoId };
			else if (start) video.start_frame = start;
			if (end) video.end_frame = end;
		}

		const body: Record<string, unknown> = {
			type: "video",
			model: req.model ?? this.#model,
			prompt: req.prompt,
		};
		if (req.aspectRatio !== undefined) body.aspect_ratio = req.aspectRatio;
		if (Object.keys(video).length > 0) body.video = video;
		if (req.userRef !== undefined) body.user_id = req.userRef;

		const answer = await this.#http.send({ method: "POST", path: CREATE_PATH, body, signal: options.signal });
		if (!isOk(answer)) throw this.#refusal(operation, answer);
		const created = this.#http.parse(operation, answer, createdGenerationSchema, false);
		return { taskId: created.id };
	}

	/**
	 * Reads each generation with its own GET (the API has no batch read), at most four at once.
	 * A 404 leaves the id out; any other failure throws so the poller backs off.
	 * @see https://docs.agents.lumalabs.ai/guides/error-handling/
	 */
	async query(taskIds: readonly string[], options: CallOptions = {}): Promise<TaskStatus[]> {
		const results = await mapLimited(taskIds, MAX_IN_FLIGHT, async (taskId) => {
			const generation = await this.#get(taskId, options.signal);
			return generation && this.#toTaskStatus(taskId, generation);
		});
		return results.filter((status): status is TaskStatus => status !== undefined);
	}

	/**
	 * A new presigned link to a finished generation's video (the old one expires after an hour);
	 * undefined when the generation is unknown or has no video.
	 * @see https://github.com/lumalabs/luma-agents-typescript/blob/main/src/resources/generations.ts
	 */
	async freshVideoUrl(taskId: string, options: CallOptions = {}): Promise<string | undefined> {
		const generation = await this.#get(taskId, options.signal);
		if (!generation) return undefined;
		const status = this.#toTaskStatus(taskId, generation);
		return status.state === "succeeded" ? status.videoUrl : undefined;
	}

	/** Requests the API cannot express at all: refused before any call. */
	#conflict(req: GenerateRequest): string | undefined {
		if (req.extend && "videoUrl" in req.extend) return "extending a video by URL is not supported";
		const backward = req.extend?.direction === "backward";
		if (req.extend && backward && req.endFrame) return "a backward extension takes no end frame";
		if (req.extend && !backward && req.startFrame) return "a forward extension takes no start frame";
		return undefined;
	}

	async #inline(frame: FrameSource | undefined): Promise<InlineImage | undefined> {
		if (!frame) return undefined;
		// Errors of readFrame are the bot's own (an attachment it could not read) and pass unchanged.
		const { data, contentType } = await this.#readFrame(frame.url);
		return { data: data.toString("base64"), media_type: mediaType(contentType, frame.contentType) };
	}

	/** One generation, or undefined for a 404 with a JSON body (an id the API does not know). */
	async #get(taskId: string, signal: AbortSignal | undefined): Promise<Generation | undefined> {
		const path = `${CREATE_PATH}/${encodeURIComponent(taskId)}`;
		const answer = await this.#http.send({ method: "GET", path, signal });
		// A 404 that is not JSON comes from something other than the API (a wrong base URL): it throws.
		if (answer.status === 404 && answer.json !== undefined) return undefined;
		if (!isOk(answer)) throw this.#refusal(GET_OPERATION, answer);
		return this.#http.parse(GET_OPERATION, answer, generationSchema, true);
	}

	#toTaskStatus(taskId: string, generation: Generation): TaskStatus {
		const rawState = generation.state;
		const base = { taskId, rawState };
		switch (rawState) {
			case "queued":
			case "pending":
				return { ...base, state: "queued" };
			case "completed":
			case "succeeded": {
				const videoUrl = videoUrlOf(generation);
				if (!videoUrl) return { ...base, state: "failed", failure: { code: "no_output" } };
				return { ...base, state: "succeeded", videoId: generation.id ?? taskId, videoUrl };
			}
			case "failed": {
				const { failure_code: code, failure_reason: reason } = generation;
				const detail = code ?? (reason ? this.#http.clip(reason) : undefined);
				return {
					...base,
					state: "failed",
					failure: { code: taskFailureCode(code, reason), ...(detail && { detail }) },
				};
			}
			default:
				// `processing`, or a word the SDK does not list yet.
				return { ...base, state: "running" };
		}
	}

	/** A `ProviderError` for a non-2xx answer, with `retryAfterMs` from its headers. */
	#refusal(operation: string, answer: RawAnswer): ProviderError {
		const detail = readErrorBody(answer.json, answer.text);
		return this.#http.error({
			operation,
			code: codeForHttp(answer.status, detail),
			status: answer.status,
			rawCode: detail.rawCode,
			providerText: detail.message,
			headers: answer.headers,
		});
	}
}

/** The first `output` entry of type video (`video/mp4` tolerated), else the first untyped one. */
function videoUrlOf(generation: Generation): string | undefined {
	const outputs = (generation.output ?? []).filter((o) => o.url);
	const video = outputs.find((o) => o.type === "video" || o.type?.startsWith("video/"));
	return (video ?? outputs.find((o) => !o.type))?.url ?? undefined;
}

/** The image's MIME type without parameters; the attachment's own type when the read gave none. */
function mediaType(read: string, declared: string | undefined): string {
	const clean = (value: string | undefined) => value?.split(";")[0]?.trim().toLowerCase() ?? "";
	const fromRead = clean(read);
	if (fromRead.startsWith("image/")) return fromRead;
	const fromAttachment = clean(declared);
	return fromAttachment.startsWith("image/") ? fromAttachment : fromRead || "application/octet-stream";
}
