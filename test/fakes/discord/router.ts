import type { IncomingHttpHeaders } from "node:http";
import type { RecordedFile } from "./types.js";

/** One REST request as the route handlers see it. */
export interface Ctx {
	method: string;
	/** Path after /api/v10, %40 → @, no query. */
	path: string;
	query: Record<string, string>;
	headers: IncomingHttpHeaders;
	body: unknown;
	files: RecordedFile[];
	/** Errors from the fake's own limits; the server records them with the spec errors as one violation. */
	limitErrors: string[];
	/** Run after the response has been written (events, waiters, gateway dispatches). */
	after: (() => void)[];
}

export interface Reply {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

/** A Discord JSON error: `{ code, message, errors? }` with an HTTP status. */
export class ApiError extends Error {
	readonly status: number;
	readonly code: number;
	readonly errors: unknown;

	constructor(status: number, code: number, message: string, errors?: unknown) {
		super(message);
		this.status = status;
		this.code = code;
		this.errors = errors;
	}

	toBody(): Record<string, unknown> {
		const body: Record<string, unknown> = { message: this.message, code: this.code };
		if (this.errors !== undefined) body.errors = this.errors;
		return body;
	}
}

export const errors = {
	unknownInteraction: () => new ApiError(404, 10062, "Unknown interaction"),
	alreadyAcknowledged: () => new ApiError(400, 40060, "Interaction has already been acknowledged."),
	invalidWebhookToken: () => new ApiError(401, 50027, "Invalid Webhook Token"),
	unknownWebhook: () => new ApiError(404, 10015, "Unknown Webhook"),
	unknownMessage: () => new ApiError(404, 10008, "Unknown Message"),
	unknownChannel: () => new ApiError(404, 10003, "Unknown Channel"),
	missingAccess: () => new ApiError(403, 50001, "Missing Access"),
	unknownUser: () => new ApiError(404, 10013, "Unknown User"),
	unknownMember: () => new ApiError(404, 10007, "Unknown Member"),
	unknownGuild: () => new ApiError(404, 10004, "Unknown Guild"),
	unknownApplication: () => new ApiError(404, 10002, "Unknown Application"),
	unknownCommand: () => new ApiError(404, 10063, "Unknown application command"),
	tooLarge: () => new ApiError(413, 40005, "Request entity too large"),
	emptyMessage: () => new ApiError(400, 50006, "Cannot send an empty message"),
	otherAuthor: () => new ApiError(403, 50005, "Cannot edit a message authored by another user"),
	invalidForm: (errorTree: unknown) => new ApiError(400, 50035, "Invalid Form Body", errorTree),
	notFound: () => new ApiError(404, 0, "404: Not Found"),
	unauthorized: () => new ApiError(401, 0, "401: Unauthorized"),
};

/** Builds Discord's nested `errors` object for one field: {a: {0: {b: {_errors: [...]}}}}. */
export function formError(path: (string | number)[], code: string, message: string): Record<string, unknown> {
	let tree: Record<string, unknown> = { _errors: [{ code, message }] };
	for (let i = path.length - 1; i >= 0; i--) tree = { [String(path[i])]: tree };
	return tree;
}

export type Handler = (ctx: Ctx, params: string[]) => Reply | Promise<Reply>;

interface Route {
	method: string;
	pattern: RegExp;
	handler: Handler;
}

const SEGMENT = "([^/]+)";

/** Routes written like "/channels/:id/messages/:id"; params come back in order. */
export class Router {
	readonly #routes: Route[] = [];

	add(method: string, template: string, handler: Handler): void {
		const source = template
			.split("/")
			.map((part) => (part.startsWith(":") ? SEGMENT : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
			.join("/");
		this.#routes.push({ method, pattern: new RegExp(`^${source}$`), handler });
	}

	/** Literal routes (e.g. .../@original) must be added before the parametrised ones they shadow. */
	match(method: string, path: string): { handler: Handler; params: string[] } | "method" | undefined {
		let pathMatched = false;
		for (const route of this.#routes) {
			const found = route.pattern.exec(path);
			if (!found) continue;
			if (route.method !== method) {
				pathMatched = true;
				continue;
			}
			return { handler: route.handler, params: found.slice(1).map((p) => decodeURIComponent(p)) };
		}
		return pathMatched ? "method" : undefined;
	}
}

/** Records the fake's own limit breaches on the request and answers 400 50035 with Discord's tree. */
export function enforce(ctx: Ctx, report: { errors: string[]; tree: Record<string, unknown> }): void {
	if (report.errors.length === 0) return;
	ctx.limitErrors.push(...report.errors);
	throw errors.invalidForm(report.tree);
}

export const asJson = (value: unknown): Record<string, unknown> =>
	typeof value === "object" && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: {};
