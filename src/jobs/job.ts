import { z } from "zod";
import { PROVIDER_NAMES } from "../providers/names.js";
import { ASPECT_RATIOS } from "../providers/types.js";

/**
 * `queued`: written, not yet sent. `submitting`: the provider call may have happened, so a
 * restart must not send it again. `submitted`: the task id is saved and the poller tracks it.
 */
export const JOB_STATES = ["queued", "submitting", "submitted", "succeeded", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];
export const TERMINAL_STATES: readonly JobState[] = ["succeeded", "failed"];

const frameSchema = z.object({
	url: z.string(),
	filename: z.string(),
	contentType: z.string().optional(),
	size: z.number(),
});
export type Frame = z.infer<typeof frameSchema>;

/** The delivery ladder's steps that Discord can refuse for good (see `refused`). */
export const DELIVERY_STEPS = ["interaction", "message", "channel", "dm"] as const;

export const jobSchema = z.object({
	id: z.string(),
	kind: z.enum(["generate", "extend"]),
	guildId: z.string().nullable(),
	channelId: z.string(),
	messageId: z.string().optional(),
	userId: z.string(),
	/** Kept only until delivery; the bot's own channel endpoints work without it. */
	interaction: z
		.object({
			id: z.string(),
			applicationId: z.string(),
			token: z.string(),
			createdAt: z.number(),
			/** The requester's Discord language, for what only they are told. */
			locale: z.string().optional(),
		})
		.optional(),
	/**
	 * The requester's own private answer (an extension's "follow it here" note), so an outcome that
	 * concerns only them can be told there. Kept only until delivery.
	 */
	privateReply: z
		.object({
			applicationId: z.string(),
			token: z.string(),
			createdAt: z.number(),
			locale: z.string().optional(),
		})
		.optional(),
	attachmentSizeLimit: z.number(),
	request: z.object({
		prompt: z.string(),
		aspectRatio: z.enum(ASPECT_RATIOS).optional(),
		loop: z.boolean().optional(),
		enhance: z.boolean().optional(),
		model: z.string().optional(),
		duration: z.string().optional(),
		resolution: z.string().optional(),
		startFrame: frameSchema.optional(),
		endFrame: frameSchema.optional(),
		/** For an extension: `backward` makes the clip that leads into the parent. */
		direction: z.enum(["forward", "backward"]).optional(),
	}),
	/** For an extension: the clip it continues, a job of this bot or a video made elsewhere. */
	parent: z
		.object({
			jobId: z.string().optional(),
			userId: z.string().optional(),
			videoId: z.string().optional(),
			videoUrl: z.string().optional(),
		})
		.optional(),
	/** Where the job stands in its chain: the first clip's job and message, and this clip's place. */
	chain: z.object({ rootJobId: z.string(), part: z.number(), rootUrl: z.string().optional() }).optional(),
	/** Extensions made from this clip, so a chain can be walked forwards too. */
	children: z.array(z.string()).optional(),
	/** The provider that made (or will make) the clip; it alone polls, delivers and extends it. */
	provider: z.enum(PROVIDER_NAMES),
	/** Set when the first choice could not take the job and it went to the fallback provider. */
	failover: z.object({ from: z.enum(PROVIDER_NAMES), code: z.string() }).optional(),
	taskId: z.string().optional(),
	/** The provider pushes this task's updates to the bot; polling is only the safety net. */
	callback: z.boolean().optional(),
	/** A rate-limited submit waits in `queued` until then (a restart honours it too). */
	retryAt: z.number().optional(),
	state: z.enum(JOB_STATES),
	/** What the provider last said about a submitted task, shown on the pending embed. */
	progress: z.enum(["queued", "running"]).optional(),
	attempts: z.number(),
	createdAt: z.number(),
	updatedAt: z.number(),
	submittedAt: z.number().optional(),
	finishedAt: z.number().optional(),
	result: z
		.object({
			videoId: z.string().optional(),
			videoUrl: z.string(),
			thumbnailUrl: z.string().optional(),
			width: z.number().optional(),
			height: z.number().optional(),
			size: z.number().optional(),
		})
		.optional(),
	/**
	 * Why it failed, as a code and its parameters; views word it in the server's language.
	 * `message` is only in records written before codes were kept.
	 */
	error: z
		.object({
			code: z.string(),
			params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
			message: z.string().optional(),
		})
		.optional(),
	/** The last view written to Discord, so a restart neither repeats nor skips an update. */
	shown: z.string().optional(),
	deliveredAt: z.number().optional(),
	/**
	 * Steps of the delivery ladder Discord refused for good, with the refusal ("status 403, code
	 * 50001"): the interaction's token, the job's message, its channel, the requester's DMs. A
	 * showing tried again (after a passing failure further down) starts below them: a channel that
	 * is gone or closed to the bot is not asked again on every pass.
	 */
	refused: z.partialRecord(z.enum(DELIVERY_STEPS), z.string()).optional(),
	/** Which step of the delivery ladder showed the outcome; `nobody` when every step refused. */
	deliveredVia: z
		.enum(["interaction", "channel_edit", "channel_post", "dm", "audit_log", "nobody"])
		.optional(),
	/** Removed by its requester or a moderator: the message is gone and it can't be extended. */
	deletedAt: z.number().optional(),
	deletedBy: z.string().optional(),
});

export type Job = z.infer<typeof jobSchema>;
export type JobResult = NonNullable<Job["result"]>;

export function isTerminal(job: Pick<Job, "state">): boolean {
	return TERMINAL_STATES.includes(job.state);
}

const ALLOWED: Record<JobState, readonly JobState[]> = {
	queued: ["submitting", "failed"],
	// Back to queued only when the provider proved it created nothing (a rate limit).
	submitting: ["submitted", "failed", "queued"],
	submitted: ["succeeded", "failed"],
	succeeded: [],
	failed: [],
};

export class InvalidTransitionError extends Error {
	override readonly name = "InvalidTransitionError";
}

/** Returns the job in its next state; refuses moves the lifecycle does not allow. */
export function transition(job: Job, state: JobState, now: number, patch: Partial<Job> = {}): Job {
	if (!ALLOWED[job.state].includes(state)) {
		throw new InvalidTransitionError(`job ${job.id} cannot go from ${job.state} to ${state}`);
	}
	const next: Job = { ...job, ...patch, state, updatedAt: now };
	if (state === "submitted") next.submittedAt = now;
	if (TERMINAL_STATES.includes(state)) next.finishedAt = now;
	return next;
}

export interface NewJob {
	/** Chosen beforehand when a quota unit is reserved under it; made up otherwise. */
	id?: string;
	guildId: string | null;
	channelId: string;
	userId: string;
	interaction?: Job["interaction"];
	privateReply?: Job["privateReply"];
	attachmentSizeLimit: number;
	request: Job["request"];
	provider: Job["provider"];
	failover?: Job["failover"];
}

/** A new job record, `queued`, from what a request gave. */
export function newJobRecord(input: NewJob, now: number): Job {
	const { id, ...rest } = input;
	return {
		id: id ?? newJobId(now),
		kind: "generate",
		...rest,
		state: "queued",
		attempts: 0,
		createdAt: now,
		updatedAt: now,
	};
}

/** The shape of every job id (see `newJobId`): what ids in custom ids and callback paths must match. */
export const JOB_ID_PATTERN = /^[a-z0-9]{1,40}$/;

/** Short, sortable, unique enough for one bot; also fits Discord's 25-character nonce. */
export function newJobId(now: number): string {
	return `${now.toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Failures that are the request's own doing: the provider's moderation refused it (`forbidden`
 * in records written before codes were shared by every provider).
 */
const USER_CAUSED_FAILURES = new Set(["moderated", "forbidden"]);

/**
 * Whether a finished job gives its quota unit back: yes when it failed for a reason that is not
 * the requester's (provider error, timeout, restart), no for a video made or a prompt refused.
 */
export function refundsUnit(job: Pick<Job, "state" | "error">): boolean {
	return job.state === "failed" && !USER_CAUSED_FAILURES.has(job.error?.code ?? "");
}
