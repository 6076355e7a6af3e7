import type { Logger } from "../logger.js";
import { openMemoryStore } from "./memory.js";
import { openPostgresStore } from "./postgres.js";
import { openRedisStore } from "./redis.js";
import { openSqliteStore } from "./sqlite.js";
import type { Store } from "./store.js";
import { parseStoreUrl } from "./url.js";

export type { Claims, VersionedRecords } from "./claims.js";
export type { Store } from "./store.js";

/**
 * Opens the store STORE_URL names. Every kind keeps the same records: Keyv's JSON under
 * `<namespace>:<key>`, and the claims and versioned records beside them.
 */
export function createStore(url: string, logger: Logger): Store {
	const location = parseStoreUrl(url);
	switch (location.kind) {
		case "memory":
			return openMemoryStore(logger);
		case "sqlite":
			return openSqliteStore(location.path, logger);
		case "redis":
			return openRedisStore(location.url, logger);
		case "postgres":
			return openPostgresStore(location.url, location.schema, logger);
	}
}
