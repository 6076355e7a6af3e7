import { createHash, randomUUID } from "node:crypto";
import type { Claims } from "../store/claims.js";

/** How long the same request from the same member counts as a repeat of the first one. */
export const REPEAT_WINDOW_MS = 10_000;

/** A request being held as the first of its kind; `release` lets a retry through at once. */
export interface RepeatHold {
	release(): Promise<void>;
	/** Keeps the hold for the rest of the window, then lets it go. */
	keep(): void;
}

/**
 * Holds what a request asks for, for a few seconds, in the store's claims: a second identical
 * request in that time (a double submit) is told apart from the first, across processes and
 * restarts, since a claim is taken atomically by one of them.
 */
export class RepeatGuard {
	readonly #claims: Claims;
	readonly #windowMs: number;

	constructor(claims: Claims, windowMs = REPEAT_WINDOW_MS) {
		this.#claims = claims;
		this.#windowMs = windowMs;
	}

	/** Holds `request` (its parts, in order) for the window; undefined when another request holds it. */
	async hold(request: readonly string[]): Promise<RepeatHold | undefined> {
		const key = `repeat:${createHash("sha256").update(JSON.stringify(request)).digest("base64url")}`;
		// An owner of its own: the same process asking again must not renew the first hold.
		const owner = randomUUID();
		if (!(await this.#claims.take(key, owner, this.#windowMs))) return undefined;
		const release = async () => {
			await this.#claims.release(key, owner);
		};
		return {
			release,
			keep: () => {
				// Released once it has expired, so stores without expiry keep no row for it; a store
				// closed by then (a shutdown) keeps it, expired, which changes nothing.
				setTimeout(() => void release().catch(() => undefined), this.#windowMs).unref();
			},
		};
	}
}
