import type Keyv from "keyv";
import type { VersionedRecords } from "../store/claims.js";

/**
 * Where guilds' usage records live. With several processes on one store, each write names the
 * version it was based on and fails when another process wrote in between, so no count is lost
 * and no limit is overspent; alone on the store, the guild's lock already keeps writes in order.
 */
export interface UsageRecords {
	get(guildId: string): Promise<{ value: unknown; version: number } | undefined>;
	/** The new version, or `undefined` when the stored version is no longer `version`. */
	put(guildId: string, value: unknown, version: number | undefined): Promise<number | undefined>;
	guildIds(): AsyncIterable<string>;
}

/** One process's records in a Keyv namespace: every write succeeds. */
export function keyvUsageRecords(keyv: Keyv<unknown>): UsageRecords {
	return {
		async get(guildId) {
			const value = await keyv.get(guildId);
			return value === undefined ? undefined : { value, version: 1 };
		},
		async put(guildId, value) {
			await keyv.set(guildId, value);
			return 1;
		},
		async *guildIds() {
			if (!keyv.iterator) throw new Error("the store cannot list keys");
			for await (const [key] of keyv.iterator(undefined)) yield String(key);
		},
	};
}

/** Records several processes share, written with compare-and-set. */
export function sharedUsageRecords(records: VersionedRecords<unknown>): UsageRecords {
	return {
		get: (guildId) => records.get(guildId),
		put: (guildId, value, version) => records.put(guildId, value, version),
		guildIds: () => records.keys(),
	};
}
