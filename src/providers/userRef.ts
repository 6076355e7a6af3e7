import { createHmac } from "node:crypto";
import type Keyv from "keyv";
import { loadSecret } from "../store/secret.js";

/**
 * Providers that attribute usage per end user get a keyed hash of the Discord user id: stable
 * for one bot, meaningless elsewhere, never the id itself.
 */
export async function loadUserRef(meta: Keyv<string>): Promise<(userId: string) => string> {
	const key = await loadSecret(meta, "user-ref-secret");
	return (userId) => createHmac("sha256", key).update(userId).digest("base64url").slice(0, 32);
}
