import { z } from "zod";

/**
 * Response shapes of the official Luma Dream Machine API (providers.md §4), checked at the
 * boundary. Objects are loose and most fields nullish: the SDK types mark nearly every field of a
 * Generation optional, and Luma adds keys (`generation_type`, `progress_video`, …) over time.
 */

/** `assets` of a Generation: `video` is the MP4 once completed, `image` its thumbnail. */
export const assetsSchema = z.looseObject({
	video: z.string().nullish(),
	image: z.string().nullish(),
	progress_video: z.string().nullish(),
});

/**
 * A Generation, as `POST /generations/video` and `GET /generations/{id}` answer it.
 * `state` is `queued | dreaming | completed | failed` [C]; any other word is tolerated here and
 * read as "still running" by the client.
 */
export const generationSchema = z.looseObject({
	id: z.string().nullish(),
	state: z.string().nullish(),
	failure_reason: z.string().nullish(),
	created_at: z.string().nullish(),
	model: z.string().nullish(),
	generation_type: z.string().nullish(),
	assets: assetsSchema.nullish(),
	request: z.unknown().optional(),
});
export type Generation = z.infer<typeof generationSchema>;

/**
 * `GET /generations?limit&offset` → `{generations[], count, has_more, limit, offset}` [C].
 * Items are checked one by one (an odd item of another app on the same key must not break a poll).
 */
export const generationListSchema = z.looseObject({
	generations: z.array(z.unknown()),
	count: z.number().nullish(),
	has_more: z.boolean().nullish(),
	limit: z.number().nullish(),
	offset: z.number().nullish(),
});

/** One item of a FastAPI validation error (`detail: [{loc, msg, type}]`). */
const validationItemSchema = z.looseObject({
	loc: z.array(z.union([z.string(), z.number()])).nullish(),
	msg: z.string().nullish(),
	type: z.string().nullish(),
});

/**
 * Error bodies. Luma's is FastAPI-style `{"detail": string | [{loc, msg, type}]}` [I]; also
 * tolerated: `{"error": {"message", "code"|"type"}}`, `{"error": "…"}` and `{"message", "code"}`.
 * Plain text (a proxy's HTML page, Starlette's `Internal Server Error`) is handled by the caller.
 */
export const errorBodySchema = z.looseObject({
	detail: z.union([z.string(), z.array(validationItemSchema), z.looseObject({})]).nullish(),
	error: z
		.union([
			z.string(),
			z.looseObject({
				message: z.string().nullish(),
				code: z.union([z.string(), z.number()]).nullish(),
				type: z.string().nullish(),
			}),
		])
		.nullish(),
	message: z.string().nullish(),
	code: z.union([z.string(), z.number()]).nullish(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
