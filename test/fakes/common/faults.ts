import type { IncomingMessage, ServerResponse } from "node:http";
import { seededRandom } from "../../support/seededRandom.js";

/** An answer in place of the fake's own; `body` and `headers` default to the fake's error shape. */
export interface StatusFault {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** For 429: seconds to wait, in the body and headers of the fake's shape (default 0.25). */
	retryAfter?: number;
}

/**
 * One way a request goes wrong: an error answer, a pause before the normal answer, or a cut
 * connection: before the fake sees the request, or (`after`) once it has handled it, so the change
 * is made but its answer is lost.
 */
export type Fault = StatusFault | { delay: number } | { reset: true; after?: boolean };

export interface FaultRule {
	/** Default: every method. */
	method?: string;
	/** A pattern for the path (without the query), or text the path contains. */
	path: RegExp | string;
	/** Paths the rule leaves alone although `path` matches them. */
	except?: RegExp;
	/** The share of matching requests that get a fault, 0 to 1. */
	ratio: number;
	/** One is drawn for each request the rule hits. */
	faults: Fault[];
	/** The seed of the rule's own generator, so a run draws the same sequence (default 1). */
	seed?: number;
	/** The rule lapses this long after it was added (default: it lasts until cleared). */
	forMs?: number;
	/** The rule lapses after injecting this many faults (default: no limit). */
	times?: number;
}

export interface InjectedFault {
	method: string;
	path: string;
	fault: Fault;
	at: number;
}

/** The fake's own error shape for a status fault: Discord's, or the provider's documented one. */
export type FaultShape = (
	fault: StatusFault,
	request: { method: string; path: string },
) => { body: unknown; headers?: Record<string, string> };

interface ActiveRule {
	rule: FaultRule;
	random: () => number;
	until: number;
	left: number;
}

const matches = ({ method, path, except }: FaultRule, reqMethod: string, reqPath: string): boolean =>
	(!method || method.toUpperCase() === reqMethod) &&
	(typeof path === "string" ? reqPath.includes(path) : path.test(reqPath)) &&
	!except?.test(reqPath);

/**
 * Faults for a fake's HTTP entry point. Each request is checked against the rules in the order
 * they were added; a matching rule fires with its ratio, and the first that fires picks the fault.
 * A faulted request never reaches the fake's routes (a delay or a reset `after` excepted): it is
 * not recorded there, only in `injected`.
 */
export class FaultInjector {
	readonly injected: InjectedFault[] = [];
	readonly #rules: ActiveRule[] = [];
	readonly #shape: FaultShape;
	readonly #now: () => number;

	constructor(shape: FaultShape, now: () => number = Date.now) {
		this.#shape = shape;
		this.#now = now;
	}

	/** Adds a rule; the function returned ends it. */
	add(rule: FaultRule): () => void {
		if (!(rule.ratio >= 0 && rule.ratio <= 1))
			throw new Error(`fault ratio ${rule.ratio} is not within 0..1`);
		if (rule.faults.length === 0) throw new Error("a fault rule needs at least one fault");
		const until = rule.forMs === undefined ? Number.POSITIVE_INFINITY : this.#now() + rule.forMs;
		const active = {
			rule,
			random: seededRandom(rule.seed ?? 1),
			until,
			left: rule.times ?? Number.POSITIVE_INFINITY,
		};
		this.#rules.push(active);
		return () => {
			const index = this.#rules.indexOf(active);
			if (index >= 0) this.#rules.splice(index, 1);
		};
	}

	clear(): void {
		this.#rules.length = 0;
	}

	/** The fault this request gets, if any (drawn and counted). */
	pick(method: string, path: string): Fault | undefined {
		const now = this.#now();
		for (const active of this.#rules) {
			if (now >= active.until || active.left <= 0 || !matches(active.rule, method, path)) continue;
			if (active.random() >= active.rule.ratio) continue;
			const { faults } = active.rule;
			const fault = faults[Math.floor(active.random() * faults.length)]!;
			active.left--;
			this.injected.push({ method, path, fault, at: now });
			return fault;
		}
		return undefined;
	}

	/**
	 * Runs the draw for one incoming request. True when the fault answered it or cut it, and the
	 * fake must do nothing more; false when the fake answers as usual (after any delay).
	 */
	async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
		const method = req.method ?? "GET";
		const path = new URL(req.url ?? "/", "http://fake").pathname.replace(/%40/gi, "@");
		const fault = this.pick(method, path);
		if (!fault) return false;
		if ("delay" in fault) {
			await new Promise((resolve) => setTimeout(resolve, fault.delay));
			return false;
		}
		if ("reset" in fault && fault.after) {
			res.end = () => {
				req.socket.resetAndDestroy();
				return res;
			};
			return false;
		}
		if ("reset" in fault) {
			req.socket.resetAndDestroy();
			return true;
		}
		// Read the body out, so the connection can carry the client's next request.
		req.resume();
		await new Promise((resolve) => req.once("end", resolve).once("error", resolve));
		const shaped = this.#shape(fault, { method, path });
		const body = fault.body ?? shaped.body;
		const payload = typeof body === "string" ? body : JSON.stringify(body);
		res
			.writeHead(fault.status, { "content-type": "application/json", ...shaped.headers, ...fault.headers })
			.end(payload);
		return true;
	}
}
