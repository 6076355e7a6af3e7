import { z } from "zod";

/**
 * Response shapes of YEScale's Luma endpoints, checked at the boundary (providers.md §3.3).
 * YEScale relays the upstream Luma web format, and its documents list a second, wrapped
 * `{code, data:{task_id, …}}` format for the same answers, so both are accepted. Objects are
 * loose: a gateway adds keys over time and those must not break parsing.
 */

/** Ids arrive as strings; a number is tolerated and read as its decimal text. */
const idSchema = z.union([z.string(), z.number()]).transform(String);

/** Gateways disagree on numbers in JSON: `1360` and `"1360"` are both read. */
const dimensionSchema = z.union([z.number(), z.string()]).nullish();

/** A media object of the Luma web format (`video`, `video_raw`, `thumbnail`, `last_frame`). */
const mediaSchema = z.looseObject({
	url: z.string().nullish(),
	width: dimensionSchema,
	height: dimensionSchema,
	download_url: z.string().nullish(),
});
export type Media = z.infer<typeof mediaSchema>;

/** Some same-format resellers send a media field as its bare URL. */
const mediaOrUrlSchema = z.union([z.string(), mediaSchema]).nullish();

/**
 * The create/extend acknowledgement: the flat generation of the documented example
 * (`{id, state:"pending", …}`) or the wrapped `{code, request_id, data:{task_id, task_status}}`.
 */
export const submitAnswerSchema = z.looseObject({
	id: idSchema.nullish(),
	state: z.string().nullish(),
	data: z
		.looseObject({
			task_id: idSchema.nullish(),
			task_status: z.string().nullish(),
		})
		.nullish(),
});

/** One generation as `GET /luma/generations/{id}` returns it (flat, or the `data` of a wrapper). */
export const generationSchema = z.looseObject({
	id: idSchema.nullish(),
	/** `pending | processing | completed | failed` in the Luma web format. */
	state: z.string().nullish(),
	/** The wrapped format's word for the state. */
	task_status: z.string().nullish(),
	video: mediaOrUrlSchema,
	video_raw: mediaOrUrlSchema,
	thumbnail: mediaOrUrlSchema,
	last_frame: mediaOrUrlSchema,
	/** YEScale's own (partial) schema: `assets.video` holds the URL. */
	assets: z
		.looseObject({
			video: z.string().nullish(),
			image: z.string().nullish(),
		})
		.nullish(),
	/** YEScale's own (partial) schema: `artifact{video, video_raw, thumbnail, last_frame}`. */
	artifact: z
		.looseObject({
			video: mediaOrUrlSchema,
			video_raw: mediaOrUrlSchema,
			thumbnail: mediaOrUrlSchema,
		})
		.nullish(),
	failure_reason: z.string().nullish(),
	/** new-api's task relay names the reason this way. */
	fail_reason: z.string().nullish(),
});
export type Generation = z.infer<typeof generationSchema>;

const rawCodeSchema = z.union([z.string(), z.number()]).nullish();

/**
 * An error answer of the new-api-style gateway: OpenAI's `{"error":{"message","type","code"}}`,
 * new-api's task relay `{"code","message","data"}`, a bare `{"error":"…"}`, or Luma's `detail`.
 */
export const errorBodySchema = z.looseObject({
	error: z
		.union([
			z.string(),
			z.looseObject({
				message: z.string().nullish(),
				type: z.string().nullish(),
				code: rawCodeSchema,
			}),
		])
		.nullish(),
	code: rawCodeSchema,
	message: z.string().nullish(),
	detail: z.string().nullish(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
