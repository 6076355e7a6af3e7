import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import KeyvSqlite from "@keyv/sqlite";
import type { KeyvStoreAdapter } from "keyv";
import { type Clock, systemClock } from "../clock.js";
import type { Logger } from "../logger.js";
import { type Claims, CLAIMS_NAME, holdMs, VERSIONED_NAME } from "./claims.js";
import { sqlVersioned } from "./sqlVersioned.js";
import { namespaceKeyv, type Store } from "./store.js";

type Query = (sql: string, ...parameters: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * Keyv writes its namespace onto the adapter and the SQLite adapter's `iterator()` and `clear()`
 * read it back, so namespaces cannot share one adapter. They do share one connection: with a
 * connection each, a burst of writes to several namespaces made SQLite's writers wait on each
 * other's file lock in its busy handler, sleeping on the threads that file I/O needs too. One
 * connection runs its statements one after another and never waits on a lock of its own.
 */
export function openSqliteStore(file: string, logger: Logger, now: Clock = systemClock): Store {
	const path = resolve(file);
	mkdirSync(dirname(path), { recursive: true });
	let connection: KeyvSqlite | undefined;

	const open = (): KeyvSqlite =>
		// busyTimeout: another process (a backup, the sqlite3 shell) may hold the file briefly.
		new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: 10_000 });

	const shared = (): KeyvSqlite => {
		if (connection) return connection;
		connection = open();
		// WAL with NORMAL sync: a commit survives the process being killed (only a power loss
		// can drop the last ones) and costs no fsync, which keeps replies fast under load.
		void connection.query("PRAGMA journal_mode=WAL").catch(() => undefined);
		void connection.query("PRAGMA synchronous=NORMAL").catch(() => undefined);
		return connection;
	};

	const throwaways: Promise<unknown>[] = [];
	const namespaceAdapter = (): KeyvSqlite => {
		// The first adapter opened is the connection.
		if (!connection) return shared();
		const adapter = open();
		// The adapter opened a connection of its own (and made sure its table exists): close it
		// and send its statements through the shared one. The store's close waits for it, so
		// nothing touches the file after the store is closed.
		throwaways.push(adapter.close().catch(() => undefined));
		adapter.query = shared().query;
		adapter.close = async () => undefined;
		return adapter;
	};

	let tables: Promise<void> | undefined;
	const query: Query = async (sql, ...parameters) => {
		const run = shared().query;
		tables ??= (async () => {
			await run(
				`CREATE TABLE IF NOT EXISTS ${CLAIMS_NAME} (key TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at INTEGER NOT NULL)`,
			);
			await run(
				`CREATE TABLE IF NOT EXISTS ${VERSIONED_NAME} (namespace TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (namespace, key))`,
			);
		})().catch((error: unknown) => {
			tables = undefined;
			throw error;
		});
		await tables;
		return (await run(sql, ...parameters)) as Record<string, unknown>[];
	};

	return {
		kind: "sqlite",
		shared: false,
		openNamespace: <T>(namespace: string) =>
			namespaceKeyv<T>(namespaceAdapter() as unknown as KeyvStoreAdapter, namespace, logger),
		claims: sqliteClaims(query, now),
		versioned: <T>(namespace: string) =>
			sqlVersioned<T>(
				(sql, values) => query(sql, ...values),
				VERSIONED_NAME,
				namespace,
				(n) => `?${n}`,
			),
		async close() {
			await Promise.all(throwaways.splice(0));
			await connection?.disconnect();
		},
	};
}

/** One statement each, on the one connection: nothing can run between the check and the write. */
function sqliteClaims(query: Query, now: Clock): Claims {
	return {
		async take(key, owner, ttlMs) {
			const ms = holdMs(ttlMs);
			const at = now();
			const rows = await query(
				`INSERT INTO ${CLAIMS_NAME} (key, owner, expires_at) VALUES (?, ?, ?)
				ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
				WHERE ${CLAIMS_NAME}.expires_at <= ? OR ${CLAIMS_NAME}.owner = excluded.owner
				RETURNING owner`,
				key,
				owner,
				at + ms,
				at,
			);
			return rows.length === 1;
		},
		async release(key, owner) {
			await query(`DELETE FROM ${CLAIMS_NAME} WHERE key = ? AND owner = ?`, key, owner);
		},
	};
}
