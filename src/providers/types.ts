import type { Dispatcher } from "undici";
import type { ProviderErrorCode } from "../errors.js";
import type { ProviderName } from "./names.js";

/** Every aspect ratio some provider takes; each provider's capabilities name its own subset. */
export const ASPECT_RATIOS = ["16:9", "9:16", "1:1", "4:3", "3:4", "21:9", "9:21", "3:2", "2:3"] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

/** An image the user attached, as Discord serves it. Adapters pass its URL or read its bytes. */
export interface FrameSource {
	url: string;
	filename: string;
	contentType?: string;
}

/** Which clip an extension continues. */
export type ExtendTarget =
	/** A clip this provider made: the `videoId` of its result. `backward` makes the clip leading into it. */
	| { videoId: string; direction?: "forward" | "backward" }
	/** A video made elsewhere, by its address. */
	| { videoUrl: string };

/** What a user asked for, provider-neutral. Unset fields are left out of the provider call. */
export interface GenerateRequest {
	prompt: string;
	aspectRatio?: AspectRatio;
	loop?: boolean;
	enhance?: boolean;
	model?: string;
	duration?: string;
	resolution?: string;
	startFrame?: FrameSource;
	endFrame?: FrameSource;
	extend?: ExtendTarget;
	/** A stable opaque id of the requester (a keyed hash, never the Discord id), for providers that attribute usage. */
	userRef?: string;
	/** With `capabilities.callbacks`: where the provider should push the task's result. */
	callbackUrl?: string;
}

export interface SubmitResult {
	taskId: string;
}

/** Normalised task state: terminal states are `succeeded` and `failed`. */
export type TaskState = "queued" | "running" | "succeeded" | "failed";

export interface TaskFailure {
	code: ProviderErrorCode;
	/** The provider's own code or reason, clipped, for logs only. */
	detail?: string;
}

export interface TaskStatus {
	taskId: string;
	state: TaskState;
	/** The provider's own word for the state, for logs. */
	rawState?: string;
	/** The reference that extends this video (AceDataCloud's `video_id`; the task id elsewhere). */
	videoId?: string;
	videoUrl?: string;
	thumbnailUrl?: string;
	width?: number;
	height?: number;
	failure?: TaskFailure;
}

export interface CallOptions {
	signal?: AbortSignal;
}

export interface ExtendCapabilities {
	/** Continue a clip this provider made, by the result's video id. */
	byId: boolean;
	/** Continue a video made elsewhere, by its URL. */
	byUrl: boolean;
	/** An end frame together with an extension. */
	endFrame: boolean;
	/** Make the clip that leads into an existing one. */
	backward: boolean;
}

/** What a provider can do; `/luma` offers exactly these, and requests are checked against them. */
export interface ProviderCapabilities {
	/** Empty: the provider has no choice of shape, so the option is not offered. */
	aspectRatios: readonly AspectRatio[];
	loop: boolean;
	enhance: boolean;
	startFrame: boolean;
	endFrame: boolean;
	/** Undefined: the provider cannot extend at all. */
	extend: ExtendCapabilities | undefined;
	/** Task ids one status query accepts; 1 means one request per task. */
	batchSize: number;
	/** The provider can push results to a callback URL. */
	callbacks: boolean;
	/** Models to choose from, the default first; empty when the provider has no choice. */
	models: readonly string[];
	/** Clip lengths to choose from (`5s`, …), the default first; empty: not offered. */
	durations: readonly string[];
	/** Output resolutions to choose from, the default first; empty: not offered. */
	resolutions: readonly string[];
	/** Output links expire soon (an hour): the video is uploaded at once and a fresh link is fetched on demand. */
	expiringOutput: boolean;
	/** The provider's usual shortest time for a clip: a status query before it is wasted. */
	firstPollAfterMs: number;
}

/** A request the provider cannot take, as a code and its parameters (views word it). */
export interface RequestProblem {
	code: string;
	params?: Record<string, string | number>;
}

/** One video provider behind the bot. Implementations throw `ProviderError` for every failure. */
export interface ProviderAdapter {
	readonly name: ProviderName;
	readonly capabilities: ProviderCapabilities;
	/** Starts a task in asynchronous mode and returns at once with its id. Never retries by itself. */
	submit(request: GenerateRequest, options?: CallOptions): Promise<SubmitResult>;
	/**
	 * Reads the state of up to `capabilities.batchSize` tasks in as few requests as the provider
	 * allows. Tasks the provider does not know (yet) are left out of the answer.
	 */
	query(taskIds: readonly string[], options?: CallOptions): Promise<TaskStatus[]>;
	/** Rules across fields that the capability lists cannot say (e.g. 10 s clips are text-only). */
	checkRequest?(request: GenerateRequest): RequestProblem | undefined;
	/**
	 * With `capabilities.callbacks`: reads a body the provider pushed to the callback URL, as the
	 * same status `query` would give. Undefined when the body is not one of the documented shapes.
	 */
	parseCallback?(body: unknown): TaskStatus | undefined;
	/** With `expiringOutput`: a fresh link to a finished task's video; undefined when it has none. */
	freshVideoUrl?(taskId: string, options?: CallOptions): Promise<string | undefined>;
}

/** Reads an attached image's bytes (adapters that send frames inline or as file parts). */
export type ReadFrame = (url: string) => Promise<{ data: Buffer; contentType: string }>;

/** What every adapter's constructor takes. */
export interface AdapterOptions {
	apiKey: string;
	/** The provider's documented base URL by default; a trailing slash is tolerated. */
	baseUrl?: string;
	/** The configured model, where the provider has several. */
	model?: string;
	/** undici dispatcher (tests point it at fakes). */
	dispatcher?: Dispatcher;
	requestTimeoutMs?: number;
	readFrame?: ReadFrame;
}
