import type Keyv from "keyv";
import { type Clock, systemClock } from "../clock.js";
import type { Logger } from "../logger.js";
import { type Claims, holdMs, isVersion, toJson, type VersionedRecords } from "./claims.js";
import { namespaceKeyv, type Store } from "./store.js";

/** Claims of one process, in a Map: each step is synchronous, so none can interleave with another. */
export class MemoryClaims implements Claims {
	readonly #holds = new Map<string, { owner: string; expiresAt: number }>();
	readonly #now: Clock;

	constructor(now: Clock = systemClock) {
		this.#now = now;
	}

	async take(key: string, owner: string, ttlMs: number): Promise<boolean> {
		const ms = holdMs(ttlMs);
		const now = this.#now();
		const hold = this.#holds.get(key);
		if (hold && hold.owner !== owner && hold.expiresAt > now) return false;
		this.#holds.set(key, { owner, expiresAt: now + ms });
		return true;
	}

	async release(key: string, owner: string): Promise<void> {
		if (this.#holds.get(key)?.owner === owner) this.#holds.delete(key);
	}
}

/**
 * Versioned records in a Map, kept as JSON like every other store keeps them: what a caller reads
 * is its own copy, and a value that would not survive a real store fails here too.
 */
export class MemoryVersionedRecords<T> implements VersionedRecords<T> {
	readonly #records: Map<string, { json: string; version: number }>;

	constructor(records: Map<string, { json: string; version: number }>) {
		this.#records = records;
	}

	async get(key: string): Promise<{ value: T; version: number } | undefined> {
		const record = this.#records.get(key);
		return record && { value: JSON.parse(record.json) as T, version: record.version };
	}

	async put(key: string, value: T, version: number | undefined): Promise<number | undefined> {
		const json = toJson(value);
		const current = this.#records.get(key);
		if (version === undefined ? current !== undefined : !isVersion(version) || current?.version !== version)
			return undefined;
		const next = (current?.version ?? 0) + 1;
		this.#records.set(key, { json, version: next });
		return next;
	}

	async *keys(): AsyncIterable<string> {
		yield* [...this.#records.keys()];
	}
}

/** `memory://`: Maps that go with the process (tests). */
export function openMemoryStore(logger: Logger, now: Clock = systemClock): Store {
	const namespaces = new Map<string, Map<string, unknown>>();
	const versioned = new Map<string, Map<string, { json: string; version: number }>>();
	return {
		kind: "memory",
		shared: false,
		openNamespace<T>(namespace: string): Keyv<T> {
			// A namespace opened twice is one set of records, as in every other store.
			let records = namespaces.get(namespace);
			if (!records) namespaces.set(namespace, (records = new Map()));
			return namespaceKeyv<T>(records, namespace, logger);
		},
		claims: new MemoryClaims(now),
		versioned<T>(namespace: string): VersionedRecords<T> {
			let records = versioned.get(namespace);
			if (!records) versioned.set(namespace, (records = new Map()));
			return new MemoryVersionedRecords<T>(records);
		},
		async close() {},
	};
}
