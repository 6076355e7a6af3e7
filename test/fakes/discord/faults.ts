import { createHash } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { FaultShape } from "../common/faults.js";

const DEFAULT_RETRY_AFTER_S = 0.25;

/**
 * Discord's answer for an injected status: its JSON error, and for a 429 the rate limit body
 * (`message`, `retry_after`, `global: false`) with the headers a per-route limit carries. The
 * bucket is one per method and route, ids left out, as Discord's buckets are.
 */
export const discordFaultShape: FaultShape = (fault, { method, path }) => {
	if (fault.status !== 429)
		return { body: { message: `${fault.status}: ${STATUS_CODES[fault.status] ?? "Error"}`, code: 0 } };
	const retryAfter = fault.retryAfter ?? DEFAULT_RETRY_AFTER_S;
	const template = path
		.replace(/\/\d{16,20}/g, "/:id")
		.replace(/\/(webhooks|interactions)\/:id\/[^/]+/, "/$1/:id/:token");
	const route = `${method} ${template}`;
	return {
		body: { message: "You are being rate limited.", retry_after: retryAfter, global: false },
		headers: {
			"retry-after": String(retryAfter),
			"x-ratelimit-limit": "5",
			"x-ratelimit-remaining": "0",
			"x-ratelimit-reset": ((Date.now() + retryAfter * 1000) / 1000).toFixed(3),
			"x-ratelimit-reset-after": String(retryAfter),
			"x-ratelimit-bucket": createHash("sha1").update(route).digest("hex").slice(0, 16),
			"x-ratelimit-scope": "user",
		},
	};
};
