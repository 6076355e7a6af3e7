import { randomBytes } from "node:crypto";
import { type BaseTask, FakeProviderBase, type IncomingCall, json, type Reply } from "../common/base.js";
import type { FakeProvider, FakeSubmitError } from "../common/fakeProvider.js";
import * as bodies from "./bodies.js";
import { formProblem } from "./forms.js";

export interface Task302 extends BaseTask {
	prompt: string;
	createdAtIso: string;
	/** For an extension: the clip it continues. */
	parentId?: string;
}

export interface RawReply {
	/** Default 200. */
	status?: number;
	/** Sent verbatim, e.g. a body that is not JSON. */
	body: string;
	/** Default `application/json`. */
	contentType?: string;
}

/**
 * A fake 302.AI Luma API: `POST /luma/submit`, `POST /luma/extend/{id}` (multipart only) and
 * `GET /luma/task/{id}/fetch`, with 302's error bodies and `luma_…` task ids.
 */
export class Fake302Ai extends FakeProviderBase<Task302> implements FakeProvider {
	readonly name = "302ai" as const;
	readonly #overrides = new Map<string, unknown>();
	readonly #raw: RawReply[] = [];
	#queryDelayMs = 0;
	#inFlight = 0;
	#peakInFlight = 0;

	get baseUrl(): string {
		return this.origin;
	}

	/** The next fetches of `taskId` (known or not) answer 200 with `body` verbatim; `undefined` ends it. */
	overrideFetch(taskId: string, body: unknown): void {
		if (body === undefined) this.#overrides.delete(taskId);
		else this.#overrides.set(taskId, body);
	}
	/** The next API request (after the key check) answers this raw reply. */
	injectRaw(reply: RawReply): void {
		this.#raw.push(reply);
	}
	/** Each fetch waits this long, so tests can see how many run at once. */
	setQueryDelay(ms: number): void {
		this.#queryDelayMs = ms;
	}
	/** The most fetches that were in flight at the same moment. */
	peakConcurrentQueries(): number {
		return this.#peakInFlight;
	}

	protected override submitErrorReply(error: FakeSubmitError): Reply {
		return bodies.submitErrorReply(error);
	}
	protected override queryErrorReply(status: number): Reply {
		return bodies.queryErrorReply(status);
	}
	protected override authErrorReply(): Reply {
		return bodies.authRefusal();
	}
	protected override notFoundReply(): Reply {
		return bodies.notFound("No such API");
	}

	protected override async route(call: IncomingCall): Promise<Reply | undefined> {
		const raw = this.#raw.shift();
		if (raw)
			return {
				status: raw.status ?? 200,
				body: raw.body,
				contentType: raw.contentType ?? "application/json",
			};
		if (call.method === "POST" && call.path === "/luma/submit") return this.#create(call);
		const extend = /^\/luma\/extend\/([^/]+)$/.exec(call.path);
		if (call.method === "POST" && extend) return this.#create(call, decodeURIComponent(extend[1]!));
		const fetch = /^\/luma\/task\/([^/]+)\/fetch$/.exec(call.path);
		if (call.method === "GET" && fetch) return this.#fetch(call, decodeURIComponent(fetch[1]!));
		return undefined;
	}

	#create(call: IncomingCall, parentId?: string): Reply {
		const submission = this.recordSubmission(call);
		const kind = parentId === undefined ? "submit" : "extend";
		const problem = formProblem(call, kind);
		if (problem)
			return this.#refuse(`${call.method} ${call.path}: ${problem}`, bodies.invalidRequest(problem));
		if (parentId !== undefined) {
			const parent = this.tasks.get(parentId);
			if (!parent) return this.#refuse(`extend of unknown id ${parentId}`, bodies.notFound());
			if (parent.phase !== "completed") {
				return this.#refuse(
					`extend of ${parentId} while ${parent.phase}`,
					bodies.invalidRequest("The video is not completed"),
				);
			}
		}
		const injected = this.takeSubmitError();
		if (injected) return injected;
		const prompt = String(submission.fields.user_prompt);
		// 302's ids look like `luma_xxxxxxxxxx` (Extend doc, 302's own plugin).
		const task = this.addTask({
			id: `luma_${randomBytes(8).toString("hex")}`,
			phase: "queued",
			createdAt: Date.now(),
			createdAtIso: new Date().toISOString(),
			prompt,
			submission,
			...(parentId !== undefined && { parentId }),
		});
		// The documented Submit/Extend sample: every key present, `video` null until done.
		return json(200, {
			id: task.id,
			prompt,
			state: "pending",
			created_at: task.createdAtIso,
			estimate_wait_seconds: null,
			liked: null,
			video: null,
		});
	}

	async #fetch(call: IncomingCall, taskId: string): Promise<Reply> {
		const extra = [...call.query.keys()].filter((key) => key !== "geo");
		if (extra.length > 0)
			this.violation(`GET ${call.path}: undocumented query parameters ${extra.join(", ")}`);
		this.#inFlight++;
		this.#peakInFlight = Math.max(this.#peakInFlight, this.#inFlight);
		if (this.#queryDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.#queryDelayMs));
		this.#inFlight--;
		const injected = this.countQuery();
		if (injected) return injected;
		if (this.#overrides.has(taskId)) return json(200, this.#overrides.get(taskId));
		const task = this.tasks.get(taskId);
		// Unknown ids: 302's answer is undocumented; 404 with `-10010` ("resource not found") here.
		if (!task) return bodies.notFound();
		return json(200, this.#record(task));
	}

	/**
	 * One task as Fetch answers it. Only `state`, `video`, `id` and `prompt` are known from 302's
	 * consumers [C][C3]; `pending` is the documented running word, `processing` stands for the
	 * other running words [I]; a finished clip's `video` is a plain URL string, as 302's own
	 * plugin reads it [C]; a failure carries 302's `error` object [I].
	 */
	#record(task: Task302): Record<string, unknown> {
		const base = { id: task.id, prompt: task.prompt };
		switch (task.phase) {
			case "queued":
				return { ...base, state: "pending", created_at: task.createdAtIso, video: null };
			case "running":
				return { ...base, state: "processing", created_at: task.createdAtIso, video: null };
			case "completed":
				return { id: task.id, state: "completed", prompt: task.prompt, video: this.videoUrl(task) };
			case "failed":
				return { ...base, state: "failed", video: null, error: bodies.taskError(task.failure ?? "failed") };
		}
	}

	#refuse(violation: string, reply: Reply): Reply {
		this.violation(violation);
		return reply;
	}
}
