import { randomBytes } from "node:crypto";
import type Keyv from "keyv";

/**
 * A random secret made on first use and kept in the store, so keyed hashes and callback tokens
 * stay valid across restarts (and across processes sharing the store) with nothing to configure.
 */
export async function loadSecret(meta: Keyv<string>, key: string): Promise<string> {
	const existing = await meta.get(key);
	if (existing) return existing;
	const secret = randomBytes(32).toString("base64url");
	await meta.set(key, secret);
	return secret;
}
