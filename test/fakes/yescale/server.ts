import { randomUUID } from "node:crypto";
import { JPEG_BYTES } from "../acedatacloud/media.js";
import { FakeProviderBase, type IncomingCall, isObject, json, type Reply } from "../common/base.js";
import type { FakeProvider, FakeSubmitError } from "../common/fakeProvider.js";
import {
	apiError,
	ASPECT_RATIOS,
	generationBody,
	invalidRequest,
	queryError,
	submitBody,
	submitError,
	type YescaleTask,
} from "./bodies.js";

export type YescaleEndpoint = "create" | "get";

/** A verbatim answer for shapes the state machine never produces (wrapped, odd, not JSON). */
export interface RawReply {
	/** Default 200. */
	status?: number;
	/** A string is sent as is; anything else as JSON. */
	body: unknown;
	/** Default `application/json`. */
	contentType?: string;
	headers?: Record<string, string>;
	times?: number;
}

type FieldKind = "text" | "flag" | "image" | "aspect";
/** Documented create fields (§3.2); the extend fields follow the same-format resellers (§3.1). */
const CREATE_FIELDS: Readonly<Record<string, FieldKind>> = {
	user_prompt: "text",
	expand_prompt: "flag",
	loop: "flag",
	image_url: "image",
	image_end_url: "image",
	aspect_ratio: "aspect",
};
const EXTEND_FIELDS: Readonly<Record<string, FieldKind>> = {
	user_prompt: "text",
	expand_prompt: "flag",
	image_end_url: "image",
};

const GENERATIONS = "/luma/generations";
const ONE = /^\/luma\/generations\/([^/]+)$/;
const EXTEND = /^\/luma\/generations\/([^/]+)\/extend$/;

/** "A third-party image address or Base64" (§3.2). */
function isImage(value: unknown): boolean {
	if (typeof value !== "string") return false;
	return (
		/^https?:\/\/\S+$/.test(value) ||
		/^data:image\/[a-z+.-]+;base64,/.test(value) ||
		/^[A-Za-z0-9+/=]{64,}$/.test(value)
	);
}

function fieldProblems(call: IncomingCall, fields: Readonly<Record<string, FieldKind>>): string[] {
	const contentType = String(call.headers["content-type"] ?? "");
	if (!contentType.startsWith("application/json"))
		return [`content type ${contentType || "(none)"} is not JSON`];
	if (!isObject(call.json)) return ["the body is not a JSON object"];
	const body = call.json;
	const problems: string[] = [];
	if (typeof body.user_prompt !== "string" || body.user_prompt.trim() === "")
		problems.push("user_prompt is required");
	for (const [key, value] of Object.entries(body)) {
		const kind = fields[key];
		if (kind === undefined) problems.push(`${key} is not a documented field`);
		else if (kind === "flag" && typeof value !== "boolean") problems.push(`${key} must be a boolean`);
		// The page types image_end_url as boolean (default false) by mistake; `false` is tolerated.
		else if (kind === "image" && !isImage(value) && value !== false)
			problems.push(`${key} must be a URL or Base64`);
		else if (kind === "aspect" && !(ASPECT_RATIOS as readonly unknown[]).includes(value))
			problems.push(`${key} must be one of ${ASPECT_RATIOS.join(", ")}`);
	}
	return problems;
}

/**
 * A fake YEScale Luma API on 127.0.0.1 (providers.md §3): `POST /luma/generations`,
 * `POST /luma/generations/{id}/extend` (of a generation it completed) and
 * `GET /luma/generations/{id}`, with bearer auth and new-api-style error bodies.
 */
export class FakeYescale extends FakeProviderBase<YescaleTask> implements FakeProvider {
	readonly name = "yescale";
	/** Most status queries that were being answered at the same moment. */
	maxQueriesInFlight = 0;
	#inFlight = 0;
	readonly #queryDelayMs: number;
	readonly #raw: Record<YescaleEndpoint, RawReply[]> = { create: [], get: [] };

	constructor(options: { apiKey?: string; videoBytes?: number; queryDelayMs?: number }) {
		super(options);
		this.#queryDelayMs = options.queryDelayMs ?? 0;
	}

	get baseUrl(): string {
		return this.origin;
	}

	/** The next `times` requests to the endpoint get this answer (create: after the body is checked). */
	injectRaw(endpoint: YescaleEndpoint, reply: RawReply): void {
		this.#raw[endpoint].push({ ...reply, times: reply.times ?? 1 });
	}

	protected override route(call: IncomingCall): Reply | undefined | Promise<Reply | undefined> {
		if (call.method === "POST" && call.path === GENERATIONS) return this.#submit(call, CREATE_FIELDS);
		const extend = EXTEND.exec(call.path);
		if (call.method === "POST" && extend)
			return this.#submit(call, EXTEND_FIELDS, decodeURIComponent(extend[1]!));
		const one = ONE.exec(call.path);
		if (call.method === "GET" && one) return this.#get(call, decodeURIComponent(one[1]!));
		return undefined;
	}

	protected override submitErrorReply(error: FakeSubmitError): Reply {
		return submitError(error);
	}
	protected override queryErrorReply(status: number): Reply {
		return queryError(status);
	}
	protected override authErrorReply(): Reply {
		return apiError(401, "Invalid token", "invalid_api_key");
	}
	protected override notFoundReply(): Reply {
		return apiError(404, "Invalid URL", "not_found");
	}

	/** Also serves the thumbnail, `/files/<id>.jpg`. */
	protected override serveFile(call: IncomingCall): Reply {
		const id = /^\/files\/([^/]+)\.jpg$/.exec(call.path)?.[1];
		if (id === undefined) return super.serveFile(call);
		if (this.tasks.get(id)?.phase !== "completed") return json(404, { error: "no such file" });
		return { status: 200, body: JPEG_BYTES, contentType: "image/jpeg", headOnly: call.method === "HEAD" };
	}

	#submit(call: IncomingCall, fields: Readonly<Record<string, FieldKind>>, parentId?: string): Reply {
		const submission = this.recordSubmission(call);
		const where = `${call.method} ${call.path}`;
		const problems = fieldProblems(call, fields);
		if (problems.length > 0) {
			for (const problem of problems) this.violation(`${where}: ${problem}`);
			return invalidRequest(problems.join("; "));
		}
		const parent = parentId === undefined ? undefined : this.tasks.get(parentId);
		if (parentId !== undefined && parent?.phase !== "completed") {
			this.violation(`${where}: ${parentId} is not a generation this fake completed`);
			return invalidRequest(`generation ${parentId} is not a completed generation`);
		}
		const raw = this.#takeRaw("create");
		if (raw) return raw;
		const injected = this.takeSubmitError();
		if (injected) return injected;
		const body = call.json as Record<string, unknown>;
		const task = this.addTask({
			id: randomUUID(),
			phase: "queued",
			createdAt: Date.now(),
			submission,
			prompt: String(body.user_prompt),
			aspectRatio:
				parent?.aspectRatio ?? (typeof body.aspect_ratio === "string" ? body.aspect_ratio : "16:9"),
			...(parentId !== undefined && { parentId }),
		});
		return json(200, submitBody(task));
	}

	async #get(call: IncomingCall, id: string): Promise<Reply> {
		if (call.raw.length > 0) this.violation(`GET ${call.path}: a GET carries no body`);
		const injected = this.countQuery();
		if (injected) return injected;
		this.#inFlight++;
		this.maxQueriesInFlight = Math.max(this.maxQueriesInFlight, this.#inFlight);
		try {
			if (this.#queryDelayMs > 0)
				await new Promise((resolve) => setTimeout(resolve, this.#queryDelayMs).unref());
		} finally {
			this.#inFlight--;
		}
		const raw = this.#takeRaw("get");
		if (raw) return raw;
		const task = this.tasks.get(id);
		if (!task) return apiError(404, "task not found", "task_not_exist");
		return json(200, generationBody(task, this.videoUrl(task), `${this.origin}/files/${task.id}.jpg`));
	}

	#takeRaw(endpoint: YescaleEndpoint): Reply | undefined {
		const queue = this.#raw[endpoint];
		const first = queue[0];
		if (!first) return undefined;
		if ((first.times = (first.times ?? 1) - 1) <= 0) queue.shift();
		const body = typeof first.body === "string" ? first.body : JSON.stringify(first.body);
		return {
			status: first.status ?? 200,
			body,
			contentType: first.contentType ?? "application/json",
			...(first.headers && { headers: first.headers }),
		};
	}
}
