import { z } from "zod";

/**
 * Response shapes of AceDataCloud's Luma API, checked at the boundary. Objects are loose: the
 * provider adds keys over time (`trace_id`, `api_id`, …) and those must not break parsing.
 */

/** Error body of a non-2xx answer: `{"error":{"code","message"},"trace_id"}` (sometimes `success:false`). */
export const errorBodySchema = z.looseObject({
	success: z.boolean().optional(),
	error: z.looseObject({
		code: z.string().optional(),
		message: z.string().optional(),
	}),
	trace_id: z.string().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Async acknowledgement of `POST /luma/videos`; only `task_id` is relied upon. */
export const submitResponseSchema = z.looseObject({
	success: z.boolean().optional(),
	task_id: z.string().min(1),
	trace_id: z.string().optional(),
});

/** `response.error` of a failed task: normally `{code, message}`, tolerated as a bare string. */
export const taskErrorSchema = z.union([
	z.looseObject({
		code: z.union([z.string(), z.number()]).nullish(),
		message: z.string().nullish(),
	}),
	z.string(),
]);

/** The `response` object of a task record (the same object a synchronous call would return). */
export const taskResponseSchema = z.looseObject({
	success: z.boolean().nullish(),
	task_id: z.string().nullish(),
	video_id: z.string().nullish(),
	video_url: z.string().nullish(),
	video_width: z.number().nullish(),
	video_height: z.number().nullish(),
	thumbnail_url: z.string().nullish(),
	state: z.string().nullish(),
	error: taskErrorSchema.nullish(),
});
export type TaskResponse = z.infer<typeof taskResponseSchema>;

/** One record of `POST /luma/tasks`; `response` is absent while the task is queued. */
export const taskRecordSchema = z.looseObject({
	id: z.string().nullish(),
	trace_id: z.string().nullish(),
	created_at: z.number().nullish(),
	started_at: z.number().nullish(),
	finished_at: z.number().nullish(),
	response: taskResponseSchema.nullish(),
});
export type TaskRecord = z.infer<typeof taskRecordSchema>;

/** `retrieve` answers with the record itself; an empty body (`null`/`{}`) means "no such task". */
export const retrieveResponseSchema = taskRecordSchema.nullable();

/** `retrieve_batch` answers `{items, count}`; unknown ids are simply absent. */
export const retrieveBatchResponseSchema = z.looseObject({
	items: z.array(taskRecordSchema).nullish(),
	count: z.number().optional(),
});

/**
 * A body AceDataCloud POSTs to `callback_url` once a task ends (providers.md §1.6): the same
 * object as a synchronous result (`success`, `task_id`, `video_id`, `video_url`, `state`, …) or,
 * on failure, `{success:false, task_id, trace_id, error:{code,message}}`. `task_id` is required:
 * without it the body cannot be matched to a task.
 */
export const callbackBodySchema = taskResponseSchema.extend({
	task_id: z.string().min(1),
	trace_id: z.string().nullish(),
});
export type CallbackBody = z.infer<typeof callbackBodySchema>;
