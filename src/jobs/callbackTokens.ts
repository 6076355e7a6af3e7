import { createHmac, timingSafeEqual } from "node:crypto";
import type { ProviderName } from "../providers/names.js";

/**
 * Per-job tokens for provider callbacks. Providers sign nothing (AceDataCloud and Luma both
 * document unsigned callbacks), so the URL itself must be unguessable: an HMAC of the job id under
 * a secret kept in the store.
 */
export class CallbackTokens {
	readonly #secret: string;

	constructor(secret: string) {
		this.#secret = secret;
	}

	tokenFor(jobId: string): string {
		return createHmac("sha256", this.#secret).update(`callback:${jobId}`).digest("base64url");
	}

	verify(jobId: string, token: string): boolean {
		const expected = Buffer.from(this.tokenFor(jobId));
		const given = Buffer.from(token);
		return given.length === expected.length && timingSafeEqual(given, expected);
	}

	/** The address a provider posts this job's updates to. */
	urlFor(publicUrl: string, provider: ProviderName, jobId: string): string {
		return `${publicUrl}/callbacks/${provider}/${jobId}/${this.tokenFor(jobId)}`;
	}
}
