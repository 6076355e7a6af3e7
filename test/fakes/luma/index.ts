/**
 * A fake official Luma Dream Machine API on 127.0.0.1 (providers.md §4): bearer auth,
 * `POST /generations/video` (answered 201 with a Generation), `GET /generations/{id}`,
 * `GET /generations?limit&offset`, FastAPI-style error bodies [I], the Build tier's
 * 20 creates a minute (§4.5), callbacks to a submitted `callback_url` (§4.6), and the generated
 * MP4/JPEG under `/files/`.
 */

import { randomUUID } from "node:crypto";
import { type CallbackAttempt, type CallbackMode, postJson } from "../acedatacloud/callbacks.js";
import { JPEG_BYTES } from "../acedatacloud/media.js";
import {
	type BaseTask,
	FakeProviderBase,
	type IncomingCall,
	json,
	type Reply,
	type TaskPhase,
} from "../common/base.js";
import type {
	FakeFailure,
	FakeProvider,
	FakeProviderOptions,
	FakeSubmitError,
} from "../common/fakeProvider.js";
import {
	checkCreate,
	detail,
	FAILURE_REASONS,
	PREFIX,
	queryErrorReply,
	submitErrorReply,
} from "./protocol.js";

export type { CallbackAttempt, CallbackMode } from "../acedatacloud/callbacks.js";
export { PREFIX } from "./protocol.js";

/** Callback delivery as Luma documents it (providers.md §4.6): 3 retries, 100 ms apart, 5 s timeout. */
const CALLBACK_RETRIES = 3;
const CALLBACK_RETRY_DELAY_MS = 100;
const CALLBACK_TIMEOUT_MS = 5_000;

export interface FakeLumaOptions extends FakeProviderOptions {
	/** Creates accepted per sliding 60 s before a 429 with `retry-after`; Build tier: 20. */
	createsPerMinute?: number;
	/** How long one callback attempt waits for the receiver's answer; Luma: 5 s. */
	callbackTimeoutMs?: number;
}

export interface LumaTask extends BaseTask {
	/** The create body as received. */
	body: Record<string, unknown>;
	/** Keys merged over the generated Generation (`undefined` removes one). */
	patch?: Record<string, unknown>;
}

/** A generation another app made on the same key: always finished. */
interface ForeignGeneration {
	id: string;
	type: "video" | "image";
	createdAt: number;
}

export interface RecordedCall {
	method: string;
	/** Below the `/dream-machine/v1` prefix, without the query string. */
	path: string;
	query: string;
	headers: IncomingCall["headers"];
}

export type InjectTarget = "create" | "list" | "get";

export class FakeLuma extends FakeProviderBase<LumaTask> implements FakeProvider {
	readonly name = "luma";
	/** Every request to the API (not the file host), in order. */
	readonly calls: RecordedCall[] = [];
	/** Most `GET /generations/{id}` calls seen in flight at once. */
	maxGetsInFlight = 0;
	readonly #createsPerMinute: number;
	readonly #createTimes: number[] = [];
	readonly #foreign = new Map<string, ForeignGeneration>();
	/** Every generation id, oldest first: what the list pages through. */
	readonly #order: string[] = [];
	readonly #injected: { target: InjectTarget; reply: Reply; remaining: number }[] = [];
	readonly #callbackTimeoutMs: number;
	readonly #callbacks: CallbackAttempt[] = [];
	/** Per generation, the chain of its pending deliveries (one update after the other). */
	readonly #deliveries = new Map<string, Promise<void>>();
	readonly #closing = new AbortController();
	#callbackMode: CallbackMode = "on";
	#getDelayMs = 0;
	#getsInFlight = 0;

	constructor(options: FakeLumaOptions = {}) {
		super(options);
		this.#createsPerMinute = options.createsPerMinute ?? 20;
		this.#callbackTimeoutMs = options.callbackTimeoutMs ?? CALLBACK_TIMEOUT_MS;
	}

	get baseUrl(): string {
		return `${this.origin}${PREFIX}`;
	}

	/** Merges keys over a generation's answer, for shapes the state machine never produces. */
	patchGeneration(id: string, patch: Record<string, unknown>): void {
		const task = this.tasks.get(id);
		if (!task) throw new Error(`fake Luma: unknown generation ${id}`);
		task.patch = { ...task.patch, ...patch };
	}

	/** Adds `count` finished generations of another app on the same key, newer than all before. */
	addForeignGenerations(count: number, type: "video" | "image" = "image"): string[] {
		const ids: string[] = [];
		for (let i = 0; i < count; i++) {
			const id = randomUUID();
			this.#foreign.set(id, { id, type, createdAt: Date.now() });
			this.#order.push(id);
			ids.push(id);
		}
		return ids;
	}

	/** The next `times` requests to `target` get this verbatim answer (e.g. a body that is not JSON). */
	injectReply(target: InjectTarget, reply: Reply, times = 1): void {
		this.#injected.push({ target, reply, remaining: times });
	}

	/**
	 * "on" (default): each state change of a generation created with `callback_url` (dreaming,
	 * completed, failed) POSTs the Generation object there as JSON; an answer other than 200 is
	 * retried 3 times, 100 ms apart, each attempt with a 5 s timeout (providers.md §4.6). One
	 * generation's updates go one after the other. "off": nothing is pushed, as if every callback
	 * were lost; polling still answers.
	 */
	setCallbacks(mode: CallbackMode): void {
		this.#callbackMode = mode;
	}

	/** Every delivery attempt, retries included, in order: URL, the receiver's status, body. */
	callbacks(): CallbackAttempt[] {
		return [...this.#callbacks];
	}

	/** Resolves once no delivery (or retry) is pending. */
	async callbacksSettled(): Promise<void> {
		while (this.#deliveries.size > 0) await Promise.allSettled([...this.#deliveries.values()]);
	}

	override async close(): Promise<void> {
		this.#closing.abort();
		await this.callbacksSettled();
		await super.close();
	}

	/** Delays each `GET /generations/{id}` (to observe how many run at once). */
	setGetDelay(ms: number): void {
		this.#getDelayMs = ms;
	}

	protected override submitErrorReply(error: FakeSubmitError): Reply {
		return submitErrorReply(error);
	}
	protected override queryErrorReply(status: number): Reply {
		return queryErrorReply(status);
	}
	protected override authErrorReply(): Reply {
		// Luma's wording is unknown [I]; FastAPI's HTTPBearer answers 401/403 with a detail string.
		return detail(401, "Invalid API key");
	}
	protected override notFoundReply(): Reply {
		return detail(404, "Not Found");
	}

	protected override serveFile(call: IncomingCall): Reply {
		const id = /^\/files\/([^/]+)\.jpg$/.exec(call.path)?.[1];
		if (id === undefined) return super.serveFile(call);
		if (this.tasks.get(id)?.phase !== "completed") return detail(404, "Not Found");
		return { status: 200, body: JPEG_BYTES, contentType: "image/jpeg", headOnly: call.method === "HEAD" };
	}

	protected override async route(call: IncomingCall): Promise<Reply | undefined> {
		if (!call.path.startsWith(`${PREFIX}/`)) return undefined;
		const path = call.path.slice(PREFIX.length);
		this.calls.push({ method: call.method, path, query: call.query.toString(), headers: call.headers });
		if (path === "/generations/video") {
			if (call.method === "POST") return this.#create(call);
			this.violation(`${call.method} ${path}: method not allowed`);
			return detail(405, "Method Not Allowed");
		}
		if (path === "/generations" && call.method === "GET") return this.#list(call);
		const id = /^\/generations\/([^/]+)$/.exec(path)?.[1];
		if (id !== undefined && call.method === "GET") return this.#get(decodeURIComponent(id));
		return undefined;
	}

	#create(call: IncomingCall): Reply {
		const submission = this.recordSubmission(call);
		const injected = this.#take("create") ?? this.takeSubmitError();
		if (injected) return injected;
		const now = Date.now();
		while (this.#createTimes.length > 0 && this.#createTimes[0]! <= now - 60_000) this.#createTimes.shift();
		if (this.#createTimes.length >= this.#createsPerMinute) {
			const wait = Math.max(1, Math.ceil((this.#createTimes[0]! + 60_000 - now) / 1000));
			return detail(429, "Rate limit exceeded. Please try again later.", { "retry-after": String(wait) });
		}
		this.#createTimes.push(now);
		const refusal = checkCreate(call, (id) => this.#isFinishedVideo(id));
		if (refusal) {
			this.violation(`POST /generations/video: ${refusal.text}`);
			return refusal.reply;
		}
		const body = call.json as Record<string, unknown>;
		const task = this.addTask({ id: randomUUID(), phase: "queued", createdAt: now, submission, body });
		this.#order.push(task.id);
		// 201 as in the third-party OpenAPI spec [I] (providers.md §4.4).
		return json(201, this.#generation(task.id));
	}

	#list(call: IncomingCall): Reply {
		const injected = this.#take("list") ?? this.countQuery();
		if (injected) return injected;
		for (const key of call.query.keys()) {
			if (key !== "limit" && key !== "offset")
				this.violation(`GET /generations: undocumented parameter ${key}`);
		}
		const number = (key: string, fallback: number) => {
			const raw = call.query.get(key);
			return raw === null ? fallback : /^\d+$/.test(raw) ? Number(raw) : NaN;
		};
		// Luma's default page size is undocumented [?].
		const limit = number("limit", 10);
		const offset = number("offset", 0);
		if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(offset)) {
			this.violation(`GET /generations: bad limit/offset ${call.query.toString()}`);
			return json(422, {
				detail: [{ type: "int_parsing", loc: ["query", "limit"], msg: "Input should be a valid integer" }],
			});
		}
		const newestFirst = [...this.#order].reverse();
		const page = newestFirst.slice(offset, offset + limit).map((id) => this.#generation(id));
		return json(200, {
			generations: page,
			count: page.length,
			has_more: offset + limit < newestFirst.length,
			limit,
			offset,
		});
	}

	async #get(id: string): Promise<Reply> {
		const injected = this.#take("get") ?? this.countQuery();
		if (injected) return injected;
		this.#getsInFlight++;
		this.maxGetsInFlight = Math.max(this.maxGetsInFlight, this.#getsInFlight);
		try {
			if (this.#getDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.#getDelayMs));
		} finally {
			this.#getsInFlight--;
		}
		if (!this.tasks.has(id) && !this.#foreign.has(id)) return detail(404, "Generation not found");
		return json(200, this.#generation(id));
	}

	/**
	 * Adds the task with its `phase` watched: the base class moves it to running (by timer or by
	 * `startTask`) and this fake pushes the `dreaming` callback; the end is pushed from `finish`,
	 * once the failure is set.
	 */
	protected override addTask(task: LumaTask): LumaTask {
		let phase: TaskPhase = task.phase;
		Object.defineProperty(task, "phase", {
			enumerable: true,
			configurable: true,
			get: () => phase,
			set: (next: TaskPhase) => {
				const changed = next !== phase;
				phase = next;
				if (changed && next === "running") this.#pushCallback(task);
			},
		});
		return super.addTask(task);
	}

	protected override finish(task: LumaTask, phase: "completed" | "failed", failure?: FakeFailure): void {
		super.finish(task, phase, failure);
		this.#pushCallback(task);
	}

	/** Queues the Generation as it is now for the task's `callback_url`, after its earlier updates. */
	#pushCallback(task: LumaTask): void {
		const url = task.body.callback_url;
		if (typeof url !== "string" || this.#callbackMode === "off" || this.#closing.signal.aborted) return;
		const body = this.#generation(task.id);
		const previous = this.#deliveries.get(task.id) ?? Promise.resolve();
		const delivery = previous.then(() => this.#deliver(url, body));
		this.#deliveries.set(task.id, delivery);
		void delivery.finally(() => {
			if (this.#deliveries.get(task.id) === delivery) this.#deliveries.delete(task.id);
		});
	}

	/** One update: the first attempt and up to 3 retries while the answer is not 200. */
	async #deliver(url: string, body: Record<string, unknown>): Promise<void> {
		const signal = this.#closing.signal;
		for (let attempt = 0; attempt <= CALLBACK_RETRIES && !signal.aborted; attempt++) {
			if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, CALLBACK_RETRY_DELAY_MS));
			if (signal.aborted) return;
			const answer = await postJson(url, body, { timeoutMs: this.#callbackTimeoutMs, signal });
			this.#callbacks.push(answer);
			if (answer.status === 200) return;
		}
	}

	#isFinishedVideo(id: string): boolean {
		return this.tasks.get(id)?.phase === "completed" || this.#foreign.get(id)?.type === "video";
	}

	/** The Generation object (providers.md §4.3) of an own or foreign generation. */
	#generation(id: string): Record<string, unknown> {
		const foreign = this.#foreign.get(id);
		if (foreign) {
			const video = foreign.type === "video";
			return {
				id,
				generation_type: foreign.type,
				state: "completed",
				failure_reason: null,
				created_at: new Date(foreign.createdAt).toISOString(),
				assets: video
					? {
							video: `https://storage.cdn-luma.com/${id}.mp4`,
							image: `https://storage.cdn-luma.com/${id}.jpg`,
						}
					: { image: `https://storage.cdn-luma.com/${id}.jpg` },
				model: video ? "ray-2" : "photon-1",
				request: { prompt: "another app's prompt" },
			};
		}
		const task = this.tasks.get(id)!;
		const state = { queued: "queued", running: "dreaming", completed: "completed", failed: "failed" }[
			task.phase
		];
		const generation: Record<string, unknown> = {
			id,
			generation_type: "video",
			state,
			failure_reason: task.phase === "failed" ? FAILURE_REASONS[task.failure ?? "failed"] : null,
			created_at: new Date(task.createdAt).toISOString(),
			// Assets appear with the finished video; before that the SDK types allow them absent.
			assets:
				task.phase === "completed"
					? { video: this.videoUrl(task), image: `${this.origin}/files/${id}.jpg`, progress_video: null }
					: null,
			model: task.body.model,
			request: { generation_type: "video", ...task.body },
		};
		for (const [key, value] of Object.entries(task.patch ?? {})) {
			if (value === undefined) delete generation[key];
			else generation[key] = value;
		}
		return generation;
	}

	#take(target: InjectTarget): Reply | undefined {
		const index = this.#injected.findIndex((i) => i.target === target);
		const entry = this.#injected[index];
		if (!entry) return undefined;
		if (--entry.remaining <= 0) this.#injected.splice(index, 1);
		return entry.reply;
	}
}

export async function startFakeLuma(options: FakeLumaOptions = {}): Promise<FakeLuma> {
	const fake = new FakeLuma(options);
	await fake.listen();
	return fake;
}
