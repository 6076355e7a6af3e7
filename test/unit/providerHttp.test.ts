import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Agent } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { isAccountProblem, ProviderError, provesNoTask } from "../../src/errors.js";
import { codeForStatus, ProviderHttp, retryAfterMsOf } from "../../src/providers/http.js";

const KEY = "sk-secret-http-0123456789";
const agents: Agent[] = [];
const servers: Server[] = [];
afterEach(async () => {
	await Promise.all(agents.splice(0).map((agent) => agent.destroy()));
	await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
	const error = await promise.then(
		() => new Error("expected a failure"),
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(ProviderError);
	expect(String(error)).not.toContain(KEY);
	return error as ProviderError;
}

describe("ProviderHttp", () => {
	it("maps a DNS failure to unreachable, which proves no task was created", async () => {
		// The resolver fails here as it would for a mistyped host: no packet leaves the machine.
		const agent = new Agent({
			connect: {
				lookup: (_host, _options, callback) =>
					callback(
						Object.assign(new Error("getaddrinfo ENOTFOUND api.example.invalid"), { code: "ENOTFOUND" }),
						"",
						4,
					),
			},
		});
		agents.push(agent);
		const http = new ProviderHttp({
			label: "Test",
			apiKey: KEY,
			baseUrl: "http://api.example.invalid",
			dispatcher: agent,
		});
		const error = await failure(http.send({ method: "POST", path: "/x", body: { a: 1 } }));
		expect(error).toMatchObject({ code: "unreachable", retryable: true });
		expect(provesNoTask(error.code)).toBe(true);
	});

	it("sends bearer auth and JSON, and reads the retry-after of a 429", async () => {
		let seen: { auth?: string; type?: string; body?: string } = {};
		const server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on("data", (c: Buffer) => chunks.push(c));
			req.on("end", () => {
				seen = {
					auth: req.headers.authorization,
					type: req.headers["content-type"],
					body: Buffer.concat(chunks).toString(),
				};
				res.writeHead(429, { "retry-after": "3", "content-type": "application/json" }).end("{}");
			});
		});
		servers.push(server);
		await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
		const port = (server.address() as AddressInfo).port;
		const http = new ProviderHttp({ label: "Test", apiKey: KEY, baseUrl: `http://127.0.0.1:${port}/` });
		const answer = await http.send({ method: "POST", path: "/v1/x", body: { prompt: "p" } });
		expect(seen).toEqual({ auth: `Bearer ${KEY}`, type: "application/json", body: '{"prompt":"p"}' });
		expect(answer.status).toBe(429);
		const error = http.error({
			operation: "POST /v1/x",
			code: codeForStatus(429),
			status: 429,
			headers: answer.headers,
			providerText: `echo ${KEY}`,
		});
		expect(error).toMatchObject({ code: "too_many_requests", retryAfterMs: 3000, retryable: true });
		expect(error.message).toContain("[redacted]");
	});
});

describe("error rules", () => {
	it("reads retry-after as seconds, as a date, and retry-after-ms", () => {
		const now = Date.parse("2026-12-01T00:00:00Z");
		expect(retryAfterMsOf({ "retry-after": "2" }, now)).toBe(2000);
		expect(retryAfterMsOf({ "retry-after": "Tue, 01 Dec 2026 00:00:05 GMT" }, now)).toBe(5000);
		expect(retryAfterMsOf({ "retry-after-ms": "250" }, now)).toBe(250);
		expect(retryAfterMsOf({}, now)).toBeUndefined();
	});

	it("only answers that prove no task was created allow failover; moderation, 500 and timeouts never do", () => {
		for (const code of [
			"invalid_token",
			"token_expired",
			"disabled",
			"no_credits",
			"too_many_requests",
			"unavailable",
			"unreachable",
		] as const)
			expect(provesNoTask(code), code).toBe(true);
		for (const code of [
			"moderated",
			"api_error",
			"timeout",
			"network",
			"bad_request",
			"invalid_response",
			"unknown",
		] as const)
			expect(provesNoTask(code), code).toBe(false);
		expect(isAccountProblem("no_credits")).toBe(true);
		expect(isAccountProblem("too_many_requests")).toBe(false);
	});
});
