import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import type { FaultInjector } from "../common/faults.js";
import { serveCdn } from "./cdn.js";
import { parseBody } from "./multipart.js";
import type { SpecValidator } from "./openapi.js";
import { ApiError, type Ctx, errors, type Reply, type Router } from "./router.js";
import type { Store } from "./state.js";
import type { InjectedError, RecordedRequest } from "./types.js";

const API_PREFIX = "/api/v10";
const MAX_BODY = 100 * 1024 * 1024;
/** Interaction callbacks, interaction webhooks and /gateway carry no Authorization header. */
const NO_AUTH = /^\/(interactions\/[^/]+\/[^/]+\/callback|webhooks\/[^/]+\/[^/]+(\/.*)?|gateway)$/;

export interface Injection {
	method?: string;
	pathPattern: RegExp;
	error: InjectedError;
	remaining: number;
}

export interface ServerDeps {
	store: Store;
	token: string;
	spec: SpecValidator | null;
	router: Router;
	injections: Injection[];
	/** Checked first for every HTTP request (the gateway's upgrade excepted). */
	faults: FaultInjector;
	onUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on("data", (chunk: Buffer) => {
			size += chunk.length;
			if (size <= MAX_BODY) chunks.push(chunk);
		});
		req.on("end", () => (size > MAX_BODY ? reject(errors.tooLarge()) : resolve(Buffer.concat(chunks))));
		req.on("error", reject);
	});
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [key, value] of Object.entries(req.headers)) {
		if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(", ") : value;
	}
	return headers;
}

function injectedReply(injection: Injection): Reply {
	const { status, code, message, retryAfter = 1, global = false } = injection.error;
	if (status !== 429) return { status, body: { message: message ?? `${status}: injected`, code: code ?? 0 } };
	// discord.js treats the mere presence of X-RateLimit-Global as global, so only send it when global.
	const headers: Record<string, string> = { "retry-after": String(retryAfter), "x-ratelimit-scope": "user" };
	if (global) headers["x-ratelimit-global"] = "true";
	return {
		status,
		headers,
		body: {
			message: message ?? "You are being rate limited.",
			retry_after: retryAfter,
			global,
			code: code ?? 0,
		},
	};
}

export class FakeServer {
	readonly #deps: ServerDeps;
	readonly #server: Server;

	constructor(deps: ServerDeps) {
		this.#deps = deps;
		this.#server = createServer((req, res) => {
			deps.faults
				.handle(req, res)
				.then((answered) => (answered ? undefined : this.#handle(req, res)))
				.catch(() => {
					if (!res.headersSent) res.writeHead(500).end();
				});
		});
		this.#server.on("upgrade", deps.onUpgrade);
	}

	async listen(): Promise<number> {
		await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
		return (this.#server.address() as AddressInfo).port;
	}

	async close(): Promise<void> {
		const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
		this.#server.closeAllConnections();
		await closed;
	}

	async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const { store } = this.#deps;
		const url = new URL(req.url ?? "/", "http://127.0.0.1");
		const path = url.pathname.replace(/%40/gi, "@");
		if (path.startsWith("/cdn/") || path.startsWith("/media/")) return serveCdn(store, req, res, path);
		const record: RecordedRequest = {
			method: req.method ?? "GET",
			path,
			query: Object.fromEntries(url.searchParams),
			headers: flatHeaders(req),
			body: undefined,
			files: [],
			status: 0,
			at: store.now(),
		};
		const ctx: Ctx = {
			method: record.method,
			path: path.startsWith(`${API_PREFIX}/`) ? path.slice(API_PREFIX.length) : path,
			query: record.query,
			headers: req.headers,
			body: undefined,
			files: [],
			limitErrors: [],
			after: [],
		};
		let reply: Reply;
		try {
			const parsed = await parseBody(await readBody(req), req.headers["content-type"]);
			record.body = ctx.body = parsed.body;
			record.files = ctx.files = parsed.files;
			reply = await this.#route(ctx, path, parsed.mediaType);
		} catch (error) {
			if (error instanceof ApiError) reply = { status: error.status, body: error.toBody() };
			else {
				const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
				reply = { status: 500, body: { message: `500: fake discord bug: ${message}`, code: 0 } };
			}
		}
		record.status = reply.status;
		store.requests.push(record);
		const json = reply.body === undefined ? undefined : JSON.stringify(reply.body);
		const headers: Record<string, string> = { ...reply.headers };
		if (json !== undefined) headers["content-type"] = "application/json";
		res.writeHead(reply.status, headers).end(json);
		// Effects after the response, so a woken test sees the complete request record.
		for (const effect of ctx.after) effect();
		store.requestWaiters.notify(record);
	}

	async #route(ctx: Ctx, fullPath: string, mediaType: string): Promise<Reply> {
		const { store, spec, router, injections, token } = this.#deps;
		if (!fullPath.startsWith(`${API_PREFIX}/`)) throw errors.notFound();
		const injection = injections.find(
			(i) =>
				i.remaining > 0 &&
				(!i.method || i.method.toUpperCase() === ctx.method) &&
				i.pathPattern.test(fullPath),
		);
		if (injection) {
			injection.remaining--;
			return injectedReply(injection);
		}
		if (!NO_AUTH.test(ctx.path) && ctx.headers.authorization !== `Bot ${token}`) throw errors.unauthorized();
		const found = router.match(ctx.method, ctx.path);
		if (found === "method") return { status: 405, body: { message: "405: Method Not Allowed", code: 0 } };
		if (!found) throw errors.notFound();
		const specResult = spec?.validate(ctx.method, ctx.path, mediaType, ctx.body);
		try {
			return await found.handler(ctx, found.params);
		} finally {
			const errorsFound = [...(specResult?.errors ?? []), ...ctx.limitErrors];
			if (errorsFound.length > 0) {
				store.violations.push({
					method: ctx.method,
					path: fullPath,
					operation: specResult?.operation ?? "fake-limits",
					template: specResult?.template,
					errors: errorsFound,
					rejected: ctx.limitErrors.length > 0,
				});
			}
		}
	}
}
