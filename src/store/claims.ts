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
	/** Every key of the namespace. */
	keys(): AsyncIterable<string>;
}

export class MemoryClaims implements Claims {
	readonly #held = new Map<string, { owner: string; until: number }>();
	async take(key: string, owner: string, ttlMs: number): Promise<boolean> {
		const now = Date.now();
		const held = this.#held.get(key);
		if (held && held.owner !== owner && held.until > now) return false;
		this.#held.set(key, { owner, until: now + ttlMs });
		return true;
	}
	async release(key: string, owner: string): Promise<void> {
		if (this.#held.get(key)?.owner === owner) this.#held.delete(key);
	}
}

export class MemoryVersioned<T> implements VersionedRecords<T> {
	readonly #records = new Map<string, { value: string; version: number }>();
	async get(key: string): Promise<{ value: T; version: number } | undefined> {
		const stored = this.#records.get(key);
		return stored && { value: JSON.parse(stored.value) as T, version: stored.version };
	}
	async put(key: string, value: T, version: number | undefined): Promise<number | undefined> {
		const stored = this.#records.get(key);
		if (stored?.version !== version) return undefined;
		const next = (version ?? 0) + 1;
		this.#records.set(key, { value: JSON.stringify(value), version: next });
		return next;
	}
	async *keys(): AsyncIterable<string> {
		yield* [...this.#records.keys()];
	}
}
