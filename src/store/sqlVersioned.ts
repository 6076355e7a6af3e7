import { isVersion, toJson, type VersionedRecords } from "./claims.js";

/** A statement with numbered parameters ($1 in PostgreSQL, ?1 in SQLite), and its rows. */
export type NumberedQuery = (sql: string, values: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * Versioned records in a SQL table (namespace, key, value, version), the same statements on
 * PostgreSQL and SQLite. A put of an existing record is an UPDATE that matches only the version
 * read: a row locked by a concurrent writer is checked again once that writer commits, so one of
 * them wins and the other updates nothing. (An upsert would insert a record deleted meanwhile.)
 * A first put inserts, and loses to a record inserted meanwhile.
 */
export function sqlVersioned<T>(
	query: NumberedQuery,
	table: string,
	namespace: string,
	param: (n: number) => string,
): VersionedRecords<T> {
	const [p1, p2, p3, p4] = [1, 2, 3, 4].map(param);
	return {
		async get(key) {
			const [row] = await query(
				`SELECT value, version FROM ${table} WHERE namespace = ${p1} AND key = ${p2}`,
				[namespace, key],
			);
			return row && { value: JSON.parse(String(row.value)) as T, version: Number(row.version) };
		},
		async put(key, value, version) {
			const json = toJson(value);
			if (version !== undefined && !isVersion(version)) return undefined;
			const rows =
				version === undefined
					? await query(
							`INSERT INTO ${table} (namespace, key, value, version) VALUES (${p1}, ${p2}, ${p3}, 1)
							ON CONFLICT DO NOTHING RETURNING version`,
							[namespace, key, json],
						)
					: await query(
							`UPDATE ${table} SET value = ${p3}, version = version + 1
							WHERE namespace = ${p1} AND key = ${p2} AND version = ${p4} RETURNING version`,
							[namespace, key, json, version],
						);
			const [row] = rows;
			return row ? Number(row.version) : undefined;
		},
		async *keys() {
			const rows = await query(`SELECT key FROM ${table} WHERE namespace = ${p1}`, [namespace]);
			for (const row of rows) yield String(row.key);
		},
	};
}
