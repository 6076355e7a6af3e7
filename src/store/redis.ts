import KeyvRedis, { createClient } from "@keyv/redis";
import type { KeyvStoreAdapter } from "keyv";
import type { Logger } from "../logger.js";
import {
	type Claims,
	CLAIMS_NAME,
	holdMs,
	isVersion,
	toJson,
	VERSIONED_NAME,
	type VersionedRecords,
} from "./claims.js";
import { namespaceKeyv, type Store } from "./store.js";

type RedisClient = ReturnType<typeof createClient>;

/** Events a KeyvRedis adapter listens to on its client (to re-emit them as its own). */
const ADAPTER_EVENTS = ["error", "connect", "disconnect", "reconnecting"] as const;

/** SET NX takes a free (or expired: Redis dropped it) key; the owner's own hold is renewed. */
const TAKE = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
if redis.call('GET', KEYS[1]) == ARGV[1] then
	redis.call('PEXPIRE', KEYS[1], ARGV[2])
	return 1
end
return 0`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 0`;

/** ARGV: the value (JSON), the version it must still have ('' when it must not exist yet). */
const PUT = `
local current = redis.call('HGET', KEYS[1], 'version')
if ARGV[2] == '' then
	if current then return false end
elseif current ~= ARGV[2] then
	return false
end
local version = (tonumber(current) or 0) + 1
redis.call('HSET', KEYS[1], 'value', ARGV[1], 'version', version)
return version`;

/**
 * `redis://` and `rediss://`: one client per store, shared by every namespace's adapter (Keyv
 * writes its namespace onto the adapter, so each namespace needs one). Keys are
 * `<namespace>:<key>` holding Keyv's JSON, as the SQL stores have them. Commands made while the
 * connection is down wait for it to come back.
 */
export function openRedisStore(url: string, logger: Logger): Store {
	const client: RedisClient = createClient({
		url,
		socket: { reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000) },
	});
	// The client reports every failed reconnect; one line when the connection goes and one when it
	// is back say as much.
	let down = false;
	client.on("error", (error: unknown) => {
		if (down) return;
		down = true;
		logger.error({ err: error, store: "redis" }, "store connection lost");
	});
	client.on("ready", () => {
		if (!down) return;
		down = false;
		logger.info({ store: "redis" }, "store connection back");
	});
	// Settles once connected (it retries until then) or when the store is closed first.
	void client.connect().catch(() => undefined);

	const adapter = (): KeyvRedis<unknown> => {
		const before = new Map(ADAPTER_EVENTS.map((event) => [event, new Set(client.listeners(event))]));
		const made = new KeyvRedis<unknown>(client, { keyPrefixSeparator: ":", throwOnErrors: true });
		// Each adapter would add its listeners to the shared client: a dropped connection would
		// then be logged once per namespace, and the listeners would pile up past Node's warning.
		for (const event of ADAPTER_EVENTS)
			for (const listener of client.listeners(event))
				if (!before.get(event)?.has(listener)) client.off(event, listener as (...args: unknown[]) => void);
		return made;
	};

	return {
		kind: "redis",
		shared: true,
		openNamespace: <T>(namespace: string) =>
			// The adapter prefixes keys with its namespace itself, so Keyv must not add another.
			namespaceKeyv<T>(adapter() as unknown as KeyvStoreAdapter, namespace, logger, { useKeyPrefix: false }),
		claims: redisClaims(client),
		versioned: <T>(namespace: string) => redisVersioned<T>(client, namespace),
		async close() {
			if (client.isReady) await client.close();
			else if (client.isOpen) client.destroy();
		},
	};
}

/** Each step is one script, which Redis runs with nothing in between; expiry is the server's. */
function redisClaims(client: RedisClient): Claims {
	const key = (name: string) => `${CLAIMS_NAME}:${name}`;
	return {
		async take(name, owner, ttlMs) {
			const ms = String(holdMs(ttlMs));
			return (await client.eval(TAKE, { keys: [key(name)], arguments: [owner, ms] })) === 1;
		},
		async release(name, owner) {
			await client.eval(RELEASE, { keys: [key(name)], arguments: [owner] });
		},
	};
}

function redisVersioned<T>(client: RedisClient, namespace: string): VersionedRecords<T> {
	const key = (name: string) => `${VERSIONED_NAME}:${namespace}:${name}`;
	return {
		async get(name) {
			const [value, version] = await client.hmGet(key(name), ["value", "version"]);
			if (value == null || version == null) return undefined;
			return { value: JSON.parse(String(value)) as T, version: Number(version) };
		},
		async put(name, value, version) {
			const json = toJson(value);
			if (version !== undefined && !isVersion(version)) return undefined;
			const written = await client.eval(PUT, {
				keys: [key(name)],
				arguments: [json, version === undefined ? "" : String(version)],
			});
			return typeof written === "number" ? written : undefined;
		},
		async *keys() {
			const prefix = key("");
			for await (const batch of client.scanIterator({ MATCH: `${escapeGlob(prefix)}*`, COUNT: 500 }))
				for (const found of Array.isArray(batch) ? batch : [batch]) yield String(found).slice(prefix.length);
		},
	};
}

/** A literal for Redis's MATCH pattern: namespaces and keys may hold its special characters. */
function escapeGlob(text: string): string {
	return text.replace(/[*?[\]\\]/g, "\\$&");
}
