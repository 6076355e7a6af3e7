import { createServer as createHttpServer, type IncomingHttpHeaders } from "node:http";
import { type AddressInfo, createServer } from "node:net";
import { inspect } from "node:util";
import { Agent, request } from "undici";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProviderError, type ProviderErrorCode } from "../../src/errors.js";
import { AceDataCloudProvider } from "../../src/providers/acedatacloud/client.js";
import { type FakeAceDataCloud, startFakeAceDataCloud } from "../fakes/acedatacloud/index.js";
import { asFakeProvider } from "../fakes/acedatacloud/provider.js";

const API_KEY = "sk-test-ace-0123456789abcdef";
const PROVIDER_TEXT = "ProviderSaysSomethingInternal";

let fake: FakeAceDataCloud;
let agent: Agent;
let provider: AceDataCloudProvider;

function makeProvider(options: { apiKey?: string; baseUrl?: string; requestTimeoutMs?: number } = {}) {
	return new AceDataCloudProvider({
		apiKey: options.apiKey ?? API_KEY,
		baseUrl: options.baseUrl ?? fake.baseUrl,
		dispatcher: agent,
		...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
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
	const dump = `${String(error)}\n${JSON.stringify(error)}\n${inspect(error, { depth: 10 })}`;
	expect(dump).not.toContain(API_KEY);
	return error as ProviderError;
}

async function submitOne(): Promise<string> {
	return (await provider.submit({ prompt: "a red fox in snow" })).taskId;
}

beforeEach(async () => {
	fake = await startFakeAceDataCloud({ apiKey: API_KEY, videoBytes: 4096 });
	fake.setBehaviour({ mode: "manual" });
	agent = new Agent();
	provider = makeProvider();
});

afterEach(async () => {
	await fake.close();
	await agent.destroy();
});

describe("AceDataCloudProvider.submit", () => {
	it("sends only the prompt plus action/async, with the auth headers", async () => {
		const { taskId } = await provider.submit({ prompt: "a red fox in snow" });
		expect(fake.tasks.has(taskId)).toBe(true);
		expect(fake.submittedBodies()).toEqual([
			{ action: "generate", async: true, prompt: "a red fox in snow" },
		]);
		const headers = fake.requests[0]?.headers;
		expect(headers?.authorization).toBe(`Bearer ${API_KEY}`);
		expect(headers?.accept).toBe("application/json");
		expect(headers?.["content-type"]).toBe("application/json");
	});

	it("maps every field the user set, including both frame URLs", async () => {
		await provider.submit({
			prompt: "sunrise",
			aspectRatio: "9:16",
			loop: false,
			enhance: true,
			startFrame: { url: "https://img.example/a.png", filename: "a.png" },
			endFrame: { url: "https://img.example/b.png", filename: "b.png" },
		});
		expect(fake.submittedBodies()).toEqual([
			{
				action: "generate",
				async: true,
				prompt: "sunrise",
				aspect_ratio: "9:16",
				loop: false,
				enhancement: true,
				start_image_url: "https://img.example/a.png",
				end_image_url: "https://img.example/b.png",
			},
		]);
	});

	it("extends by the result's video_id, never the task id, and keeps an end frame", async () => {
		const parentTask = await submitOne();
		fake.completeTask(parentTask);
		const [parent] = await provider.query([parentTask]);
		const { taskId } = await provider.submit({
			prompt: "and then it flies",
			endFrame: { url: "https://img.example/end.png", filename: "end.png" },
			extend: { videoId: parent!.videoId! },
		});
		expect(parent?.videoId).not.toBe(parentTask);
		expect(fake.submittedBodies()[1]).toEqual({
			action: "extend",
			async: true,
			prompt: "and then it flies",
			end_image_url: "https://img.example/end.png",
			video_id: parent!.videoId,
		});
		expect(fake.tasks.get(taskId)?.state).toBe("queued");
	});

	it("extends a video made elsewhere through video_url", async () => {
		await provider.submit({ prompt: "more", extend: { videoUrl: "https://videos.example/clip.mp4" } });
		expect(fake.submittedBodies()).toEqual([
			{ action: "extend", async: true, prompt: "more", video_url: "https://videos.example/clip.mp4" },
		]);
	});

	it("accepts a bare {task_id} acknowledgement and a base URL with a trailing slash", async () => {
		fake.injectRaw("videos", { body: '{"task_id":"732f8282-7cf8"}' });
		provider = makeProvider({ baseUrl: `${fake.baseUrl}/` });
		await expect(provider.submit({ prompt: "x" })).resolves.toEqual({ taskId: "732f8282-7cf8" });
		expect(fake.requests[0]?.path).toBe("/luma/videos");
	});
});

describe("AceDataCloudProvider.query", () => {
	it("uses retrieve for one id", async () => {
		const id = await submitOne();
		const statuses = await provider.query([id]);
		expect(statuses).toEqual([{ taskId: id, state: "queued" }]);
		expect(fake.requests.at(-1)?.body).toEqual({ id, action: "retrieve" });
	});

	it("uses one retrieve_batch request for several ids and leaves unknown ids out", async () => {
		const a = await submitOne();
		const b = await submitOne();
		const before = fake.requests.length;
		const statuses = await provider.query([a, "unknown-id", b]);
		expect(statuses.map((s) => s.taskId)).toEqual([a, b]);
		expect(fake.requests.length).toBe(before + 1);
		expect(fake.requests.at(-1)?.body).toEqual({ ids: [a, "unknown-id", b], action: "retrieve_batch" });
	});

	it("answers [] for one unknown id, and for no ids without a request", async () => {
		await expect(provider.query(["nope"])).resolves.toEqual([]);
		const before = fake.requests.length;
		await expect(provider.query([])).resolves.toEqual([]);
		expect(fake.requests.length).toBe(before);
	});

	it("refuses more than batchSize ids without calling the provider", async () => {
		const ids = Array.from({ length: provider.capabilities.batchSize + 1 }, (_, i) => `id-${i}`);
		await expect(provider.query(ids)).rejects.toBeInstanceOf(RangeError);
		expect(fake.requests).toHaveLength(0);
	});
});

describe("task state mapping", () => {
	it("maps queued, processing, pending and completed", async () => {
		const id = await provider.submit({ prompt: "p", aspectRatio: "9:16" }).then((r) => r.taskId);
		expect(await provider.query([id])).toEqual([{ taskId: id, state: "queued" }]);
		fake.startTask(id);
		expect(await provider.query([id])).toEqual([{ taskId: id, state: "running", rawState: "processing" }]);
		fake.setTaskResponse(id, { task_id: id, state: "pending" });
		expect((await provider.query([id]))[0]?.state).toBe("running");
		fake.setTaskResponse(id, null);
		expect((await provider.query([id]))[0]?.state).toBe("queued");

		const other = await submitOne();
		fake.completeTask(id);
		const statuses = await provider.query([id, other]);
		expect(statuses[0]).toEqual({
			taskId: id,
			state: "succeeded",
			rawState: "completed",
			videoId: fake.tasks.get(id)?.videoId,
			videoUrl: `${fake.baseUrl}/files/${id}.mp4`,
			thumbnailUrl: `${fake.baseUrl}/files/${id}.jpg`,
			width: 752,
			height: 1360,
		});
		expect(statuses[0]?.videoId).not.toBe(id);
		expect(statuses[1]?.state).toBe("queued");
	});

	it("maps a failed task to the shared code, never keeping the provider's text", async () => {
		const id = await submitOne();
		fake.failTask(id, { code: "forbidden", message: `Sorry! ${PROVIDER_TEXT} moderators` });
		const [status] = await provider.query([id]);
		expect(status).toMatchObject({ state: "failed", failure: { code: "moderated", detail: "forbidden" } });
		expect(JSON.stringify(status)).not.toContain(PROVIDER_TEXT);
	});

	it("recognises moderation from the message when the task carries no code", async () => {
		const id = await submitOne();
		fake.setTaskResponse(
			id,
			{ success: false, error: { message: "against our community standards" } },
			{ finished: true },
		);
		expect((await provider.query([id]))[0]?.failure?.code).toBe("moderated");
	});

	it.each([
		["transient success:false without code or finish", { success: false }, false, "running"],
		[
			"success:false with a code",
			{ success: false, error: { code: "used_up", message: "x" } },
			false,
			"failed",
		],
		["success:false once finished", { success: false, error: { message: PROVIDER_TEXT } }, true, "failed"],
		["state failed", { state: "failed" }, true, "failed"],
		["completed without a video URL", { success: true, state: "completed", task_id: "t" }, true, "failed"],
		["unknown state word", { state: "rendering" }, false, "running"],
	] as const)("%s", async (_name, response, finished, expected) => {
		const id = await submitOne();
		fake.setTaskResponse(id, { ...response }, { finished });
		const [status] = await provider.query([id]);
		expect(status?.state).toBe(expected);
		if (expected === "failed") expect(JSON.stringify(status)).not.toContain(PROVIDER_TEXT);
		if (_name.startsWith("completed")) expect(status?.failure?.code).toBe("no_output");
	});
});

describe("error mapping", () => {
	const cases: [number, string, ProviderErrorCode, boolean][] = [
		[400, "bad_request", "bad_request", false],
		[400, "no_token", "invalid_token", false],
		[401, "invalid_token", "invalid_token", false],
		[401, "token_expired", "token_expired", false],
		[403, "disabled", "disabled", false],
		[403, "used_up", "no_credits", false],
		[403, "forbidden", "moderated", false],
		[404, "no_api", "not_found", false],
		[429, "too_many_requests", "too_many_requests", true],
		[500, "api_error", "api_error", true],
		[504, "timeout", "timeout", true],
		[502, "something_new", "api_error", true],
		[503, "api_error", "unavailable", true],
	];

	it.each(cases)("HTTP %i %s -> %s (retryable %s)", async (status, raw, code, retryable) => {
		for (const endpoint of ["videos", "tasks"] as const) {
			fake.injectError(endpoint, { status, code: raw, message: `${PROVIDER_TEXT} about ${raw}` });
			const call = endpoint === "videos" ? provider.submit({ prompt: "x" }) : provider.query(["a", "b"]);
			const error = await failure(call);
			expect(error).toMatchObject({ code, status, retryable });
			expect(error.message).toContain(String(status));
			expect(error.message).toContain(code);
		}
	});

	it("keeps the provider's own code for logs and refuses a wrong key as invalid_token", async () => {
		fake.injectError("videos", { status: 403, code: "used_up" });
		expect(await failure(provider.submit({ prompt: "x" }))).toMatchObject({
			code: "no_credits",
			rawCode: "used_up",
		});
		const error = await failure(makeProvider({ apiKey: "wrong-key" }).submit({ prompt: "x" }));
		expect(error).toMatchObject({ code: "invalid_token", status: 401, retryable: false });
	});

	it("falls back to the HTTP status for a body without a code, and reads 2xx error bodies", async () => {
		fake.injectRaw("tasks", { status: 502, body: "<html>Bad gateway</html>", contentType: "text/html" });
		expect(await failure(provider.query(["a", "b"]))).toMatchObject({ code: "api_error", retryable: true });
		fake.injectRaw("videos", { body: '{"success":false,"error":{"code":"used_up","message":"no"}}' });
		expect(await failure(provider.submit({ prompt: "x" }))).toMatchObject({
			code: "no_credits",
			status: 200,
		});
	});

	it("keeps the key out of errors even when the provider echoes it, and clips long messages", async () => {
		fake.injectError("videos", { status: 401, code: "invalid_token", message: `token ${API_KEY} is bad` });
		const echoed = await failure(provider.submit({ prompt: "x" }));
		expect(echoed.message).toContain("[redacted]");
		fake.injectError("videos", { status: 400, code: "bad_request", message: "y".repeat(5000) });
		const long = await failure(provider.submit({ prompt: "x" }));
		expect(long.message.length).toBeLessThan(400);
	});

	it("maps a closed port to unreachable (no request reached the provider)", async () => {
		const port = await new Promise<number>((resolve) => {
			const server = createServer().listen(0, "127.0.0.1", () => {
				const address = server.address();
				server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
			});
		});
		const closed = makeProvider({ baseUrl: `http://127.0.0.1:${port}` });
		expect(await failure(closed.submit({ prompt: "x" }))).toMatchObject({
			code: "unreachable",
			retryable: true,
		});
		expect(await failure(closed.query(["a"]))).toMatchObject({ code: "unreachable", retryable: true });
	});

	it("maps a slow answer to a retryable timeout", async () => {
		fake.setDelay("tasks", 2000);
		fake.setDelay("videos", 2000);
		const slow = makeProvider({ requestTimeoutMs: 150 });
		expect(await failure(slow.query(["a"]))).toMatchObject({ code: "timeout", retryable: true });
		expect(await failure(slow.submit({ prompt: "x" }))).toMatchObject({ code: "timeout", retryable: true });
	});

	it("rethrows the caller's abort reason instead of a ProviderError", async () => {
		fake.setDelay("tasks", 2000);
		const controller = new AbortController();
		const call = provider.query(["a"], { signal: controller.signal });
		setTimeout(() => controller.abort(), 50);
		await expect(call).rejects.toMatchObject({ name: "AbortError" });
	});

	it("maps an unparsable or misshapen body to invalid_response", async () => {
		fake.injectRaw("tasks", { body: "not json at all" });
		expect(await failure(provider.query(["a"]))).toMatchObject({ code: "invalid_response", retryable: true });
		fake.injectRaw("tasks", { body: '{"items":"nope"}' });
		expect(await failure(provider.query(["a", "b"]))).toMatchObject({ code: "invalid_response" });
		fake.injectRaw("videos", { body: '{"success":true}' });
		const error = await failure(provider.submit({ prompt: "x" }));
		expect(error).toMatchObject({ code: "invalid_response", retryable: false });
	});
});

describe("fake AceDataCloud", () => {
	async function post(path: string, body: unknown, key: string | null = API_KEY) {
		const res = await request(`${fake.baseUrl}${path}`, {
			method: "POST",
			headers: {
				"content-type": "application/json",
				...(key === null ? {} : { authorization: `Bearer ${key}` }),
			},
			body: JSON.stringify(body),
			dispatcher: agent,
		});
		return { status: res.statusCode, body: (await res.body.json()) as Record<string, unknown> };
	}

	it("enforces bearer auth with the documented error bodies", async () => {
		const missing = await post("/luma/videos", { prompt: "x", async: true }, null);
		expect(missing).toMatchObject({ status: 400, body: { error: { code: "no_token" } } });
		expect(missing.body.trace_id).toEqual(expect.any(String));
		expect(await post("/luma/videos", { prompt: "x", async: true }, "bad")).toMatchObject({ status: 401 });
	});

	it("refuses synchronous calls, generate without a prompt, and extend without video_id or with task_id", async () => {
		const sync = await post("/luma/videos", { action: "generate", prompt: "x" });
		expect(sync).toMatchObject({ status: 400, body: { error: { code: "bad_request" } } });
		expect(JSON.stringify(sync.body)).toContain("synchronous mode is not supported by this fake");
		expect((await post("/luma/videos", { async: true })).status).toBe(400);
		expect((await post("/luma/videos", { action: "extend", prompt: "x", async: true })).status).toBe(400);

		const id = await submitOne();
		fake.completeTask(id);
		const videoId = fake.tasks.get(id)?.videoId;
		const withTaskId = { action: "extend", prompt: "more", async: true, video_id: videoId, task_id: id };
		expect((await post("/luma/videos", withTaskId)).status).toBe(400);
		expect(
			(await post("/luma/videos", { action: "extend", prompt: "x", async: true, video_id: id })).status,
		).toBe(400);
		const ok = await post("/luma/videos", {
			action: "extend",
			prompt: "more",
			async: true,
			video_id: videoId,
		});
		expect(ok).toMatchObject({ status: 200, body: { success: true, task_id: expect.any(String) } });
	});

	it("answers records shaped like the documents and omits unknown ids from batches", async () => {
		const id = await submitOne();
		const queued = await post("/luma/tasks", { id, action: "retrieve" });
		expect(queued.body).toMatchObject({ id, _id: expect.any(String), created_at: expect.any(Number) });
		expect(queued.body).not.toHaveProperty("response");
		expect(queued.body).not.toHaveProperty("finished_at");
		fake.completeTask(id);
		const batch = await post("/luma/tasks", { ids: ["missing", id], action: "retrieve_batch" });
		expect(batch.body.count).toBe(1);
		expect(batch.body.items).toEqual([
			expect.objectContaining({ id, finished_at: expect.any(Number), elapsed: expect.any(Number) }),
		]);
		expect((await post("/luma/tasks", { id: "missing", action: "retrieve" })).status).toBe(404);
	});

	it("serves an MP4 and a JPEG for completed tasks", async () => {
		const id = await submitOne();
		fake.completeTask(id);
		const video = await request(`${fake.baseUrl}/files/${id}.mp4`, { dispatcher: agent });
		const bytes = Buffer.from(await video.body.arrayBuffer());
		expect(video.headers["content-type"]).toBe("video/mp4");
		expect(bytes.length).toBe(4096);
		expect(bytes.subarray(4, 8).toString("latin1")).toBe("ftyp");
		const thumb = await request(`${fake.baseUrl}/files/${id}.jpg`, { dispatcher: agent });
		const jpeg = Buffer.from(await thumb.body.arrayBuffer());
		expect(jpeg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
		expect(fake.requests.at(-1)?.path).toBe(`/files/${id}.jpg`);
	});

	it("moves tasks on its own in auto mode and reports finished tasks", async () => {
		fake.setBehaviour({ mode: "auto", runningAfterMs: 10, completeAfterMs: 40 });
		const finished = new Promise<string>((resolve) => fake.onTaskFinished((task) => resolve(task.state)));
		const id = await submitOne();
		expect(await finished).toBe("completed");
		expect((await provider.query([id]))[0]?.state).toBe("succeeded");
	});
});

/** A local callback receiver: records every POST and answers with the next queued status (default 200). */
async function startReceiver() {
	const received: { path: string; headers: IncomingHttpHeaders; body: unknown }[] = [];
	const statuses: number[] = [];
	const server = createHttpServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on("data", (chunk: Buffer) => chunks.push(chunk));
		req.on("end", () => {
			received.push({
				path: req.url ?? "/",
				headers: req.headers,
				body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown,
			});
			res.writeHead(statuses.shift() ?? 200, { "content-type": "text/plain" }).end("ok");
		});
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/acedatacloud/secret-123`;
	return {
		url,
		received,
		/** The next answers' statuses, in order. */
		answer: (...next: number[]) => statuses.push(...next),
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

describe("callbacks", () => {
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	beforeEach(async () => {
		receiver = await startReceiver();
	});
	afterEach(async () => {
		await receiver.close();
	});

	it("sends callback_url only when one is set, and keeps async: true", async () => {
		await provider.submit({ prompt: "plain" });
		await provider.submit({ prompt: "pushed", callbackUrl: receiver.url });
		expect(fake.submittedBodies()).toEqual([
			{ action: "generate", async: true, prompt: "plain" },
			{ action: "generate", async: true, prompt: "pushed", callback_url: receiver.url },
		]);
		expect(provider.capabilities.callbacks).toBe(true);
	});

	it("parses a success body like a task's response", () => {
		const body = {
			success: true,
			task_id: "t-1",
			video_id: "v-1",
			video_url: "https://cdn.example/t-1.mp4",
			state: "completed",
			thumbnail_url: "https://cdn.example/t-1.jpg",
			video_width: 1360,
			video_height: 752,
			trace_id: "tr-1",
		};
		expect(provider.parseCallback(body)).toEqual({
			taskId: "t-1",
			state: "succeeded",
			rawState: "completed",
			videoId: "v-1",
			videoUrl: "https://cdn.example/t-1.mp4",
			thumbnailUrl: "https://cdn.example/t-1.jpg",
			width: 1360,
			height: 752,
		});
	});

	it.each([
		[
			"moderation",
			{ code: "forbidden", message: `Sorry! ${PROVIDER_TEXT} moderators` },
			"moderated",
			"forbidden",
		],
		["generic", { code: "api_error", message: PROVIDER_TEXT }, "api_error", "api_error"],
		["credits", { code: "used_up", message: PROVIDER_TEXT }, "no_credits", "used_up"],
		["no code", { message: PROVIDER_TEXT }, "failed", undefined],
	] as const)("parses a failure body (%s) as final", (_name, error, code, detail) => {
		const status = provider.parseCallback({ success: false, task_id: "t-2", trace_id: "tr-2", error });
		expect(status).toEqual({
			taskId: "t-2",
			state: "failed",
			failure: { code, ...(detail !== undefined && { detail }) },
		});
		expect(JSON.stringify(status)).not.toContain(PROVIDER_TEXT);
	});

	it.each([
		["null", null],
		["a string", "task_id=t"],
		["an array", [{ task_id: "t" }]],
		["an empty object", {}],
		["a body without task_id", { success: true, video_url: "https://cdn.example/v.mp4", state: "completed" }],
		["an empty task_id", { success: true, task_id: "" }],
		["a numeric task_id", { success: true, task_id: 7 }],
		["a misshapen field", { success: true, task_id: "t", video_url: 42 }],
	])("returns undefined for %s", (_name, body) => {
		expect(provider.parseCallback(body)).toBeUndefined();
	});

	it("pushes the documented success body once, which parses to what query answers", async () => {
		const { taskId } = await provider.submit({
			prompt: "fox",
			aspectRatio: "9:16",
			callbackUrl: receiver.url,
		});
		fake.startTask(taskId);
		await fake.callbacksSettled();
		expect(receiver.received).toEqual([]);
		fake.completeTask(taskId);
		await fake.callbacksSettled();
		const task = fake.tasks.get(taskId)!;
		const expected = {
			success: true,
			task_id: taskId,
			video_id: task.videoId,
			prompt: "fox",
			video_url: `${fake.baseUrl}/files/${taskId}.mp4`,
			video_width: 752,
			video_height: 1360,
			state: "completed",
			thumbnail_url: `${fake.baseUrl}/files/${taskId}.jpg`,
			thumbnail_width: 752,
			thumbnail_height: 1360,
			trace_id: expect.any(String),
		};
		expect(receiver.received).toEqual([
			{ path: "/hooks/acedatacloud/secret-123", headers: expect.anything(), body: expected },
		]);
		const [delivery] = receiver.received;
		expect(delivery?.headers["content-type"]).toBe("application/json");
		// No signature is documented: nothing but the usual headers.
		expect(delivery?.headers.authorization).toBeUndefined();
		expect(fake.callbacks()).toEqual([{ url: receiver.url, status: 200, body: delivery?.body }]);
		const [queried] = await provider.query([taskId]);
		expect(provider.parseCallback(delivery?.body)).toEqual(queried);
		expect(queried?.state).toBe("succeeded");
	});

	it("pushes the documented failure body, which parses to what query answers", async () => {
		const { taskId } = await provider.submit({ prompt: "fox", callbackUrl: receiver.url });
		const error = { code: "forbidden", message: "Sorry! Our AI moderators feel your prompt…" };
		fake.failTask(taskId, error);
		await fake.callbacksSettled();
		const body = receiver.received[0]?.body;
		expect(body).toEqual({
			success: false,
			task_id: taskId,
			trace_id: expect.any(String),
			error,
		});
		const [queried] = await provider.query([taskId]);
		expect(provider.parseCallback(body)).toEqual(queried);
		expect(queried?.failure).toEqual({ code: "moderated", detail: "forbidden" });
	});

	it("pushes in auto mode too, and only for tasks submitted with a callback URL", async () => {
		fake.setBehaviour({ mode: "auto", runningAfterMs: 5, completeAfterMs: 20 });
		const finished = new Promise<void>((resolve) => {
			let left = 2;
			fake.onTaskFinished(() => --left === 0 && resolve());
		});
		await provider.submit({ prompt: "no callback" });
		const { taskId } = await provider.submit({ prompt: "with callback", callbackUrl: receiver.url });
		await finished;
		await fake.callbacksSettled();
		expect(receiver.received.map((r) => (r.body as { task_id: string }).task_id)).toEqual([taskId]);
	});

	it("does not retry a delivery the receiver refused, and records its status", async () => {
		receiver.answer(500);
		const { taskId } = await provider.submit({ prompt: "fox", callbackUrl: receiver.url });
		fake.completeTask(taskId);
		await fake.callbacksSettled();
		await new Promise((resolve) => setTimeout(resolve, 150));
		expect(receiver.received).toHaveLength(1);
		expect(fake.callbacks()).toEqual([{ url: receiver.url, status: 500, body: receiver.received[0]?.body }]);
	});

	it("records an unreachable receiver as status 0", async () => {
		const url = receiver.url;
		await receiver.close();
		receiver = await startReceiver();
		const { taskId } = await provider.submit({ prompt: "fox", callbackUrl: url });
		fake.completeTask(taskId);
		await fake.callbacksSettled();
		expect(fake.callbacks()).toEqual([
			{ url, status: 0, body: expect.objectContaining({ task_id: taskId }), error: expect.any(String) },
		]);
	});

	it("holds callbacks back when told to, and polling still sees the result", async () => {
		fake.setCallbacks("off");
		const { taskId } = await provider.submit({ prompt: "fox", callbackUrl: receiver.url });
		fake.completeTask(taskId);
		await fake.callbacksSettled();
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(receiver.received).toEqual([]);
		expect(fake.callbacks()).toEqual([]);
		expect((await provider.query([taskId]))[0]?.state).toBe("succeeded");
	});

	it("counts callback_url as documented and anything else as a violation", async () => {
		await provider.submit({ prompt: "fox", callbackUrl: receiver.url });
		expect(asFakeProvider(fake).violations).toEqual([]);
		await request(`${fake.baseUrl}/luma/videos`, {
			method: "POST",
			headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
			body: JSON.stringify({ prompt: "x", callback_url: 5, webhook: receiver.url }),
			dispatcher: agent,
		}).then((res) => res.body.dump());
		expect(asFakeProvider(fake).violations).toEqual([
			"POST /luma/videos: undocumented field webhook",
			"POST /luma/videos: callback_url is not an http(s) URL",
		]);
	});
});
