/** Steps that must happen once even when several processes share the store. */
export interface Claims {
	/** Takes `key` for `owner` for `ttlMs` if nobody else holds it (or their hold has expired); true when `owner` now holds it (taking it again while holding it renews it). */
	take(key: string, owner: string, ttlMs: number): Promise<boolean>;
	/** Lets go of `key` if `owner` holds it (someone else's hold is left alone). */
	release(key: string, owner: string): Promise<void>;
}

/** Records written with compare-and-set, for counts several processes change (quota usage). */
export interface VersionedRecords<T> {
	get(key: string): Promise<{ value: T; version: number } | undefined>;
	/** Writes `value` only if the stored version is still `version` (`undefined`: the key must not exist yet). Returns the new version, or `undefined` when another writer got there first. */
	put(key: string, value: T, version: number | undefined): Promise<number | undefined>;
	/** Every key of the namespace (a start reads each server's record once). */
	keys(): AsyncIterable<string>;
}

/**
 * The tables (SQL) and key prefixes (Redis) of the primitives. They sit beside the Keyv
 * namespaces, whose keys are `<namespace>:<key>`, so no namespace the bot opens may have these
 * names.
 */
export const CLAIMS_NAME = "luma_claims";
export const VERSIONED_NAME = "luma_versioned";

/**
 * A hold of no time, or of a fraction of a millisecond, would be refused by Redis and mean
 * nothing anywhere: holds last whole milliseconds, at least one.
 */
export function holdMs(ttlMs: number): number {
	if (!Number.isFinite(ttlMs) || ttlMs < 1) throw new RangeError("a claim must last at least 1 ms");
	return Math.ceil(ttlMs);
}

/**
 * Versions are positive whole numbers; anything else can never match a stored one, so a put with
 * it fails like any lost race instead of reaching the store.
 */
export function isVersion(version: number): boolean {
	return Number.isSafeInteger(version) && version > 0;
}

/** A record's value as stored (JSON), refusing what JSON cannot hold rather than storing nothing. */
export function toJson(value: unknown): string {
	const json = JSON.stringify(value) as string | undefined;
	if (json === undefined) throw new TypeError("a versioned record needs a value JSON can hold");
	return json;
}
