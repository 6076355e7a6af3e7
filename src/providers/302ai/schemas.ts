import { z } from "zod";

/**
 * Response shapes of 302.AI's Luma API (providers.md §2.4, §2.5), checked at the boundary.
 * Objects are loose and nearly every key is optional: the Fetch schema is not published, so
 * these accept every shape its consumers are known to read.
 */

/** A provider code: 302 sends negative integers (`-10004`); tolerated as a string too. */
const providerCodeSchema = z.union([z.number(), z.string()]);

/**
 * 302's error object, `{err_code, message, message_cn, message_en, message_ja, type}` [I]; some
 * consumers read the code from `code` instead of `err_code` [I].
 */
export const errorObjectSchema = z.looseObject({
	err_code: providerCodeSchema.nullish(),
	code: providerCodeSchema.nullish(),
	message: z.string().nullish(),
	message_en: z.string().nullish(),
	message_cn: z.string().nullish(),
	type: z.string().nullish(),
});
export type ErrorObject = z.infer<typeof errorObjectSchema>;

/** `error` as an object, or as a bare message string. */
export const errorValueSchema = z.union([errorObjectSchema, z.string()]);
export type ErrorValue = z.infer<typeof errorValueSchema>;

/** Any error answer: `{"error": {...}}`, with a top-level `message` tolerated beside it. */
export const errorBodySchema = z.looseObject({
	error: errorValueSchema.nullish(),
	message: z.string().nullish(),
});

/** The documented submit / extend answer; only `id` (`luma_…`) is relied upon. */
export const submitResponseSchema = z.looseObject({
	id: z.string().min(1),
	prompt: z.string().nullish(),
	state: z.string().nullish(),
	created_at: z.unknown().optional(),
	video: z.unknown().optional(),
});

/** A media reference: a plain URL (what 302's own plugin reads [C]) or an object with `url` [I]. */
const mediaSchema = z.union([
	z.string(),
	z.looseObject({
		url: z.string().nullish(),
		download_url: z.string().nullish(),
		width: z.number().nullish(),
		height: z.number().nullish(),
	}),
]);

/** The Fetch answer (`GET /luma/task/{id}/fetch`), whose official schema is unpublished [?]. */
export const fetchResponseSchema = z.looseObject({
	id: z.string().nullish(),
	state: z.string().nullish(),
	prompt: z.string().nullish(),
	video: mediaSchema.nullish(),
	thumbnail: mediaSchema.nullish(),
	error: errorValueSchema.nullish(),
});
export type FetchResponse = z.infer<typeof fetchResponseSchema>;
