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
 * read it back, so namespaces cannot share one adapter. They do share one connection: with a
 * connection each, a burst of writes to several namespaces made SQLite's writers wait on each
 * other's file lock in its busy handler, sleeping on the threads that file I/O needs too. One
 * connection runs its statements one after another and never waits on a lock of its own.
 */
export function createStore(url: string, logger: Logger): Store {
	const adapters: KeyvSqlite[] = [];
	const sqlitePath = url === "memory://" ? undefined : resolve(url.slice("sqlite://".length));
	if (sqlitePath) mkdirSync(dirname(sqlitePath), { recursive: true });
	let connection: KeyvSqlite | undefined;

	const sqliteAdapter = (path: string): KeyvSqlite => {
		// busyTimeout: another process (a backup, the sqlite3 shell) may hold the file briefly.
		const adapter = new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: 10_000 });
		if (!connection) {
			// WAL with NORMAL sync: a commit survives the process being killed (only a power loss
			// can drop the last ones) and costs no fsync, which keeps replies fast under load.
			void adapter.query("PRAGMA journal_mode=WAL").catch(() => undefined);
			void adapter.query("PRAGMA synchronous=NORMAL").catch(() => undefined);
			connection = adapter;
			adapters.push(adapter);
			return adapter;
		}
		// The adapter opened a connection of its own (and made sure its table exists): close it
		// and send its statements through the first one.
		void adapter.close().catch(() => undefined);
		adapter.query = connection.query;
		adapter.close = async () => undefined;
		return adapter;
	};

	return {
		openNamespace<T>(namespace: string): Keyv<T> {
			const store: KeyvStoreAdapter | Map<string, unknown> = sqlitePath
				? (sqliteAdapter(sqlitePath) as unknown as KeyvStoreAdapter)
				: new Map();
			const keyv = new Keyv<T>({ store, namespace });
			keyv.on("error", (error: unknown) => logger.error({ err: error, namespace }, "store error"));
			return keyv;
		},
		async close() {
			await Promise.all(adapters.map((adapter) => adapter.disconnect()));
		},
	};
}
