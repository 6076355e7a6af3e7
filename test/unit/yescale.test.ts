import { createServer as createHttpServer } from "node:http";
import { createServer, type AddressInfo } from "node:net";
import { inspect } from "node:util";
import { Agent, FormData, request } from "undici";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProviderError, type ProviderErrorCode } from "../../src/errors.js";
import type { FrameSource, GenerateRequest } from "../../src/providers/types.js";
import { YESCALE_CAPABILITIES, YescaleProvider } from "../../src/providers/yescale/client.js";
import type { FakeSubmitError } from "../fakes/common/fakeProvider.js";
import { FAILURE_REASONS, type FakeYescale, startFakeYescale } from "../fakes/yescale/index.js";

/*
 * Shapes marked [I]/[?] in providers.md §3 and what the fake sends:
 * - the create answer: the flat documented example (`id`); the wrapped `data.task_id` is injected raw;
 * - get: the flat Luma web format with `video{url,width,height}`, `thumbnail{url}`, `failure_reason`;
 *   `assets.video`, `artifact.video`, `video_raw`, a bare `video` string and the `{code,data}` wrapper
 *   are injected raw (the adapter takes all of them);
 * - errors: the OpenAI-style body a new-api gateway sends (`{"error":{"message","type","code"}}`),
 *   since YEScale documents none of its own; `{code,message,data}` and plain text are injected raw;
 * - extend: `POST /luma/generations/{id}/extend` as the same-format resellers document it.
 */

const API_KEY = "sk-yescale-test-0123456789abcdef";
let fake: FakeYescale;
let agent: Agent;
let provider: YescaleProvider;

const frame = (name: string): FrameSource => ({
	url: `https://cdn.discordapp.com/attachments/1/2/${name}.png`,
	filename: `${name}.png`,
	contentType: "image/png",
});

function makeProvider(options: { apiKey?: string; baseUrl?: string; requestTimeoutMs?: number } = {}) {
	return new YescaleProvider({
		apiKey: options.apiKey ?? API_KEY,
		baseUrl: options.baseUrl ?? fake.baseUrl,
		dispatcher: agent,
		...(options.requestTimeoutMs !== undefined && { requestTimeoutMs: options.requestTimeoutMs }),
	});
}

/** Awaits a rejected call, checks it is a key-free `ProviderError` and returns it. */
async function failure(promise: Promise<unknown>): Promise<ProviderError> {
	const error = await promise.then(
		() => {
			throw new Error("expected the call to fail");
		},
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(ProviderError);
	const err = error as ProviderError;
	for (const text of [err.message, String(err), inspect(err, { depth: 5 })])
		expect(text).not.toContain(API_KEY);
	return err;
}

async function submitOne(request: Partial<GenerateRequest> = {}): Promise<string> {
	return (await provider.submit({ prompt: "a red fox in snow", ...request })).taskId;
}

const sent = () => fake.submissions().map((s) => [`${s.method} ${s.path}`, s.fields]);
const submitX = () => provider.submit({ prompt: "x" });

async function closedPort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, "127.0.0.1", () => {
			const { port } = server.address() as AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

beforeEach(async () => {
	fake = await startFakeYescale({ apiKey: API_KEY, videoBytes: 4096 });
	fake.setBehaviour({ mode: "manual" });
	agent = new Agent();
	provider = makeProvider();
});

afterEach(async () => {
	expect(fake.violations).toEqual([]);
	await fake.close();
	await agent.destroy();
});

describe("YescaleProvider.submit", () => {
	it("sends only user_prompt for a text-only request", async () => {
		const taskId = await submitOne();
		expect(fake.taskIds()).toEqual([taskId]);
		expect(sent()).toEqual([["POST /luma/generations", { user_prompt: "a red fox in snow" }]]);
	});

	it("maps every field, with both frames as their URLs", async () => {
		await submitOne({
			aspectRatio: "9:16",
			loop: false,
			enhance: true,
			startFrame: frame("a"),
			endFrame: frame("b"),
		});
		expect(fake.submissions()[0]?.fields).toEqual({
			user_prompt: "a red fox in snow",
			expand_prompt: true,
			loop: false,
			image_url: frame("a").url,
			image_end_url: frame("b").url,
			aspect_ratio: "9:16",
		});
	});

	it("extends by the parent's generation id, with and without an end frame", async () => {
		const parentTask = await submitOne({ aspectRatio: "9:16" });
		fake.completeTask(parentTask);
		const [parent] = await provider.query([parentTask]);
		expect(parent?.videoId).toBe(parentTask);
		const { taskId } = await provider.submit({
			prompt: "then it flies",
			enhance: false,
			endFrame: frame("end"),
			extend: { videoId: parent!.videoId!, direction: "forward" },
		});
		await provider.submit({ prompt: "and lands", extend: { videoId: parentTask } });
		const path = `POST /luma/generations/${parentTask}/extend`;
		expect(sent().slice(1)).toEqual([
			[path, { user_prompt: "then it flies", expand_prompt: false, image_end_url: frame("end").url }],
			[path, { user_prompt: "and lands" }],
		]);
		expect(fake.submissions()[1]?.taskId).toBe(taskId);
	});

	it("reads the wrapped {code, data:{task_id}} acknowledgement and a base URL with a trailing slash", async () => {
		const wrapped = { code: 200, request_id: "r1", data: { task_id: "task_9", task_status: "SUBMITTED" } };
		fake.injectRaw("create", { body: wrapped });
		provider = makeProvider({ baseUrl: `${fake.baseUrl}/` });
		await expect(provider.submit({ prompt: "x" })).resolves.toEqual({ taskId: "task_9" });
		expect(fake.submissions()[0]?.path).toBe("/luma/generations");
	});

	const EXT = { extend: { videoId: "g1" } } as const;
	it.each([
		[{ extend: { videoUrl: "https://v.example/a.mp4" } }, "extend_by_url_unsupported", undefined],
		[{ extend: { videoId: "g1", direction: "backward" } }, "extend_backward_unsupported", undefined],
		[{ ...EXT, startFrame: frame("a") }, "extend_option", "start_frame"],
		[{ ...EXT, aspectRatio: "1:1" }, "extend_option", "aspect_ratio"],
		[{ ...EXT, loop: false }, "extend_option", "loop"],
		[{ aspectRatio: "21:9" }, "unsupported_option", "aspect_ratio"],
		[{ model: "ray-2" }, "unsupported_option", "model"],
		[{ duration: "5s" }, "unsupported_option", "duration"],
	] as const)("refuses %j before sending anything: %s", async (extra, code, option) => {
		const request: GenerateRequest = { prompt: "p", ...extra };
		const params = { provider: "yescale", ...(option !== undefined && { option }) };
		expect(provider.checkRequest(request)).toMatchObject({ code, params });
		expect(await failure(provider.submit(request))).toMatchObject({ code: "bad_request", retryable: false });
		expect(fake.submissions()).toEqual([]);
	});

	it("publishes its capabilities without a client", () => {
		expect(provider.capabilities).toBe(YESCALE_CAPABILITIES);
		expect(YESCALE_CAPABILITIES).toMatchObject({
			aspectRatios: ["16:9", "9:16", "1:1", "4:3", "3:4"],
			extend: { byId: true, byUrl: false, endFrame: true, backward: false },
			batchSize: 1,
			firstPollAfterMs: 30_000,
		});
	});
});

describe("YescaleProvider.query", () => {
	it("follows a task from pending to completed", async () => {
		const id = await submitOne({ aspectRatio: "9:16" });
		expect(await provider.query([id])).toEqual([{ taskId: id, state: "queued", rawState: "pending" }]);
		fake.startTask(id);
		expect(await provider.query([id])).toEqual([{ taskId: id, state: "running", rawState: "processing" }]);
		fake.completeTask(id);
		expect(await provider.query([id])).toEqual([
			{
				taskId: id,
				state: "succeeded",
				rawState: "completed",
				videoId: id,
				videoUrl: `${fake.baseUrl}/files/${id}.mp4`,
				thumbnailUrl: `${fake.baseUrl}/files/${id}.jpg`,
				width: 752,
				height: 1360,
			},
		]);
	});

	it.each([
		["moderated", "moderated"],
		["no_credits", "no_credits"],
		["failed", "failed"],
	] as const)("maps a %s failure_reason to %s", async (why, code) => {
		const id = await submitOne();
		fake.failTask(id, why);
		const [status] = await provider.query([id]);
		expect(status).toEqual({
			taskId: id,
			state: "failed",
			rawState: "failed",
			failure: { code, detail: FAILURE_REASONS[why] },
		});
	});

	const U = "https://cdn.example/v.mp4";
	const done = "completed";
	const ok = { state: "succeeded", videoUrl: U };
	it.each([
		["assets.video", { id: "g", state: done, assets: { video: U } }, ok],
		["video as a string", { state: done, video: U }, ok],
		["artifact.video.url", { state: done, artifact: { video: { url: U } } }, ok],
		["video_raw.url", { state: done, video: null, video_raw: { url: U } }, ok],
		["assets.video first", { state: done, assets: { video: U }, video: { url: "https://x/y.mp4" } }, ok],
		[
			"the {code, data} wrapper with string sizes",
			{ code: "success", data: { state: done, video: { url: U, width: "1360", height: "752" } } },
			{ ...ok, width: 1360, height: 752 },
		],
		[
			"completed without a URL",
			{ state: done, video: null },
			{ state: "failed", failure: { code: "no_output" } },
		],
		["failed without a reason", { state: "failed" }, { state: "failed", failure: { code: "failed" } }],
		["an unknown word", { state: "dreaming" }, { state: "running", rawState: "dreaming" }],
		["a wrapper's task_status", { code: 200, data: { task_status: "SUBMITTED" } }, { state: "queued" }],
		["no state but a video", { video: { url: U } }, ok],
	] as const)("reads %s", async (_name, body, expected) => {
		fake.injectRaw("get", { body });
		const [status] = await provider.query(["g"]);
		expect(status).toMatchObject({ taskId: "g", ...expected });
	});

	it("leaves out ids YEScale does not know: a 404, a task_not_exist 400, a wrapped 404", async () => {
		const id = await submitOne();
		expect(await provider.query(["missing", id])).toEqual([
			{ taskId: id, state: "queued", rawState: "pending" },
		]);
		fake.injectRaw("get", {
			status: 400,
			body: { code: "task_not_exist", message: "task_not_exist", data: null },
		});
		expect(await provider.query(["a"])).toEqual([]);
		fake.injectRaw("get", { body: { code: 404, message: "task not found", data: null } });
		expect(await provider.query(["b"])).toEqual([]);
		const before = fake.queryCount();
		expect(await provider.query([])).toEqual([]);
		expect(fake.queryCount()).toBe(before);
	});

	it("makes one GET per id, in order, at most four at a time", async () => {
		await fake.close();
		fake = await startFakeYescale({ apiKey: API_KEY, queryDelayMs: 40 });
		fake.setBehaviour({ mode: "manual" });
		provider = makeProvider();
		const ids: string[] = [];
		for (let i = 0; i < 10; i++) ids.push(await submitOne());
		const statuses = await provider.query([...ids, ids[0]!]);
		expect(statuses.map((s) => s.taskId)).toEqual(ids);
		expect(fake.queryCount()).toBe(10);
		expect(fake.maxQueriesInFlight).toBe(4);
	});

	it("throws the first error of several so the poller backs off", async () => {
		const ids = [await submitOne(), await submitOne()];
		fake.injectQueryError(429);
		expect(await failure(provider.query(ids))).toMatchObject({
			code: "too_many_requests",
			status: 429,
			retryable: true,
			retryAfterMs: 1000,
		});
		for (const [status, code] of [
			[500, "api_error"],
			[503, "unavailable"],
		] as const) {
			fake.injectQueryError(status);
			expect(await failure(provider.query([ids[0]!]))).toMatchObject({ code, status, retryable: true });
		}
	});
});

describe("error mapping", () => {
	const injected: [FakeSubmitError, number, ProviderErrorCode, boolean, number | undefined][] = [
		["invalid_key", 401, "invalid_token", false, undefined],
		["no_credits", 403, "no_credits", false, undefined],
		["rate_limited", 429, "too_many_requests", true, 1000],
		["unavailable", 503, "unavailable", true, undefined],
		["server_error", 500, "api_error", true, undefined],
		["moderated", 400, "moderated", false, undefined],
	];
	it.each(injected)("the fake's %s (HTTP %i) -> %s", async (error, status, code, retryable, retryAfterMs) => {
		fake.injectSubmitError(error);
		const thrown = await failure(submitX());
		expect(thrown).toMatchObject({ code, status, retryable, retryAfterMs });
		expect(thrown.message).toContain(`HTTP ${status}`);
		expect(fake.taskIds()).toEqual([]);
	});

	it("maps a refused key to invalid_token", async () => {
		const error = await failure(makeProvider({ apiKey: "sk-wrong" }).submit({ prompt: "x" }));
		expect(error).toMatchObject({ code: "invalid_token", status: 401, rawCode: "invalid_api_key" });
	});

	const bodies: [number, unknown, ProviderErrorCode][] = [
		[403, { code: "insufficient_user_quota", message: "用户额度不足", data: null }, "no_credits"],
		[402, "insufficient balance", "no_credits"],
		[200, { error: { message: "user quota is not enough", type: "new_api_error", code: "" } }, "no_credits"],
		[500, "no available channel for model luma", "unavailable"],
		[400, { error: { message: "Prompt violates community standards", code: null } }, "moderated"],
		[400, { code: "prompt_blocked", message: "safety system refused the image", data: null }, "moderated"],
		[401, { error: { message: "token has expired" } }, "token_expired"],
		[403, { error: { message: "this token is disabled" } }, "disabled"],
		[429, { error: { message: "quota of requests per minute exceeded" } }, "too_many_requests"],
		[502, "<html>Bad gateway</html>", "api_error"],
		[400, { detail: "bad image" }, "bad_request"],
	];
	it.each(bodies)("HTTP %i %j -> %s", async (status, body, code) => {
		fake.injectRaw("create", {
			status,
			body,
			contentType: typeof body === "string" ? "text/plain" : undefined,
		});
		expect(await failure(submitX())).toMatchObject({ code, status });
	});

	it("keeps the key out of errors when the gateway echoes it, and clips long text", async () => {
		fake.injectRaw("create", { status: 401, body: { error: { message: `token ${API_KEY} is invalid` } } });
		expect((await failure(submitX())).message).toContain("[redacted]");
		fake.injectRaw("create", { status: 400, body: { error: { message: "y".repeat(5000) } } });
		expect((await failure(submitX())).message.length).toBeLessThan(400);
	});

	it("maps a closed port to unreachable", async () => {
		const closed = makeProvider({ baseUrl: `http://127.0.0.1:${await closedPort()}` });
		for (const call of [closed.submit({ prompt: "x" }), closed.query(["a"])])
			expect(await failure(call)).toMatchObject({ code: "unreachable", retryable: true });
	});

	it("maps a server that never answers to timeout", async () => {
		const silent = createHttpServer(() => undefined);
		await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
		try {
			const slow = makeProvider({
				baseUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
				requestTimeoutMs: 150,
			});
			expect(await failure(slow.submit({ prompt: "x" }))).toMatchObject({ code: "timeout" });
			expect(await failure(slow.query(["a"]))).toMatchObject({ code: "timeout", retryable: true });
		} finally {
			silent.closeAllConnections();
			await new Promise((resolve) => silent.close(resolve));
		}
	});

	it("maps a body that is not JSON, or not the documented shape, to invalid_response", async () => {
		const cases = [
			["create", "<html>ok</html>", false],
			["create", { state: "pending" }, false],
			["get", "not json", true],
			["get", { state: 5 }, true],
		] as const;
		for (const [endpoint, body, retryable] of cases) {
			fake.injectRaw(endpoint, { body });
			const call = endpoint === "create" ? submitX() : provider.query(["a"]);
			expect(await failure(call)).toMatchObject({ code: "invalid_response", retryable });
		}
	});
});

describe("fake YEScale", () => {
	async function call(path: string, body: unknown, contentType = "application/json") {
		const res = await request(`${fake.baseUrl}${path}`, {
			method: "POST",
			headers: {
				authorization: `Bearer ${API_KEY}`,
				...(typeof body === "string" && { "content-type": contentType }),
			},
			body: body as string | FormData,
			dispatcher: agent,
		});
		return { status: res.statusCode, body: (await res.body.json()) as { error?: { code?: string } } };
	}

	it("refuses what the documents do not allow, and records it", async () => {
		const form = new FormData();
		form.set("user_prompt", "x");
		const refused = [
			await call("/luma/generations", JSON.stringify({ user_prompt: "x", duration: "5s" })),
			await call("/luma/generations", JSON.stringify({ loop: true })),
			await call("/luma/generations", JSON.stringify({ user_prompt: "x", aspect_ratio: "21:9" })),
			await call("/luma/generations", form),
			await call("/luma/generations/nope/extend", JSON.stringify({ user_prompt: "x" })),
			await call(`/luma/generations/${await submitOne()}/extend`, JSON.stringify({ user_prompt: "x" })),
		];
		for (const answer of refused)
			expect(answer).toMatchObject({ status: 400, body: { error: { code: "invalid_request" } } });
		expect(fake.violations).toHaveLength(6);
		fake.violations.splice(0);
	});

	it("runs tasks on its own in auto mode and serves the video and thumbnail", async () => {
		fake.setBehaviour({ mode: "auto", runningAfterMs: 5, completeAfterMs: 20 });
		const finished = new Promise<string>((resolve) => fake.onTaskFinished(resolve));
		const id = await submitOne();
		expect(await finished).toBe(id);
		const [status] = await provider.query([id]);
		const video = await request(status!.videoUrl!, { dispatcher: agent });
		const bytes = Buffer.from(await video.body.arrayBuffer());
		expect(bytes.subarray(4, 8).toString("latin1")).toBe("ftyp");
		const thumb = await request(status!.thumbnailUrl!, { dispatcher: agent });
		expect(thumb.headers["content-type"]).toBe("image/jpeg");
		await thumb.body.arrayBuffer();
	});
});
