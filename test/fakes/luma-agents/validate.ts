import { isObject } from "../common/base.js";

/**
 * The documented create-request rules of the Luma Agents API for `type: "video"` (SDK
 * `GenerationCreateParams` / `VideoOptions` / `ImageRef`, providers.md §4b.2). A request that
 * breaks one is a violation; the fake answers it with the status the docs give for it
 * (400 invalid parameters, 413 media too large, 422 rejected combination or bad media data).
 */
export interface Refusal {
	status: 400 | 413 | 422;
	detail: string;
}

const TOP_LEVEL = new Set([
	"prompt",
	"type",
	"model",
	"aspect_ratio",
	"image_ref",
	"output_format",
	"source",
	"style",
	"user_id",
	"video",
	"web_search",
]);
/** Documented, but for image and edit types only. */
const NOT_FOR_VIDEO = new Set(["image_ref", "output_format", "source", "style"]);
const VIDEO_KEYS = new Set([
	"duration",
	"edit",
	"end_frame",
	"exr_export",
	"hdr",
	"loop",
	"resolution",
	"source_position",
	"start_frame",
]);
/** `edit` is for `video_edit`, `source_position` for `video_reframe`. */
const VIDEO_NOT_FOR_TYPE_VIDEO = new Set(["edit", "source_position"]);
const ASPECT_RATIOS = new Set([
	"3:1",
	"2:1",
	"21:9",
	"16:9",
	"4:3",
	"3:2",
	"1:1",
	"3:4",
	"2:3",
	"9:16",
	"1:2",
	"1:3",
]);
const IMAGE_REF_KEYS = new Set(["data", "generation_id", "media_type", "url"]);
const MAX_MEDIA_BYTES = 50 * 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

const bad = (detail: string): Refusal => ({ status: 400, detail });
const rejected = (detail: string): Refusal => ({ status: 422, detail });

/**
 * Checks one `POST /v1/generations` body. `isFinishedVideo` says whether a `generation_id` names
 * a completed video generation of this key (chaining works only on those).
 */
export function checkCreate(
	body: Record<string, unknown>,
	isFinishedVideo: (generationId: string) => boolean,
): Refusal | undefined {
	for (const key of Object.keys(body)) {
		if (!TOP_LEVEL.has(key)) return bad(`${key}: extra inputs are not permitted`);
		if (NOT_FOR_VIDEO.has(key)) return bad(`${key}: not valid for type video`);
	}
	if (typeof body.prompt !== "string" || body.prompt.trim() === "") return bad("prompt: field required");
	// The default type is `image` and the default model `uni-1`: a video request must name both.
	if (body.type !== "video")
		return bad(`type: this fake serves "video" generations only, got ${String(body.type)}`);
	if (body.model !== "ray-3.2") return bad(`model: "ray-3.2" is the video model, got ${String(body.model)}`);
	if (body.aspect_ratio != null && !ASPECT_RATIOS.has(String(body.aspect_ratio))) {
		return bad(`aspect_ratio: unsupported value ${String(body.aspect_ratio)}`);
	}
	if (body.user_id != null && typeof body.user_id !== "string") return bad("user_id: must be a string");
	if (body.web_search != null && typeof body.web_search !== "boolean")
		return bad("web_search: must be a boolean");
	if (body.video == null) return undefined;
	if (!isObject(body.video)) return bad("video: must be an object");
	return checkVideo(body.video, isFinishedVideo);
}

function checkVideo(
	video: Record<string, unknown>,
	isFinishedVideo: (id: string) => boolean,
): Refusal | undefined {
	for (const key of Object.keys(video)) {
		if (!VIDEO_KEYS.has(key)) return bad(`video.${key}: extra inputs are not permitted`);
		if (VIDEO_NOT_FOR_TYPE_VIDEO.has(key)) return bad(`video.${key}: not valid for type video`);
	}
	const { duration, resolution, loop, hdr } = video;
	if (duration != null && duration !== "5s" && duration !== "10s")
		return bad(`video.duration: ${String(duration)}`);
	if (resolution != null && !["540p", "720p", "1080p"].includes(String(resolution))) {
		return bad(`video.resolution: ${String(resolution)}`);
	}
	for (const key of ["loop", "hdr", "exr_export"] as const) {
		if (video[key] != null && typeof video[key] !== "boolean") return bad(`video.${key}: must be a boolean`);
	}
	if (loop === true && duration === "10s") return rejected("video.loop is not supported with duration=10s");
	if (loop === true && hdr === true) return rejected("video.loop is not supported with hdr=true");
	if (video.exr_export === true && hdr !== true) return rejected("video.exr_export requires hdr=true");
	const frames = (["start_frame", "end_frame"] as const).filter((key) => video[key] != null);
	if (duration === "10s" && frames.length > 0) return rejected("10s clips are text-to-video only");
	for (const key of frames) {
		const problem = checkImageRef(`video.${key}`, video[key], isFinishedVideo);
		if (problem) return problem;
	}
	return undefined;
}

function checkImageRef(
	where: string,
	ref: unknown,
	isFinishedVideo: (id: string) => boolean,
): Refusal | undefined {
	if (!isObject(ref)) return bad(`${where}: must be an object`);
	for (const key of Object.keys(ref)) {
		if (!IMAGE_REF_KEYS.has(key)) return bad(`${where}.${key}: extra inputs are not permitted`);
	}
	const given = (["url", "data", "generation_id"] as const).filter((key) => ref[key] != null);
	if (given.length !== 1) return bad(`${where}: provide exactly one of url, data or generation_id`);
	if (ref.generation_id != null) {
		const id = ref.generation_id;
		if (typeof id !== "string" || !isFinishedVideo(id)) {
			return bad(`${where}.generation_id: ${String(id)} is not a completed video generation of this key`);
		}
		return undefined;
	}
	if (ref.url != null) {
		return typeof ref.url === "string" && /^https?:\/\//.test(ref.url)
			? undefined
			: rejected(`${where}.url: must be an http(s) URL`);
	}
	const { data, media_type: mediaType } = ref;
	if (typeof mediaType !== "string" || !mediaType.startsWith("image/")) {
		return rejected(`${where}.media_type: an image/* type is required with data`);
	}
	if (typeof data !== "string" || data.length % 4 !== 0 || !BASE64.test(data)) {
		return rejected(`${where}.data: not valid base64`);
	}
	if ((data.length / 4) * 3 > MAX_MEDIA_BYTES)
		return { status: 413, detail: `${where}: image exceeds 50 MB` };
	return undefined;
}
