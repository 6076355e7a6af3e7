import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { FaultInjector, type FaultRule, type FaultShape } from "../common/faults.js";
import { type CallbackAttempt, type CallbackMode, postJson } from "./callbacks.js";
import type { Endpoint, FakeAceDataCloud, InjectedError, InjectedRaw } from "./index.js";
import { JPEG_BYTES } from "./media.js";
import {
	callbackBodyOf,
	callbackUrlOf,
	type FakeTask,
	type FakeTaskError,
	isTerminal,
	newTask,
	type RecordedRequest,
	type TaskBehaviour,
	type TaskEntry,
	toRecord,
} from "./records.js";

interface Reply {
	status: number;
	body: string | Buffer;
	contentType: string;
	headOnly?: boolean;
}
interface Injection extends Reply {
	remaining: number;
}
type Json = Record<string, unknown>;

/** How long the fake waits for a callback receiver's answer; AceDataCloud's own is undocumented [?]. */
const CALLBACK_TIMEOUT_MS = 5_000;

function json(status: number, body: unknown): Reply {
	return { status, body: JSON.stringify(body), contentType: "application/json" };
}

/** The documented error shape: `{"error":{"code","message"},"trace_id"}`. */
function fail(status: number, code: string, message: string): Reply {
	return json(status, { error: { code, message }, trace_id: randomUUID() });
}

/**
 * A fault's answer in the documented error shape (providers.md §1.5): 429 `too_many_requests`
 * (no `Retry-After` is documented, so none is sent), 504 `timeout`, other statuses `api_error`.
 */
const aceFaultShape: FaultShape = ({ status }) => {
	const [code, message] =
		status === 429
			? ["too_many_requests", "Too many requests."]
			: status === 504
				? ["timeout", "The upstream timed out."]
				: ["api_error", "fetch failed"];
	return { body: { error: { code, message }, trace_id: randomUUID() } };
};

function send(res: ServerResponse, reply: Reply): void {
	if (res.destroyed || res.writableEnded) return;
	const payload = typeof reply.body === "string" ? Buffer.from(reply.body) : reply.body;
	res.writeHead(reply.status, { "content-type": reply.contentType, "content-length": payload.length });
	res.end(reply.headOnly ? undefined : payload);
}

export class FakeServer implements FakeAceDataCloud {
	readonly apiKey: string;
	readonly requests: RecordedRequest[] = [];
	readonly #video: Buffer;
	readonly #server: Server;
	readonly #tasks = new Map<string, TaskEntry>();
	readonly #videoIds = new Set<string>();
	readonly #timers = new Set<NodeJS.Timeout>();
	readonly #listeners = new Set<(task: FakeTask) => void>();
	readonly #injections: Record<Endpoint, Injection[]> = { videos: [], tasks: [] };
	readonly #delays: Record<Endpoint, number> = { videos: 0, tasks: 0 };
	readonly #callbacks: CallbackAttempt[] = [];
	readonly #deliveries = new Set<Promise<void>>();
	readonly #closing = new AbortController();
	readonly #faults = new FaultInjector(aceFaultShape);
	#callbackMode: CallbackMode = "on";
	#behaviour: TaskBehaviour = { mode: "auto" };
	#baseUrl = "";

	constructor(apiKey: string, video: Buffer) {
		this.apiKey = apiKey;
		this.#video = video;
		this.#server = createServer(async (req, res) => {
			if (await this.#faults.handle(req, res)) return;
			const chunks: Buffer[] = [];
			req.on("data", (chunk: Buffer) => chunks.push(chunk));
			req.on("end", () => {
				this.#answer(req, Buffer.concat(chunks).toString("utf8")).then(
					(reply) => send(res, reply),
					(error: unknown) => send(res, fail(500, "api_error", String(error))),
				);
			});
		});
	}

	get baseUrl(): string {
		return this.#baseUrl;
	}
	get tasks(): ReadonlyMap<string, FakeTask> {
		return this.#tasks;
	}
	get injectedFaults() {
		return this.#faults.injected;
	}
	addFault(rule: FaultRule): () => void {
		return this.#faults.add(rule);
	}
	clearFaults(): void {
		this.#faults.clear();
	}

	async listen(): Promise<void> {
		await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
		this.#baseUrl = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
	}

	setBehaviour(b: TaskBehaviour): void {
		this.#behaviour = b;
	}
	startTask(taskId: string): void {
		this.#open(taskId).state = "processing";
	}
	completeTask(taskId: string): void {
		this.#finish(this.#open(taskId), "completed");
	}
	failTask(taskId: string, error: FakeTaskError): void {
		this.#finish(this.#open(taskId), "failed", error);
	}
	setTaskResponse(taskId: string, response: Json | null, options: { finished?: boolean } = {}): void {
		const task = this.#tasks.get(taskId);
		if (!task) throw new Error(`fake AceDataCloud: unknown task ${taskId}`);
		task.responseOverride = response;
		if (options.finished) task.finishedAt ??= Date.now();
	}
	injectError(endpoint: Endpoint, error: InjectedError): void {
		const reply = fail(error.status, error.code, error.message ?? `injected ${error.code}`);
		this.#injections[endpoint].push({ ...reply, remaining: error.times ?? 1 });
	}
	injectRaw(endpoint: Endpoint, raw: InjectedRaw): void {
		const contentType = raw.contentType ?? "application/json";
		this.#injections[endpoint].push({
			status: raw.status ?? 200,
			body: raw.body,
			contentType,
			remaining: raw.times ?? 1,
		});
	}
	setDelay(endpoint: Endpoint, ms: number): void {
		this.#delays[endpoint] = ms;
	}
	onTaskFinished(listener: (task: FakeTask) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}
	setCallbacks(mode: CallbackMode): void {
		this.#callbackMode = mode;
	}
	callbacks(): CallbackAttempt[] {
		return [...this.#callbacks];
	}
	async callbacksSettled(): Promise<void> {
		while (this.#deliveries.size > 0) await Promise.allSettled([...this.#deliveries]);
	}
	submittedBodies(): unknown[] {
		return this.requests.filter((r) => r.method === "POST" && r.path === "/luma/videos").map((r) => r.body);
	}

	async close(): Promise<void> {
		this.#closing.abort();
		await this.callbacksSettled();
		for (const timer of this.#timers) clearTimeout(timer);
		this.#timers.clear();
		this.#listeners.clear();
		this.#server.closeAllConnections();
		await new Promise<void>((resolve) => this.#server.close(() => resolve()));
	}

	async #answer(req: IncomingMessage, text: string): Promise<Reply> {
		const method = req.method ?? "GET";
		const path = (req.url ?? "/").split("?")[0] ?? "/";
		let body: unknown;
		let badJson = false;
		if (text.length > 0) {
			try {
				body = JSON.parse(text);
			} catch {
				body = text;
				badJson = true;
			}
		}
		this.requests.push({ method, path, body, headers: req.headers, at: Date.now() });
		if (path.startsWith("/files/")) return this.#serveFile(method, path);

		const endpoint: Endpoint | undefined =
			path === "/luma/videos" ? "videos" : path === "/luma/tasks" ? "tasks" : undefined;
		if (endpoint) {
			const delay = this.#delays[endpoint];
			if (delay > 0) await new Promise<void>((resolve) => this.#after(delay, resolve));
			const injected = this.#takeInjection(endpoint);
			if (injected) return injected;
		}
		const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1];
		if (token === undefined) return fail(400, "no_token", "The token is not specified.");
		if (token !== this.apiKey) return fail(401, "invalid_token", "The specified token is invalid or wrong.");
		if (!endpoint || method !== "POST") return fail(404, "no_api", `No API registered for ${path}.`);
		if (badJson || typeof body !== "object" || body === null || Array.isArray(body)) {
			return fail(400, "bad_request", "The request body must be a JSON object.");
		}
		return endpoint === "videos" ? this.#videos(body as Json) : this.#query(body as Json);
	}

	#videos(body: Json): Reply {
		const action = body.action ?? "generate";
		if (action !== "generate" && action !== "extend") {
			return fail(400, "api_not_implemented", `Action ${String(action)} is not implemented.`);
		}
		if (action === "generate" && !(typeof body.prompt === "string" && body.prompt.trim().length > 0)) {
			return fail(400, "bad_request", "prompt is required");
		}
		if (action === "extend") {
			if ("task_id" in body)
				return fail(400, "bad_request", "task_id is not accepted; pass video_id or video_url");
			if (typeof body.video_id !== "string" && typeof body.video_url !== "string") {
				return fail(400, "bad_request", "video_id or video_url is required");
			}
			if (typeof body.video_id === "string" && !this.#videoIds.has(body.video_id)) {
				return fail(400, "bad_request", "video_id does not match a generated video");
			}
		}
		if (body.async !== true && typeof body.callback_url !== "string") {
			return fail(400, "bad_request", "synchronous mode is not supported by this fake");
		}
		const task = newTask(body, Date.now());
		this.#tasks.set(task.id, task);
		this.#schedule(task);
		return json(200, { success: true, task_id: task.id, trace_id: randomUUID() });
	}

	#query(body: Json): Reply {
		if (body.action === "retrieve") {
			if (typeof body.id !== "string") return fail(400, "bad_request", "id is required");
			const task = this.#tasks.get(body.id);
			if (!task) return fail(404, "not_found", "The task was not found.");
			return json(200, toRecord(task, this.#baseUrl));
		}
		if (body.action === "retrieve_batch") {
			const ids = body.ids;
			if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string")) {
				return fail(400, "bad_request", "ids is required");
			}
			const items: Json[] = [];
			for (const id of ids) {
				const task = this.#tasks.get(id);
				if (task) items.push(toRecord(task, this.#baseUrl));
			}
			return json(200, { items, count: items.length });
		}
		return fail(400, "api_not_implemented", `Action ${String(body.action)} is not implemented.`);
	}

	#serveFile(method: string, path: string): Reply {
		const match = /^\/files\/([^/]+)\.(mp4|jpg)$/.exec(path);
		const task = match?.[1] === undefined ? undefined : this.#tasks.get(match[1]);
		if (task?.state !== "completed" || (method !== "GET" && method !== "HEAD")) {
			return fail(404, "not_found", "No such file.");
		}
		const mp4 = match?.[2] === "mp4";
		const bytes = mp4 ? this.#video : JPEG_BYTES;
		return {
			status: 200,
			body: bytes,
			contentType: mp4 ? "video/mp4" : "image/jpeg",
			headOnly: method === "HEAD",
		};
	}

	#takeInjection(endpoint: Endpoint): Injection | undefined {
		const queue = this.#injections[endpoint];
		const first = queue[0];
		if (first && --first.remaining <= 0) queue.shift();
		return first;
	}

	#schedule(task: TaskEntry): void {
		const b = this.#behaviour;
		if (b.mode === "manual") return;
		const running = b.runningAfterMs ?? 50;
		const done = Math.max(b.completeAfterMs ?? 150, running);
		this.#after(running, () => {
			if (task.state === "queued") task.state = "processing";
		});
		this.#after(done, () => {
			if (!isTerminal(task.state)) this.#finish(task, b.fail ? "failed" : "completed", b.fail);
		});
	}

	#after(ms: number, fn: () => void): void {
		const timer = setTimeout(() => {
			this.#timers.delete(timer);
			fn();
		}, ms);
		timer.unref();
		this.#timers.add(timer);
	}

	#open(taskId: string): TaskEntry {
		const task = this.#tasks.get(taskId);
		if (!task) throw new Error(`fake AceDataCloud: unknown task ${taskId}`);
		if (isTerminal(task.state)) throw new Error(`fake AceDataCloud: task ${taskId} is already ${task.state}`);
		// A manual transition ends any verbatim response set by setTaskResponse.
		delete task.responseOverride;
		return task;
	}

	#finish(task: TaskEntry, state: "completed" | "failed", error?: FakeTaskError): void {
		task.state = state;
		task.finishedAt = Date.now();
		if (state === "failed" && error) task.error = { ...error };
		if (state === "completed") this.#videoIds.add(task.videoId);
		for (const listener of this.#listeners) listener(task);
		this.#pushCallback(task);
	}

	/**
	 * POSTs the documented body to the task's `callback_url`, once: whether AceDataCloud retries a
	 * failed delivery is undocumented [?], so the fake does not. Any answer is recorded.
	 */
	#pushCallback(task: TaskEntry): void {
		const url = callbackUrlOf(task);
		if (url === undefined || this.#callbackMode === "off" || this.#closing.signal.aborted) return;
		const body = callbackBodyOf(task, this.#baseUrl);
		const delivery = postJson(url, body, {
			timeoutMs: CALLBACK_TIMEOUT_MS,
			signal: this.#closing.signal,
		}).then((attempt) => {
			this.#callbacks.push(attempt);
		});
		this.#deliveries.add(delivery);
		void delivery.finally(() => this.#deliveries.delete(delivery));
	}
}
