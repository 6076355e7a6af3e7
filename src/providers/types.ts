import type { ProviderName } from "./names.js";

export const ASPECT_RATIOS = ["16:9", "9:16", "1:1", "4:3", "3:4", "21:9", "9:21"] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

/** What a user asked for, provider-neutral. Unset fields are left out of the provider call. */
export interface GenerateRequest {
	prompt: string;
	aspectRatio?: AspectRatio;
	loop?: boolean;
	enhance?: boolean;
	startImageUrl?: string;
	endImageUrl?: string;
	/**
	 * Continue an earlier video instead of starting a new one: the provider's reference from a
	 * finished result (`videoId`), or the video's address for one made elsewhere (`videoUrl`).
	 */
	extend?: { videoId: string } | { videoUrl: string };
}

export interface SubmitResult {
	taskId: string;
}

/** Normalised task state: terminal states are `succeeded` and `failed`. */
export type TaskState = "queued" | "running" | "succeeded" | "failed";

export interface TaskFailure {
	/** Provider's machine code, e.g. `forbidden` or `used_up`. */
	code: string;
	/** A plain sentence for users; never the provider's raw body. */
	userMessage: string;
}

export interface TaskStatus {
	taskId: string;
	state: TaskState;
	/** The provider's own word for the state, for logs. */
	rawState?: string;
	/** Reference used to extend this video (AceDataCloud's `video_id`, not the task id). */
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

/** One video provider behind the bot. Implementations throw `ProviderError` for every failure. */
export interface LumaProvider {
	readonly name: ProviderName;
	/** How many task ids one `query` call accepts. */
	readonly batchSize: number;
	/** Starts a task in asynchronous mode and returns at once with its id. */
	submit(request: GenerateRequest, options?: CallOptions): Promise<SubmitResult>;
	/**
	 * Reads the state of up to `batchSize` tasks in as few requests as the provider allows.
	 * Tasks the provider does not know (yet) are left out of the answer.
	 */
	query(taskIds: readonly string[], options?: CallOptions): Promise<TaskStatus[]>;
}
