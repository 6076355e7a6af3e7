import { createServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { inspect } from "node:util";
import { Agent, request } from "undici";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProviderError, type ProviderErrorCode } from "../../src/errors.js";
import { LUMA_AGENTS_CAPABILITIES, LumaAgentsProvider } from "../../src/providers/luma-agents/client.js";
import type { GenerateRequest, ReadFrame, TaskStatus } from "../../src/providers/types.js";
import type { FakeFailure, FakeSubmitError } from "../fakes/common/fakeProvider.js";
import { type FakeLumaAgents, startFakeLumaAgents } from "../fakes/luma-agents/index.js";

// Error bodies: the docs say to branch on the status and read `detail` (FastAPI style), so the
// fake sends `{"detail": "<text>"}` for every refusal, moderation and credits included (words,
// no code). The adapter also reads `{error:{code,message,type}}`, `{message}`, `{code}` and a
// 422 list of `{loc,msg,type}`; those shapes are injected verbatim below.

const API_KEY = "luma-api-test-0123456789abcdef";
const CDN = "https://cdn.discordapp.com/attachments/1/2";
const START = { url: `${CDN}/start.png?ex=1&hm=2`, filename: "start.png", contentType: "image/png" };
const END = { url: `${CDN}/end.jpg?ex=1&hm=2`, filename: "end.jpg", contentType: "image/jpeg" };
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
const JPG = Buffer.from([0xff, 0xd8, 0xff, 5, 6]);
const PNG_REF = { data: PNG.toString("base64"), media_type: "image/png" };
const JPG_REF = { data: JPG.toString("base64"), media_type: "image/jpeg" };
const BASE = { type: "video", model: "ray-3.2" };

let fake: FakeLumaAgents;
let agent: Agent;
let provider: LumaAgentsProvider;
let frameReads: string[];

const readFrame: ReadFrame = async (url) => {
	frameReads.push(url);
	if (url === START.url) return { data: PNG, contentType: "image/png" };
	if (url === END.url) return { data: JPG, contentType: "image/jpeg; charset=binary" };
	throw new Error(`unexpected frame ${url}`);
};

function makeProvider(options: { apiKey?: string; baseUrl?: string; requestTimeoutMs?: number } = {}) {
	const { requestTimeoutMs } = options;
	return new LumaAgentsProvider({
		apiKey: options.apiKey ?? API_KEY,
		baseUrl: options.baseUrl ?? fake.baseUrl,
		dispatcher: agent,
		readFrame,
		...(requestTimeoutMs !== undefined && { requestTimeoutMs }),
	});
}

/** Awaits a rejected call, checks it is a `ProviderError` free of the key and returns it. */
async function failure(promise: Promise<unknown>, key = API_KEY): Promise<ProviderError> {
	const error = await promise.then(
		() => expect.fail("expected the call to fail"),
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(ProviderError);
	expect(`${(error as Error).message}\n${String(error)}\n${inspect(error, { depth: 5 })}`).not.toContain(key);
	return error as ProviderError;
}

/** Expects the call to fail with a key-free ProviderError matching `expected`. */
const rejects = async (promise: Promise<unknown>, expected: Partial<ProviderError>) =>
	expect(await failure(promise)).toMatchObject(expected);
const X = { prompt: "x" };
const submit = async (req: Partial<GenerateRequest> = {}) =>
	(await provider.submit({ prompt: "a red fox", ...req })).taskId;
const finished = async () => {
	const id = await submit();
	fake.completeTask(id);
	return id;
};
const lastFields = () => fake.submissions().at(-1)?.fields;
/** A download's status; the body is read to its end, so no stream is left open when the pool closes. */
const download = async (url: string) => {
	const response = await request(url, { dispatcher: agent });
	await response.body.dump();
	return response.statusCode;
};

beforeEach(async () => {
	fake = await startFakeLumaAgents({ apiKey: API_KEY, videoBytes: 2048 });
	fake.setBehaviour({ mode: "manual" });
	agent = new Agent();
	provider = makeProvider();
	frameReads = [];
});

afterEach(async () => {
	expect(fake.violations).toEqual([]);
	await fake.close();
	await agent.destroy();
});

describe("LumaAgentsProvider.submit", () => {
	it("sends type, model and prompt only when nothing else is set (enhance is not offered)", async () => {
		const id = await submit({ enhance: true });
		expect(fake.taskIds()).toEqual([id]);
		expect(fake.submissions()).toMatchObject([{ method: "POST", path: "/v1/generations" }]);
		expect(lastFields()).toEqual({ ...BASE, prompt: "a red fox" });
	});

	it("sends every field, with both frames inline and the requester's opaque id", async () => {
		await submit({
			aspectRatio: "9:16",
			loop: false,
			duration: "5s",
			resolution: "1080p",
			startFrame: START,
			endFrame: END,
			userRef: "u_3f9a",
		});
		expect(lastFields()).toEqual({
			...BASE,
			prompt: "a red fox",
			aspect_ratio: "9:16",
			user_id: "u_3f9a",
			video: { duration: "5s", resolution: "1080p", loop: false, start_frame: PNG_REF, end_frame: JPG_REF },
		});
		expect(frameReads).toEqual([START.url, END.url]);
		expect(JSON.stringify(lastFields())).not.toContain("cdn.discordapp.com");
	});

	it("extends forward through video.start_frame, with or without an inline end frame", async () => {
		const parent = await finished();
		await submit({ extend: { videoId: parent }, endFrame: END });
		expect(lastFields()?.video).toEqual({ start_frame: { generation_id: parent }, end_frame: JPG_REF });
		await submit({ extend: { videoId: parent, direction: "forward" }, resolution: "720p" });
		expect(lastFields()?.video).toEqual({ resolution: "720p", start_frame: { generation_id: parent } });
	});

	it("extends backward through video.end_frame, with or without an inline start frame", async () => {
		const parent = await finished();
		await submit({ extend: { videoId: parent, direction: "backward" }, startFrame: START });
		expect(lastFields()?.video).toEqual({ start_frame: PNG_REF, end_frame: { generation_id: parent } });
		await submit({ extend: { videoId: parent, direction: "backward" } });
		expect(lastFields()?.video).toEqual({ end_frame: { generation_id: parent } });
	});

	it("refuses what the API cannot express before reading frames or calling it", async () => {
		for (const req of [
			{ extend: { videoUrl: "https://videos.example/clip.mp4" } },
			{ extend: { videoId: "g" }, startFrame: START },
			{ extend: { videoId: "g", direction: "backward" as const }, endFrame: END },
		]) {
			await rejects(provider.submit({ ...X, ...req }), { code: "bad_request" });
		}
		expect(fake.submissions()).toEqual([]);
		expect(frameReads).toEqual([]);
	});

	it("needs readFrame, and tolerates a base URL with a trailing slash", async () => {
		const construct = () => new LumaAgentsProvider({ apiKey: API_KEY });
		expect(construct).toThrow(/readFrame/);
		expect(() => construct()).not.toThrow(ProviderError);
		await makeProvider({ baseUrl: `${fake.baseUrl}/` }).submit(X);
		expect(fake.submissions()[0]?.path).toBe("/v1/generations");
	});
});

describe("LumaAgentsProvider.checkRequest and capabilities", () => {
	const ten = { duration: "10s" };
	const back = { videoId: "g", direction: "backward" as const };
	const textOnly = { code: "duration_text_only", params: ten };
	const ours = (code: string) => ({ code, params: { provider: "luma-agents" } });
	it.each([
		[{ ...ten, startFrame: START }, textOnly],
		[{ ...ten, endFrame: END }, textOnly],
		[{ ...ten, extend: { videoId: "g" } }, textOnly],
		[
			{ ...ten, loop: true },
			{ code: "loop_duration", params: ten },
		],
		[{ ...ten, loop: false }, undefined],
		[{ extend: back, endFrame: END }, ours("extend_backward_end_frame")],
		[{ extend: { videoId: "g" }, startFrame: START }, ours("extend_start_frame")],
		[{ extend: back, startFrame: START }, undefined],
		[{ duration: "5s", loop: true, startFrame: START, endFrame: END }, undefined],
	])("%o -> %o", (req, problem) => {
		expect(provider.checkRequest({ ...X, ...req })).toEqual(problem);
	});

	it("exports its static capabilities", () => {
		expect(provider.capabilities).toBe(LUMA_AGENTS_CAPABILITIES);
		expect(LUMA_AGENTS_CAPABILITIES).toMatchObject({ batchSize: 1, expiringOutput: true, callbacks: false });
		expect(LUMA_AGENTS_CAPABILITIES.resolutions[0]).toBe("720p");
	});
});

describe("LumaAgentsProvider.query", () => {
	it("maps the fake's phases; videoId is the generation id", async () => {
		const id = await submit();
		expect(await provider.query([id])).toEqual([{ taskId: id, state: "queued", rawState: "queued" }]);
		fake.startTask(id);
		expect(await provider.query([id])).toEqual([{ taskId: id, state: "running", rawState: "processing" }]);
		fake.completeTask(id);
		const [done] = await provider.query([id]);
		expect(done).toEqual({
			taskId: id,
			state: "succeeded",
			rawState: "completed",
			videoId: id,
			videoUrl: done?.videoUrl,
		});
		expect(done?.videoUrl).toMatch(new RegExp(`^${fake.baseUrl}/files/${id}\\.mp4\\?expires=\\d+&sig=`));
	});

	it.each([
		["moderated", "moderated", "content_moderated"],
		["no_credits", "no_credits", "budget_exhausted"],
		["failed", "failed", "generation_failed"],
	] as const)("maps the fake's %s failure", async (why: FakeFailure, code: ProviderErrorCode, detail) => {
		const id = await submit();
		fake.failTask(id, why);
		expect(await provider.query([id])).toEqual([
			{ taskId: id, state: "failed", rawState: "failed", failure: { code, detail } },
		]);
	});

	const gen = (fields: object) => ({ id: "g-1", created_at: "2026-01-01T00:00:00Z", ...BASE, ...fields });
	const done = (output: unknown) => gen({ state: "completed", output });
	const failed = (failure_code: string | null, failure_reason: string | null = null) =>
		gen({ state: "failed", failure_code, failure_reason });
	type Expected = Partial<TaskStatus>;
	const ok = (videoUrl: string): Expected => ({ state: "succeeded", videoUrl, videoId: "g-1" });
	const lost = (code: ProviderErrorCode, detail?: string): Expected => ({
		state: "failed",
		failure: { code, detail },
	});
	const noOutput: Expected = { state: "failed", failure: { code: "no_output" } };
	const video = { type: "video", url: "v" };
	const shapes: [string, unknown, Expected][] = [
		["video among outputs", done([{ type: "image", url: "i" }, video]), ok("v")],
		["video/mp4 type", done([{ type: "video/mp4", url: "v" }]), ok("v")],
		["untyped output", done([{ url: "v" }]), ok("v")],
		["empty output", done([]), noOutput],
		["null output", done(null), noOutput],
		["no output", gen({ state: "completed" }), noOutput],
		["no id in the body", { state: "completed", output: [video] }, ok("v")],
		["unknown word", gen({ state: "dreaming" }), { state: "running", rawState: "dreaming" }],
		["pending", gen({ state: "pending" }), { state: "queued" }],
		[
			"moderation words",
			failed(null, "Advanced moderation failed"),
			lost("moderated", "Advanced moderation failed"),
		],
		["credits words", failed(null, "Insufficient balance"), lost("no_credits", "Insufficient balance")],
		["unknown code", failed("brand_new"), lost("failed", "brand_new")],
		...(
			[
				["content_moderated", "moderated"],
				["budget_exhausted", "no_credits"],
				["rate_limited", "too_many_requests"],
				["image_too_large", "bad_request"],
				["unsupported_format", "bad_request"],
				["corrupt_input", "bad_request"],
				["invalid_request", "bad_request"],
				["generation_failed", "failed"],
				["output_not_found", "no_output"],
			] as const
		).map(([raw, code]): [string, unknown, Expected] => [raw, failed(raw, "x"), lost(code, raw)]),
	];
	it.each(shapes)("tolerates %s", async (_name, body, expected) => {
		fake.injectRaw("get", { body });
		expect(await provider.query(["g-1"])).toMatchObject([{ taskId: "g-1", ...expected }]);
	});

	it("reads several ids with one GET each, at most four at once, leaving unknown ids out", async () => {
		const ids = await Promise.all(Array.from({ length: 6 }, () => submit()));
		fake.setQueryDelay(30);
		const before = fake.queryCount();
		const statuses = await provider.query([...ids.slice(0, 3), "unknown-id", ...ids.slice(3)]);
		expect(statuses.map((s) => s.taskId)).toEqual(ids);
		expect(fake.queryCount() - before).toBe(7);
		expect(fake.peakConcurrentQueries()).toBe(4);
		expect(await provider.query([])).toEqual([]);
		expect(fake.queryCount() - before).toBe(7);
	});

	it("throws on 429 (with retry-after), 5xx and a 404 that is not JSON, so the poller backs off", async () => {
		const ids = [await submit(), await submit()];
		fake.injectQueryError(429);
		await rejects(provider.query(ids), {
			code: "too_many_requests",
			status: 429,
			retryable: true,
			retryAfterMs: 7000,
		});
		fake.injectQueryError(500);
		await rejects(provider.query(ids), { code: "api_error", retryable: true });
		fake.injectQueryError(503);
		await rejects(provider.query(ids.slice(1)), { code: "unavailable", retryable: true });
		fake.injectRaw("get", { status: 404, body: "<html>no such host route</html>", contentType: "text/html" });
		await rejects(provider.query(ids.slice(1)), { code: "not_found", status: 404 });
	});

	it("maps a non-JSON or misshapen 200 to a retryable invalid_response", async () => {
		fake.injectRaw("get", { body: "not json at all" });
		await rejects(provider.query(["g"]), { code: "invalid_response", retryable: true });
		fake.injectRaw("get", { body: { id: "g" } });
		await rejects(provider.query(["g"]), { code: "invalid_response", retryable: true });
	});
});

describe("expiring output links", () => {
	it("an old link stops working after its TTL and freshVideoUrl gives one that works", async () => {
		const short = await startFakeLumaAgents({ apiKey: API_KEY, urlTtlMs: 300 });
		try {
			short.setBehaviour({ mode: "manual" });
			const client = makeProvider({ baseUrl: short.baseUrl });
			const { taskId } = await client.submit(X);
			expect(await client.freshVideoUrl(taskId)).toBeUndefined();
			expect(await client.freshVideoUrl("unknown-id")).toBeUndefined();
			short.completeTask(taskId);
			const old = (await client.query([taskId]))[0]?.videoUrl ?? "";
			expect(await download(old)).toBe(200);
			expect(await download(old.replace(/sig=[0-9a-f]/, "sig=x"))).toBe(403);
			await sleep(400);
			expect(await download(old)).toBe(403);
			const fresh = (await client.freshVideoUrl(taskId)) ?? "";
			expect(fresh).not.toBe(old);
			expect(await download(fresh)).toBe(200);
			expect(short.violations).toEqual([]);
		} finally {
			await short.close();
		}
	});
});

describe("error mapping", () => {
	it.each([
		["invalid_key", "invalid_token", 401, false, undefined],
		["no_credits", "no_credits", 402, false, undefined],
		["rate_limited", "too_many_requests", 429, true, 7000],
		["unavailable", "unavailable", 503, true, undefined],
		["server_error", "api_error", 500, true, undefined],
		["moderated", "moderated", 400, false, undefined],
	] as const)("fake's %s -> %s", async (injected: FakeSubmitError, code, status, retryable, retryAfterMs) => {
		fake.injectSubmitError(injected);
		const error = await failure(provider.submit(X));
		expect(error).toMatchObject({ code, status, retryable, retryAfterMs });
		expect(error.message).toContain(`HTTP ${status} ${code}`);
		expect(fake.taskIds()).toEqual([]);
	});

	it.each([
		[400, { error: { code: "content_moderated", message: "no", type: "invalid_request" } }, "moderated"],
		[402, { error: { code: "budget_exhausted" } }, "no_credits"],
		[403, { detail: "budget_exhausted" }, "no_credits"],
		[403, { code: "budget_exhausted", message: "Budget exhausted" }, "no_credits"],
		[403, { detail: "Client suspended" }, "disabled"],
		[400, { message: "Prompt was flagged by moderation" }, "moderated"],
		[
			422,
			{ detail: [{ loc: ["body", "video"], msg: "loop not supported", type: "value_error" }] },
			"bad_request",
		],
		[422, { detail: { code: "corrupt_input", message: "bad image" } }, "bad_request"],
		[413, { detail: "Input media exceeds size limit" }, "bad_request"],
		[404, { detail: "Not Found" }, "not_found"],
		[429, { error: { code: "rate_limited" } }, "too_many_requests"],
		[500, { error: { code: "generation_failed" } }, "api_error"],
		[502, "<html>Bad gateway</html>", "api_error"],
		[504, { detail: "Gateway timeout" }, "timeout"],
	] as const)("HTTP %i %j -> %s", async (status, body, code: ProviderErrorCode) => {
		fake.injectRaw("create", { status, body, ...(typeof body === "string" && { contentType: "text/html" }) });
		await rejects(provider.submit(X), { code, status });
	});

	it("reads retry-after from headers and keeps the key out even when the provider echoes it", async () => {
		fake.injectRaw("create", { status: 429, body: { detail: "slow down" }, headers: { "retry-after": "2" } });
		await rejects(provider.submit(X), { retryAfterMs: 2000 });
		fake.injectRaw("create", { status: 401, body: { detail: `key ${API_KEY} is wrong` } });
		expect((await failure(provider.submit(X))).message).toContain("[redacted]");
		const wrong = "luma-api-wrong-key-987654321";
		const refused = await failure(makeProvider({ apiKey: wrong }).submit(X), wrong);
		expect(refused).toMatchObject({ code: "invalid_token", status: 401, retryable: false });
	});

	it("maps a closed port to unreachable and a server that never answers to timeout", async () => {
		const sockets = new Set<Socket>();
		const server = createServer((socket) => sockets.add(socket.on("error", () => {})));
		await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
		const silent = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		try {
			const slow = makeProvider({ baseUrl: silent, requestTimeoutMs: 150 });
			await rejects(slow.submit(X), { code: "timeout", retryable: true });
			await rejects(slow.query(["a"]), { code: "timeout", retryable: true });
		} finally {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
		// A fresh pool: the timed-out calls above may leave a pooled socket the server has since closed.
		const pool = new Agent();
		const closed = new LumaAgentsProvider({ apiKey: API_KEY, baseUrl: silent, dispatcher: pool, readFrame });
		await rejects(closed.submit(X), { code: "unreachable", retryable: true });
		await rejects(closed.query(["a", "b"]), { code: "unreachable" });
		await pool.destroy();
	});

	it("maps a create answer that is not JSON or has no id to a non-retryable invalid_response", async () => {
		fake.injectRaw("create", { status: 201, body: "<html>created</html>" });
		await rejects(provider.submit(X), { code: "invalid_response", retryable: false });
		fake.injectRaw("create", { status: 201, body: { state: "queued" } });
		await rejects(provider.submit(X), { code: "invalid_response", retryable: false });
	});
});

describe("fake Luma Agents", () => {
	async function call(method: "GET" | "POST", path: string, body?: unknown, headers = {}) {
		const res = await request(`${fake.baseUrl}${path}`, {
			method,
			headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json", ...headers },
			...(body !== undefined && { body: typeof body === "string" ? body : JSON.stringify(body) }),
			dispatcher: agent,
		});
		return { status: res.statusCode, body: (await res.body.json()) as { detail?: unknown } };
	}
	const video = (fields: Record<string, unknown>) => ({ ...BASE, prompt: "x", video: fields });

	it("refuses and records requests that break the documents, with `{detail}` bodies", async () => {
		const cases: [unknown, number, Record<string, string>?][] = [
			[{ ...BASE }, 400],
			[{ ...BASE, prompt: "x", enhance: true }, 400],
			[{ model: "ray-3.2", prompt: "x" }, 400],
			[video({ loop: "yes" }), 400],
			[video({ duration: "10s", loop: true }), 422],
			[video({ duration: "10s", start_frame: PNG_REF }), 422],
			[video({ start_frame: { generation_id: "not-a-finished-generation" } }), 400],
			[video({ start_frame: { ...PNG_REF, url: "https://img.example/a.png" } }), 400],
			[video({ end_frame: { data: "not base64!", media_type: "image/png" } }), 422],
			[{ ...BASE, prompt: "x" }, 422, { "content-type": "text/plain" }],
		];
		for (const [body, status, headers] of cases) {
			const before = fake.violations.length;
			const answer = await call("POST", "/v1/generations", body, headers);
			expect(answer).toEqual({ status, body: { detail: expect.any(String) } });
			expect(fake.violations.length).toBe(before + 1);
		}
		expect(fake.taskIds()).toEqual([]);
		fake.violations.splice(0);
	});

	it("answers auth, unknown ids and unknown paths in the API's words", async () => {
		const anonymous = await call("POST", "/v1/generations", { ...BASE, ...X }, { authorization: "" });
		expect(anonymous).toEqual({ status: 401, body: { detail: "Invalid or missing API key" } });
		const unknown = await call("GET", "/v1/generations/nope");
		expect(unknown).toEqual({ status: 404, body: { detail: "Generation not found" } });
		expect(fake.violations).toEqual([]);
		expect((await call("GET", "/v1/videos")).status).toBe(404);
		expect(fake.violations).toEqual(["GET /v1/videos: no such endpoint"]);
		fake.violations.splice(0);
	});

	it("moves tasks on its own in auto mode", async () => {
		fake.setBehaviour({ mode: "auto", runningAfterMs: 10, completeAfterMs: 40 });
		const done = new Promise<string>((resolve) => fake.onTaskFinished(resolve));
		const id = await submit();
		expect(await done).toBe(id);
		expect((await provider.query([id]))[0]?.state).toBe("succeeded");
	});
});
