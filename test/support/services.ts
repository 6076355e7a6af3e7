import { randomBytes } from "node:crypto";
import { createClient } from "@keyv/redis";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";

/**
 * The Redis and PostgreSQL servers of this machine (scripts/start-services.sh starts them), for
 * the tests of the stores that use them. Only loopback is ever reached. A server that does not
 * answer makes its tests skip, with the reason printed once, never fail.
 */
const REDIS_URL = "redis://127.0.0.1:6379";
const POSTGRES_ADDRESS = "127.0.0.1:5432";
const POSTGRES_DATABASE = "test";
/** Trust auth: whichever of these roles exists. */
const POSTGRES_USERS = ["postgres", "root"];

/**
 * Redis database 0 only holds the marks that say which database a test file is using; files take
 * one of 1–15 (Redis has 16 unless configured otherwise), so files running at once, even from two
 * checkouts, never flush each other's data.
 */
const REDIS_DATABASES = Array.from({ length: 15 }, (_, index) => index + 1);
const REDIS_MARK_MS = 120_000;

export interface Service {
	readonly available: boolean;
	/** Why the service cannot be used (empty when it can). */
	readonly reason: string;
}

const notes = new Set<string>();
function noteOnce(reason: string): void {
	if (notes.has(reason)) return;
	notes.add(reason);
	process.stderr.write(`note: ${reason}; those tests are skipped (scripts/start-services.sh starts it)\n`);
}

function unavailable(reason: string): Service {
	noteOnce(reason);
	return { available: false, reason };
}

const messageOf = (error: unknown): string =>
	error instanceof AggregateError
		? error.errors.map(messageOf).join(", ")
		: error instanceof Error
			? error.message
			: String(error);

/** A client that tries once and gives up, so a missing server costs one refused connection. */
async function redisClient(database = 0) {
	const client = createClient({
		url: `${REDIS_URL}/${database}`,
		socket: { reconnectStrategy: false, connectTimeout: 2_000 },
	});
	client.on("error", () => undefined);
	await client.connect();
	return client;
}

type RedisClient = Awaited<ReturnType<typeof redisClient>>;

async function probeRedis(): Promise<Service> {
	try {
		const client = await redisClient();
		try {
			await client.ping();
		} finally {
			client.destroy();
		}
		return { available: true, reason: "" };
	} catch (error) {
		return unavailable(`Redis is not answering on ${REDIS_URL} (${messageOf(error)})`);
	}
}

let postgresUser: string | undefined;
const postgresUrl = (user: string) => `postgres://${user}@${POSTGRES_ADDRESS}/${POSTGRES_DATABASE}`;

async function postgresClient(user: string): Promise<pg.Client> {
	const client = new pg.Client({ connectionString: postgresUrl(user), connectionTimeoutMillis: 2_000 });
	client.on("error", () => undefined);
	try {
		await client.connect();
	} catch (error) {
		await client.end().catch(() => undefined);
		throw error;
	}
	return client;
}

async function probePostgres(): Promise<Service> {
	const failures: string[] = [];
	for (const user of POSTGRES_USERS) {
		try {
			const client = await postgresClient(user);
			await client.end();
			postgresUser = user;
			return { available: true, reason: "" };
		} catch (error) {
			failures.push(`${user}: ${messageOf(error)}`);
		}
	}
	return unavailable(
		`PostgreSQL is not answering on ${POSTGRES_ADDRESS} with database ${POSTGRES_DATABASE} (${failures.join("; ")})`,
	);
}

export const redis: Service = await probeRedis();
export const postgres: Service = await probePostgres();

/** The suite's name, with the reason when it is skipped: the report then says why. */
export function suiteName(name: string, service: Service): string {
	return service.available ? name : `${name} (skipped: ${service.reason})`;
}

export interface Isolated {
	/** The STORE_URL of the running test. */
	readonly url: string;
}

/**
 * Call inside a `describe.skipIf(!redis.available)`: the file gets a Redis database of its own,
 * empty when each test starts and emptied when it ends.
 */
export function useRedis(): Isolated {
	let admin: RedisClient | undefined;
	let marks: RedisClient | undefined;
	let database: number | undefined;
	const mark = `luma-test:${process.pid}:${randomBytes(6).toString("hex")}`;
	const markKey = (db: number) => `luma-test:database:${db}`;

	beforeAll(async () => {
		marks = await redisClient(0);
		for (const db of REDIS_DATABASES) {
			if (
				(await marks.set(markKey(db), mark, {
					condition: "NX",
					expiration: { type: "PX", value: REDIS_MARK_MS },
				})) === "OK"
			) {
				database = db;
				break;
			}
		}
		if (database === undefined) throw new Error("every Redis test database (1–15) is in use");
		admin = await redisClient(database);
	});
	beforeEach(async () => {
		await admin?.flushDb();
		// A long file keeps its database.
		if (database !== undefined) await marks?.pExpire(markKey(database), REDIS_MARK_MS);
	});
	afterEach(async () => {
		await admin?.flushDb();
	});
	afterAll(async () => {
		admin?.destroy();
		if (marks && database !== undefined && (await marks.get(markKey(database))) === mark)
			await marks.del(markKey(database));
		marks?.destroy();
	});
	return {
		get url() {
			if (database === undefined) throw new Error("the Redis database is chosen before the tests run");
			return `${REDIS_URL}/${database}`;
		},
	};
}

/**
 * Call inside a `describe.skipIf(!postgres.available)`: each test gets a schema of its own
 * (`?schema=`), dropped with everything in it when the test ends. Stores must be closed by then.
 */
export function usePostgres(): Isolated {
	let admin: pg.Client | undefined;
	let schema: string | undefined;

	beforeAll(async () => {
		admin = await postgresClient(postgresUser ?? POSTGRES_USERS[0]!);
	});
	beforeEach(() => {
		schema = `luma_test_${randomBytes(8).toString("hex")}`;
	});
	afterEach(async () => {
		if (schema) await admin?.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
		schema = undefined;
	});
	afterAll(async () => {
		await admin?.end();
	});
	return {
		get url() {
			if (!schema || !postgresUser) throw new Error("the schema is chosen when a test starts");
			return `${postgresUrl(postgresUser)}?schema=${schema}`;
		},
	};
}
