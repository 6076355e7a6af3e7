import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

/**
 * Webhook delivery for the fakes that push results to a `callback_url` (AceDataCloud here, the
 * official Luma fake too): one JSON POST per attempt, on a fresh connection, without a signature
 * (neither provider documents one).
 */

/** One delivery attempt as a fake made it. */
export interface CallbackAttempt {
	url: string;
	/** The receiver's HTTP status; 0 when no answer came (refused, reset, timed out). */
	status: number;
	/** The JSON body that was POSTed. */
	body: unknown;
	/** Why no answer came, when `status` is 0. */
	error?: string;
}

/** Whether a fake pushes callbacks (`off`: they are dropped, as lost deliveries, and not recorded). */
export type CallbackMode = "on" | "off";

/**
 * POSTs `body` as JSON to `url` and resolves with the answer's status once its body has been
 * read, or with status 0 and the reason. Never rejects. `timeoutMs` bounds the whole exchange.
 */
export function postJson(
	url: string,
	body: unknown,
	options: { timeoutMs: number; signal?: AbortSignal },
): Promise<CallbackAttempt> {
	const payload = Buffer.from(JSON.stringify(body));
	const attempt = (status: number, error?: string): CallbackAttempt => ({
		url,
		status,
		body,
		...(error !== undefined && { error }),
	});
	return new Promise((resolve) => {
		const target = URL.canParse(url) ? new URL(url) : undefined;
		if (target?.protocol !== "http:" && target?.protocol !== "https:") {
			resolve(attempt(0, "not an http(s) URL"));
			return;
		}
		const send = target.protocol === "https:" ? httpsRequest : httpRequest;
		let done = false;
		const finish = (result: CallbackAttempt) => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			options.signal?.removeEventListener("abort", onAbort);
			resolve(result);
		};
		const req = send(target, {
			method: "POST",
			agent: false,
			headers: {
				"content-type": "application/json",
				"content-length": payload.length,
				connection: "close",
			},
		});
		const timer = setTimeout(() => {
			finish(attempt(0, `no answer within ${options.timeoutMs} ms`));
			req.destroy();
		}, options.timeoutMs);
		timer.unref();
		const onAbort = () => {
			finish(attempt(0, "fake closed"));
			req.destroy();
		};
		if (options.signal?.aborted) {
			onAbort();
			return;
		}
		options.signal?.addEventListener("abort", onAbort, { once: true });
		req.on("response", (res) => {
			const status = res.statusCode ?? 0;
			res.resume();
			res.on("end", () => finish(attempt(status)));
			res.on("error", (error) => finish(attempt(status, error.message)));
		});
		req.on("error", (error) => finish(attempt(0, error.message)));
		req.end(payload);
	});
}
