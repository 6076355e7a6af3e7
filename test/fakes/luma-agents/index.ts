/**
 * A fake Luma Agents API (`agents.lumalabs.ai`) on 127.0.0.1, written from the first-party SDK
 * `lumalabs/luma-agents-typescript` 0.3.0 and docs.agents.lumalabs.ai (providers.md §4b):
 * `POST /v1/generations` (201 + generation), `GET /v1/generations/{id}`, bearer auth, FastAPI-style
 * `{"detail": "…"}` errors, and output links presigned with an expiry (one hour by default).
 */

import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import {
	type BaseTask,
	FakeProviderBase,
	type IncomingCall,
	isObject,
	json,
	type Reply,
} from "../common/base.js";
import type {
	FakeFailure,
	FakeProvider,
	FakeProviderOptions,
	FakeSubmitError,
} from "../common/fakeProvider.js";
import { checkCreate } from "./validate.js";

export interface FakeLumaAgentsOptions extends FakeProviderOptions {
	/** How long a presigned output link stays valid; default one hour, as documented. */
	urlTtlMs?: number;
}

export type FakeLumaAgentsEndpoint = "create" | "get";

/** A verbatim answer for shapes the state machine never produces (or a body that is not JSON). */
export interface FakeRawReply {
	/** Default 200. */
	status?: number;
	/** A string is sent as is; anything else as JSON. */
	body: unknown;
	headers?: Record<string, string>;
	/** Default `application/json`. */
	contentType?: string;
	/** How many requests get it; default 1. */
	times?: number;
}

const STATES = { queued: "queued", running: "processing", completed: "completed", failed: "failed" } as const;

/** Failures in the API's own words (SDK `GenerationFailureCode`, docs' error-handling guide). */
const FAILURES: Readonly<Record<FakeFailure, { failure_code: string; failure_reason: string }>> = {
	moderated: {
		failure_code: "content_moderated",
		failure_reason: "Prompt or input image violated content guidelines",
	},
	no_credits: { failure_code: "budget_exhausted", failure_reason: "Ran out of funds mid-generation" },
	failed: { failure_code: "generation_failed", failure_reason: "Internal model error during generation" },
};

const RATE_LIMIT_HEADERS = { "retry-after": "7", "x-ratelimit-limit": "30" };
const detail = (status: number, text: string, headers?: Record<string, string>) =>
	json(status, { detail: text }, headers);

export class FakeLumaAgents extends FakeProviderBase<BaseTask> implements FakeProvider {
	readonly name = "luma-agents";
	readonly #ttlMs: number;
	readonly #secret = randomBytes(32);
	readonly #raw: Record<FakeLumaAgentsEndpoint, { reply: Reply; remaining: number }[]> = {
		create: [],
		get: [],
	};
	#queryDelayMs = 0;
	#inFlight = 0;
	#peakInFlight = 0;

	constructor(options: FakeLumaAgentsOptions = {}) {
		super(options);
		this.#ttlMs = options.urlTtlMs ?? 60 * 60 * 1000;
	}

	/** The origin: the documented paths all start with `/v1`, which the adapter adds itself. */
	get baseUrl(): string {
		return this.origin;
	}

	/** The next `times` requests to the endpoint get this answer verbatim. */
	injectRaw(endpoint: FakeLumaAgentsEndpoint, raw: FakeRawReply): void {
		const body = typeof raw.body === "string" ? raw.body : JSON.stringify(raw.body);
		const reply: Reply = {
			status: raw.status ?? 200,
			body,
			contentType: raw.contentType ?? "application/json",
			...(raw.headers && { headers: raw.headers }),
		};
		this.#raw[endpoint].push({ reply, remaining: raw.times ?? 1 });
	}

	/** Delay before each status answer, to observe how many reads run at once. */
	setQueryDelay(ms: number): void {
		this.#queryDelayMs = ms;
	}

	/** The most status reads that were in flight at the same time. */
	peakConcurrentQueries(): number {
		return this.#peakInFlight;
	}

	protected route(call: IncomingCall): Reply | undefined | Promise<Reply | undefined> {
		if (call.path === "/v1/generations" && call.method === "POST") return this.#create(call);
		const id = /^\/v1\/generations\/([^/]+)$/.exec(call.path)?.[1];
		if (id !== undefined && call.method === "GET") return this.#get(decodeURIComponent(id));
		return undefined;
	}

	protected submitErrorReply(error: FakeSubmitError): Reply {
		switch (error) {
			case "invalid_key":
				return this.authErrorReply();
			case "no_credits":
				return detail(402, "Insufficient balance");
			case "rate_limited":
				return detail(429, "Rate limit exceeded: 30 requests per minute", RATE_LIMIT_HEADERS);
			case "unavailable":
				return detail(503, "Image ingestion unavailable");
			case "server_error":
				return detail(500, "Internal server error");
			case "moderated":
				return detail(400, FAILURES.moderated.failure_reason);
		}
	}

	protected queryErrorReply(status: number): Reply {
		if (status === 429) return detail(429, "Rate limit exceeded", RATE_LIMIT_HEADERS);
		return detail(status, status === 503 ? "Service unavailable" : "Internal server error");
	}

	protected authErrorReply(): Reply {
		return detail(401, "Invalid or missing API key");
	}

	protected override notFoundReply(): Reply {
		return detail(404, "Not Found");
	}

	/** A presigned link, new on every read, like the API's one-hour output URLs. */
	protected override videoUrl(task: BaseTask): string {
		const expires = Date.now() + this.#ttlMs;
		return `${this.origin}/files/${task.id}.mp4?expires=${expires}&sig=${this.#sign(task.id, expires)}`;
	}

	/** Serves a file only with a valid, unexpired signature (403 otherwise, as object stores do). */
	protected override serveFile(call: IncomingCall): Reply {
		const id = /^\/files\/([^/]+)\.mp4$/.exec(call.path)?.[1] ?? "";
		const expires = Number(call.query.get("expires"));
		const given = Buffer.from(call.query.get("sig") ?? "");
		const expected = Buffer.from(this.#sign(id, expires));
		if (!Number.isFinite(expires) || given.length !== expected.length || !timingSafeEqual(given, expected)) {
			return denied("SignatureDoesNotMatch", "The request signature does not match");
		}
		if (Date.now() > expires) return denied("AccessDenied", "Request has expired");
		return super.serveFile(call);
	}

	#sign(id: string, expires: number): string {
		return createHmac("sha256", this.#secret).update(`${id}.${expires}`).digest("hex");
	}

	#takeRaw(endpoint: FakeLumaAgentsEndpoint): Reply | undefined {
		const queue = this.#raw[endpoint];
		const first = queue[0];
		if (first && --first.remaining <= 0) queue.shift();
		return first?.reply;
	}

	#refuse(status: number, text: string): Reply {
		this.violation(`POST /v1/generations: ${text}`);
		return detail(status, text);
	}

	#create(call: IncomingCall): Reply {
		const submission = this.recordSubmission(call);
		const injected = this.#takeRaw("create") ?? this.takeSubmitError();
		if (injected) return injected;
		const contentType = call.headers["content-type"] ?? "";
		if (!contentType.startsWith("application/json")) {
			return this.#refuse(422, `content type must be application/json, got ${contentType || "none"}`);
		}
		if (!isObject(call.json)) return this.#refuse(422, "body must be a JSON object");
		const refusal = checkCreate(call.json, (id) => this.tasks.get(id)?.phase === "completed");
		if (refusal) return this.#refuse(refusal.status, refusal.detail);
		const task = this.addTask({ id: randomUUID(), phase: "queued", createdAt: Date.now(), submission });
		return json(201, this.#generation(task), {
			"x-ratelimit-limit": RATE_LIMIT_HEADERS["x-ratelimit-limit"],
		});
	}

	async #get(id: string): Promise<Reply> {
		this.#inFlight++;
		this.#peakInFlight = Math.max(this.#peakInFlight, this.#inFlight);
		try {
			if (this.#queryDelayMs > 0) {
				await new Promise<void>((resolve) => setTimeout(resolve, this.#queryDelayMs).unref());
			}
			const injected = this.countQuery() ?? this.#takeRaw("get");
			if (injected) return injected;
			const task = this.tasks.get(id);
			return task ? json(200, this.#generation(task)) : detail(404, "Generation not found");
		} finally {
			this.#inFlight--;
		}
	}

	/** The SDK's `Generation`: failure fields only when failed, `output` only when completed. */
	#generation(task: BaseTask): Record<string, unknown> {
		const generation: Record<string, unknown> = {
			id: task.id,
			created_at: new Date(task.createdAt).toISOString(),
			model: "ray-3.2",
			type: "video",
			state: STATES[task.phase],
		};
		if (task.phase === "failed") Object.assign(generation, FAILURES[task.failure ?? "failed"]);
		if (task.phase === "completed") generation.output = [{ type: "video", url: this.videoUrl(task) }];
		return generation;
	}
}

function denied(code: string, message: string): Reply {
	return {
		status: 403,
		body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
		contentType: "application/xml",
	};
}

export async function startFakeLumaAgents(options: FakeLumaAgentsOptions = {}): Promise<FakeLumaAgents> {
	const fake = new FakeLumaAgents(options);
	await fake.listen();
	return fake;
}
