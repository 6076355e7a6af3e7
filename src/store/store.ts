import Keyv, { type KeyvStoreAdapter } from "keyv";
import type { Logger } from "../logger.js";
import type { Claims, VersionedRecords } from "./claims.js";

/** The persistent store: one Keyv per feature namespace (jobs, settings, usage, ...). */
export interface Store {
	readonly kind: "memory" | "sqlite" | "redis" | "postgres";
	/** True when several processes may share this store (redis, postgres). */
	readonly shared: boolean;
	openNamespace<T>(namespace: string): Keyv<T>;
	readonly claims: Claims;
	versioned<T>(namespace: string): VersionedRecords<T>;
	close(): Promise<void>;
}

/**
 * A namespace's Keyv over its own adapter, with store errors logged. `useKeyPrefix: false` is for
 * adapters that prefix keys with the namespace themselves (Redis), so keys are `<namespace>:<key>`
 * in every store.
 */
export function namespaceKeyv<T>(
	adapter: KeyvStoreAdapter | Map<string, unknown>,
	namespace: string,
	logger: Logger,
	options: { useKeyPrefix?: boolean } = {},
): Keyv<T> {
	const keyv = new Keyv<T>({ store: adapter, namespace, ...options });
	keyv.on("error", (error: unknown) => logger.error({ err: error, namespace }, "store error"));
	return keyv;
}
