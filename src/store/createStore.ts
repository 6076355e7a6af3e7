import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import KeyvSqlite from "@keyv/sqlite";
import Keyv, { type KeyvStoreAdapter } from "keyv";
import type { Logger } from "../logger.js";

/** The persistent store: one Keyv per feature namespace (jobs, settings, usage, ...). */
export interface Store {
	openNamespace<T>(namespace: string): Keyv<T>;
	close(): Promise<void>;
}

/**
 * Keyv writes its namespace onto the adapter and the SQLite adapter's `iterator()` and `clear()`
 * read it back, so namespaces cannot share one adapter: each gets its own connection to the file.
 */
export function createStore(url: string, logger: Logger): Store {
	const adapters: KeyvSqlite[] = [];
	const sqlitePath = url === "memory://" ? undefined : resolve(url.slice("sqlite://".length));
	if (sqlitePath) mkdirSync(dirname(sqlitePath), { recursive: true });

	return {
		openNamespace<T>(namespace: string): Keyv<T> {
			let store: KeyvStoreAdapter | Map<string, unknown> = new Map();
			if (sqlitePath) {
				// busyTimeout: writes from the other namespaces' connections hold the file briefly.
				const adapter = new KeyvSqlite({ uri: `sqlite://${sqlitePath}`, busyTimeout: 10_000 });
				// WAL with NORMAL sync: a commit survives the process being killed (only a power loss
				// can drop the last ones) and costs no fsync, which keeps replies fast under load.
				void adapter.query("PRAGMA journal_mode=WAL").catch(() => undefined);
				void adapter.query("PRAGMA synchronous=NORMAL").catch(() => undefined);
				adapters.push(adapter);
				store = adapter as unknown as KeyvStoreAdapter;
			}
			const keyv = new Keyv<T>({ store, namespace });
			keyv.on("error", (error: unknown) => logger.error({ err: error, namespace }, "store error"));
			return keyv;
		},
		async close() {
			await Promise.all(adapters.map((adapter) => adapter.disconnect()));
		},
	};
}
