import KeyvPostgres from "@keyv/postgres";
import type { KeyvStoreAdapter } from "keyv";
import pg from "pg";
import type { Logger } from "../logger.js";
import { type Claims, CLAIMS_NAME, holdMs, VERSIONED_NAME } from "./claims.js";
import { sqlVersioned } from "./sqlVersioned.js";
import { namespaceKeyv, type Store } from "./store.js";

type Query = (sql: string, values?: unknown[]) => Promise<Record<string, unknown>[]>;

/** Codes of a CREATE … IF NOT EXISTS that lost a race with the same statement in another process. */
const CREATED_MEANWHILE = new Set(["23505", "42P06", "42P07", "42710"]);

/**
 * `postgres://` and `postgresql://`: one connection pool per store, shared by every namespace's
 * adapter, with Keyv's table (`keyv`) and the primitives' tables in `schema`.
 *
 * The adapter keeps one pool for the whole module, replaced when another URL comes along and
 * ended by whichever adapter disconnects first, so two stores in one process would close each
 * other's connections. Each store's adapters are given its own pool instead.
 */
export function openPostgresStore(url: string, schema: string, logger: Logger): Store {
	const pool = new pg.Pool({ connectionString: url });
	// An idle connection that breaks (the server restarted) is replaced on the next query; without
	// a listener its error would end the process.
	pool.on("error", (error) => logger.error({ err: error, store: "postgres" }, "store connection lost"));

	const table = (name: string) => `${pg.escapeIdentifier(schema)}.${name}`;
	let tables: Promise<void> | undefined;
	const createTables = async (): Promise<void> => {
		const statements = [
			`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(schema)}`,
			`CREATE TABLE IF NOT EXISTS ${table("keyv")} (key VARCHAR(255) PRIMARY KEY, value TEXT)`,
			`CREATE TABLE IF NOT EXISTS ${table(CLAIMS_NAME)} (key TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at TIMESTAMPTZ NOT NULL)`,
			`CREATE TABLE IF NOT EXISTS ${table(VERSIONED_NAME)} (namespace TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, version BIGINT NOT NULL, PRIMARY KEY (namespace, key))`,
		];
		for (const statement of statements) {
			try {
				await pool.query(statement);
			} catch (error) {
				if (!CREATED_MEANWHILE.has(String((error as { code?: unknown }).code))) throw error;
			}
		}
	};
	// Made on the first query rather than at open, so opening never fails; tried again after a failure.
	const query: Query = async (sql, values) => {
		tables ??= createTables().catch((error: unknown) => {
			tables = undefined;
			throw error;
		});
		await tables;
		return (await pool.query(sql, values)).rows as Record<string, unknown>[];
	};

	class SharedPoolAdapter extends KeyvPostgres {
		// Called by the adapter's constructor; its own CREATE TABLE then finds the table made.
		override async connect() {
			return query;
		}
		// The store ends the pool once, when it closes.
		override async disconnect() {}
	}

	return {
		kind: "postgres",
		shared: true,
		openNamespace: <T>(namespace: string) =>
			namespaceKeyv<T>(
				// A start lists the active jobs: pages of 500 keys instead of the adapter's 10.
				new SharedPoolAdapter({ schema, iterationLimit: 500 }) as unknown as KeyvStoreAdapter,
				namespace,
				logger,
			),
		claims: postgresClaims(query, table(CLAIMS_NAME)),
		versioned: <T>(namespace: string) =>
			sqlVersioned<T>(query, table(VERSIONED_NAME), namespace, (n) => `$${n}`),
		async close() {
			await pool.end();
		},
	};
}

/** One statement each; expiry is the server's clock. */
function postgresClaims(query: Query, claims: string): Claims {
	return {
		async take(key, owner, ttlMs) {
			const ms = holdMs(ttlMs);
			const rows = await query(
				`INSERT INTO ${claims} AS c (key, owner, expires_at)
				VALUES ($1, $2, clock_timestamp() + $3 * interval '1 millisecond')
				ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
				WHERE c.expires_at <= clock_timestamp() OR c.owner = excluded.owner
				RETURNING owner`,
				[key, owner, ms],
			);
			return rows.length === 1;
		},
		async release(key, owner) {
			await query(`DELETE FROM ${claims} WHERE key = $1 AND owner = $2`, [key, owner]);
		},
	};
}
