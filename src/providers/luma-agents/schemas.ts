import { z } from "zod";

/**
 * Response shapes of the Luma Agents API (`agents.lumalabs.ai`), checked at the boundary. They
 * follow the first-party SDK `lumalabs/luma-agents-typescript` 0.3.0 (`src/resources/generations.ts`,
 * providers.md §4b.3). Objects are loose: the API adds keys over time and those must not break parsing.
 */

/** One entry of `output`: `{type: "video", url}` with a presigned URL that expires after an hour. */
export const generationOutputSchema = z.looseObject({
	type: z.string().nullish(),
	url: z.string().nullish(),
});

/** Fields every generation object may carry; `id` and `state` are tightened per use below. */
const generationFields = {
	created_at: z.string().nullish(),
	model: z.string().nullish(),
	type: z.string().nullish(),
	/** `queued | processing | completed | failed`; other words are tolerated (read as running). */
	state: z.string().nullish(),
	failure_code: z.string().nullish(),
	failure_reason: z.string().nullish(),
	output: z.array(generationOutputSchema).nullish(),
};

/** The answer of `POST /v1/generations` (HTTP 201): the new generation; only `id` is relied upon. */
export const createdGenerationSchema = z.looseObject({ ...generationFields, id: z.string().min(1) });

/**
 * The answer of `GET /v1/generations/{id}`. `state` is required (without it nothing can be said);
 * `id` is optional because the caller already knows which id it asked for.
 */
export const generationSchema = z.looseObject({
	...generationFields,
	id: z.string().nullish(),
	state: z.string().min(1),
});
export type Generation = z.infer<typeof generationSchema>;

/** A field that never fails the parse: a value of another type is read as absent. */
const lenient = <T extends z.ZodType>(schema: T) => schema.nullish().catch(undefined);
const codeValue = z.union([z.string(), z.number()]);

/** One FastAPI validation item (`{loc, msg, type}`) or a `{code, message}` object inside `detail`. */
const detailItemSchema = z.looseObject({
	code: lenient(codeValue),
	message: lenient(z.string()),
	msg: lenient(z.string()),
	type: lenient(z.string()),
});

/**
 * An error body. Its shape is not documented [?]: the docs say to branch on the HTTP status and
 * read `detail`, so FastAPI's `{"detail": "…"}` (or a list of `{loc,msg,type}` on 422) is the
 * expected one; `{error:{code,message,type}}`, `{message}` and top-level `code` are tolerated too.
 */
export const errorBodySchema = z.looseObject({
	error: lenient(
		z.union([
			z.string(),
			z.looseObject({ code: lenient(codeValue), message: lenient(z.string()), type: lenient(z.string()) }),
		]),
	),
	detail: lenient(z.union([z.string(), z.array(detailItemSchema), detailItemSchema])),
	message: lenient(z.string()),
	code: lenient(codeValue),
	failure_code: lenient(z.string()),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
