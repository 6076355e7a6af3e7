import { createHmac, randomBytes } from "node:crypto";
import type Keyv from "keyv";

const SECRET_KEY = "user-ref-secret";

/**
 * Providers that attribute usage per end user get a keyed hash of the Discord user id: stable
 * for one bot, meaningless elsewhere, never the id itself. The key is made once and kept in the
 * store, so nothing needs configuring.
 */
export async function loadUserRef(meta: Keyv<string>): Promise<(userId: string) => string> {
	let secret = await meta.get(SECRET_KEY);
	if (!secret) {
		secret = randomBytes(32).toString("base64url");
		await meta.set(SECRET_KEY, secret);
	}
	const key = secret;
	return (userId) => createHmac("sha256", key).update(userId).digest("base64url").slice(0, 32);
}
