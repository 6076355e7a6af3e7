import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { mp4Bytes } from "../acedatacloud/media.js";
import type { FakeBehaviour, FakeFailure, FakeSubmission, FakeSubmitError } from "./fakeProvider.js";

export interface Reply {
	status: number;
	body: string | Buffer;
	contentType?: string;
	headers?: Record<string, string>;
	headOnly?: boolean;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({
	status,
	body: JSON.stringify(body),
	contentType: "application/json",
	...(headers && { headers }),
});

export interface IncomingCall {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: IncomingMessage["headers"];
	raw: Buffer;
	/** Parsed JSON body, when it is JSON. */
	json?: unknown;
	/** Multipart fields and files, when it is multipart/form-data. */
	form?: Pick<FakeSubmission, "fields" | "files">;
}

export type TaskPhase = "queued" | "running" | "completed" | "failed";

export interface BaseTask {
	id: string;
	phase: TaskPhase;
	failure?: FakeFailure;
	createdAt: number;
	finishedAt?: number;
	/** The create/extend request that made it. */
	submission: FakeSubmission;
}

/**
 * The machinery every fake provider shares: a loopback server, request parsing (JSON and
 * multipart), a task table driven by tests or by timers, injected answers, and a tiny file
 * host under `/files/<taskId>.mp4`. Subclasses implement only their documented routes.
 */
export abstract class FakeProviderBase<Task extends BaseTask> {
	readonly apiKey: string;
	readonly violations: string[] = [];
	protected readonly tasks = new Map<string, Task>();
	protected readonly video: Buffer;
	protected origin = "";
	readonly #server: Server;
	readonly #submissions: FakeSubmission[] = [];
	readonly #timers = new Set<NodeJS.Timeout>();
	readonly #listeners = new Set<(taskId: string) => void>();
	readonly #submitErrors: { error: FakeSubmitError; remaining: number }[] = [];
	readonly #queryErrors: { status: number; remaining: number }[] = [];
	#behaviour: FakeBehaviour = { mode: "auto" };
	#queries = 0;

	constructor(options: { apiKey?: string; videoBytes?: number }) {
		this.apiKey = options.apiKey ?? "test-key";
		this.video = mp4Bytes(options.videoBytes ?? 64 * 1024);
		this.#server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on("data", (chunk: Buffer) => chunks.push(chunk));
			req.on("end", () => {
				void this.#handle(req, Buffer.concat(chunks)).then(
					(reply) => send(res, reply),
					(error: unknown) => send(res, json(500, { error: String(error) })),
				);
			});
		});
	}

	async listen(): Promise<void> {
		await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
		this.origin = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
	}

	/** Answers one documented request; `undefined` means no such route (a 404 and a violation). */
	protected abstract route(call: IncomingCall): Reply | undefined | Promise<Reply | undefined>;
	/** The provider's error answer for an injected submit error. */
	protected abstract submitErrorReply(error: FakeSubmitError): Reply;
	/** The provider's error answer for an injected query error. */
	protected abstract queryErrorReply(status: number): Reply;
	/** The provider's answer to a missing or wrong key. */
	protected abstract authErrorReply(): Reply;
	/** The provider's 404 body. */
	protected notFoundReply(): Reply {
		return json(404, { error: "not found" });
	}

	taskIds(): string[] {
		return [...this.tasks.keys()];
	}
	submissions(): FakeSubmission[] {
		return [...this.#submissions];
	}
	queryCount(): number {
		return this.#queries;
	}
	setBehaviour(behaviour: FakeBehaviour): void {
		this.#behaviour = behaviour;
	}
	startTask(taskId: string): void {
		const task = this.#open(taskId);
		task.phase = "running";
	}
	completeTask(taskId: string): void {
		this.finish(this.#open(taskId), "completed");
	}
	failTask(taskId: string, why: FakeFailure): void {
		this.finish(this.#open(taskId), "failed", why);
	}
	injectSubmitError(error: FakeSubmitError, times = 1): void {
		this.#submitErrors.push({ error, remaining: times });
	}
	injectQueryError(status: number, times = 1): void {
		this.#queryErrors.push({ status, remaining: times });
	}
	onTaskFinished(listener: (taskId: string) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	async close(): Promise<void> {
		for (const timer of this.#timers) clearTimeout(timer);
		this.#timers.clear();
		this.#listeners.clear();
		this.#server.closeAllConnections();
		await new Promise<void>((resolve) => this.#server.close(() => resolve()));
	}

	/** Subclasses call this for each create/extend request before validating it. */
	protected recordSubmission(call: IncomingCall): FakeSubmission {
		const submission: FakeSubmission = {
			method: call.method,
			path: call.path,
			fields: call.form?.fields ?? (isObject(call.json) ? call.json : {}),
			files: call.form?.files ?? [],
		};
		this.#submissions.push(submission);
		return submission;
	}

	/** An injected submit error, if one is due (the request then creates nothing). */
	protected takeSubmitError(): Reply | undefined {
		const first = this.#submitErrors[0];
		if (!first) return undefined;
		if (--first.remaining <= 0) this.#submitErrors.shift();
		return this.submitErrorReply(first.error);
	}

	/** Counts a status query and returns an injected error, if one is due. */
	protected countQuery(): Reply | undefined {
		this.#queries++;
		const first = this.#queryErrors[0];
		if (!first) return undefined;
		if (--first.remaining <= 0) this.#queryErrors.shift();
		return this.queryErrorReply(first.status);
	}

	/** Adds a task and starts its timers when the behaviour is automatic. */
	protected addTask(task: Task): Task {
		this.tasks.set(task.id, task);
		task.submission.taskId = task.id;
		const b = this.#behaviour;
		if (b.mode === "auto") {
			const running = b.runningAfterMs ?? 50;
			const done = Math.max(b.completeAfterMs ?? 150, running);
			this.#after(running, () => {
				if (task.phase === "queued") task.phase = "running";
			});
			this.#after(done, () => {
				if (task.phase === "queued" || task.phase === "running")
					this.finish(task, b.fail ? "failed" : "completed", b.fail);
			});
		}
		return task;
	}

	protected finish(task: Task, phase: "completed" | "failed", failure?: FakeFailure): void {
		task.phase = phase;
		task.finishedAt = Date.now();
		if (failure) task.failure = failure;
		for (const listener of this.#listeners) listener(task.id);
	}

	protected violation(text: string): void {
		this.violations.push(text);
	}

	/** The address a finished task's video is served at. */
	protected videoUrl(task: Task): string {
		return `${this.origin}/files/${task.id}.mp4`;
	}

	/** Serves `/files/<id>.mp4`; subclasses may refuse (e.g. an expired signature). */
	protected serveFile(call: IncomingCall): Reply {
		const id = /^\/files\/([^/]+)\.mp4$/.exec(call.path)?.[1];
		const task = id === undefined ? undefined : this.tasks.get(id);
		if (task?.phase !== "completed") return json(404, { error: "no such file" });
		return { status: 200, body: this.video, contentType: "video/mp4", headOnly: call.method === "HEAD" };
	}

	#open(taskId: string): Task {
		const task = this.tasks.get(taskId);
		if (!task) throw new Error(`fake provider: unknown task ${taskId}`);
		if (task.phase === "completed" || task.phase === "failed")
			throw new Error(`fake provider: task ${taskId} already ${task.phase}`);
		return task;
	}

	#after(ms: number, fn: () => void): void {
		const timer = setTimeout(() => {
			this.#timers.delete(timer);
			fn();
		}, ms);
		timer.unref();
		this.#timers.add(timer);
	}

	async #handle(req: IncomingMessage, raw: Buffer): Promise<Reply> {
		const url = new URL(req.url ?? "/", "http://fake");
		const call: IncomingCall = {
			method: req.method ?? "GET",
			path: url.pathname,
			query: url.searchParams,
			headers: req.headers,
			raw,
		};
		if (call.path.startsWith("/files/")) return this.serveFile(call);
		const contentType = req.headers["content-type"] ?? "";
		if (raw.length > 0 && contentType.startsWith("multipart/form-data")) {
			call.form = await parseMultipart(contentType, raw);
		} else if (raw.length > 0) {
			try {
				call.json = JSON.parse(raw.toString("utf8"));
			} catch {
				this.violation(`${call.method} ${call.path}: body is neither JSON nor multipart`);
			}
		}
		const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1];
		if (token !== this.apiKey) return this.authErrorReply();
		const reply = await this.route(call);
		if (reply) return reply;
		this.violation(`${call.method} ${call.path}: no such endpoint`);
		return this.notFoundReply();
	}
}

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses multipart/form-data with the platform's own parser (the same one fetch uses). */
async function parseMultipart(
	contentType: string,
	raw: Buffer,
): Promise<Pick<FakeSubmission, "fields" | "files">> {
	const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
	const fields: Record<string, unknown> = {};
	const files: FakeSubmission["files"] = [];
	for (const [field, value] of form.entries()) {
		if (typeof value === "string") fields[field] = value;
		else
			files.push({
				field,
				filename: value.name,
				contentType: value.type,
				data: Buffer.from(await value.arrayBuffer()),
			});
	}
	return { fields, files };
}

function send(res: ServerResponse, reply: Reply): void {
	if (res.destroyed || res.writableEnded) return;
	const payload = typeof reply.body === "string" ? Buffer.from(reply.body) : reply.body;
	res.writeHead(reply.status, {
		"content-type": reply.contentType ?? "application/json",
		"content-length": payload.length,
		...reply.headers,
	});
	res.end(reply.headOnly ? undefined : payload);
}
