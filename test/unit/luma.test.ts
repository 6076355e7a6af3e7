import { createServer as createHttpServer, type ServerResponse } from "node:http";
import { type AddressInfo, createServer, type Server, type Socket } from "node:net";
import { inspect } from "node:util";
import { Agent, request } from "undici";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProviderError, type ProviderErrorCode } from "../../src/errors.js";
import { LUMA_CAPABILITIES, LumaDreamMachineProvider } from "../../src/providers/luma/client.js";
import type { GenerateRequest } from "../../src/providers/types.js";
import type { Reply } from "../fakes/common/base.js";
import type { FakeSubmitError } from "../fakes/common/fakeProvider.js";
import { type FakeLuma, startFakeLuma } from "../fakes/luma/index.js";

const API_KEY = "luma-test-key-0123456789abcdef";
const START = { url: "https://cdn.discordapp.com/attachments/1/2/start.png", filename: "start.png" };
const END = { url: "https://cdn.discordapp.com/attachments/1/3/end.png", filename: "end.png" };

let fake: FakeLuma;
let agent: Agent;
let provider: LumaDreamMachineProvider;

function makeProvider(options: { baseUrl?: string; model?: string; requestTimeoutMs?: number } = {}) {
	return new LumaDreamMachineProvider({
		apiKey: API_KEY,
		baseUrl: options.baseUrl ?? fake.baseUrl,
		dispatcher: agent,
		...(options.model !== undefined && { model: options.model }),
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
	for (const dump of [(error as Error).message, String(error), inspect(error, { depth: 5 })]) {
		expect(dump).not.toContain(API_KEY);
	}
	return error as ProviderError;
}

const sent = () => fake.submissions().map((s) => s.fields);
const submit = async (request: Partial<GenerateRequest> = {}) =>
	(await provider.submit({ prompt: "a red fox in snow", ...request })).taskId;
async function finished(): Promise<string> {
	const id = await submit();
	fake.completeTask(id);
	return id;
}
const raw = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({
	status,
	body: typeof body === "string" ? body : JSON.stringify(body),
	contentType: typeof body === "string" ? "text/plain" : "application/json",
	...(headers && { headers }),
});

beforeEach(async () => {
	fake = await startFakeLuma({ apiKey: API_KEY, videoBytes: 2048 });
	fake.setBehaviour({ mode: "manual" });
	agent = new Agent();
	provider = makeProvider();
});

afterEach(async () => {
	// Everything the adapter sent followed Luma's documents.
	expect(fake.violations).toEqual([]);
	await fake.close();
	await agent.destroy();
});

describe("capabilities and checkRequest", () => {
	it("offers ray-2 first, or the configured model when Luma has it", () => {
		expect(provider.capabilities).toBe(LUMA_CAPABILITIES);
		expect(LUMA_CAPABILITIES.models).toEqual(["ray-2", "ray-flash-2"]);
		expect(LUMA_CAPABILITIES.aspectRatios[0]).toBe("16:9");
		expect(LUMA_CAPABILITIES.resolutions[0]).toBe("720p");
		expect(makeProvider({ model: "ray-flash-2" }).capabilities.models).toEqual(["ray-flash-2", "ray-2"]);
		expect(makeProvider({ model: "ray-9" }).capabilities.models).toEqual(["ray-2", "ray-flash-2"]);
	});

	it.each([
		[
			{ extend: { videoId: "g", direction: "backward" as const }, endFrame: END },
			"extend_backward_end_frame",
		],
		[{ extend: { videoId: "g" }, startFrame: START }, "extend_start_frame"],
		[{ model: "ray-1-6" }, "model_unknown"],
		[{ extend: { videoId: "g", direction: "backward" as const }, startFrame: START }, undefined],
		[{ extend: { videoId: "g" }, endFrame: END, model: "ray-flash-2" }, undefined],
	])("%o -> %s", (request, code) => {
		expect(provider.checkRequest({ prompt: "p", ...request })?.code).toBe(code);
	});
});

describe("submit", () => {
	it("sends only prompt and the default model for text-only, with auth and JSON headers", async () => {
		const id = await submit({ enhance: true, userRef: "abc" });
		expect(fake.taskIds()).toEqual([id]);
		expect(sent()).toEqual([{ prompt: "a red fox in snow", model: "ray-2" }]);
		const call = fake.calls[0]!;
		expect(call).toMatchObject({ method: "POST", path: "/generations/video" });
		expect(call.headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(call.headers["content-type"]).toBe("application/json");
	});

	it("maps every field and both frames as public image URLs", async () => {
		await submit({
			aspectRatio: "9:16",
			loop: false,
			model: "ray-flash-2",
			duration: "9s",
			resolution: "1080p",
			startFrame: START,
			endFrame: END,
		});
		expect(sent()).toEqual([
			{
				prompt: "a red fox in snow",
				model: "ray-flash-2",
				aspect_ratio: "9:16",
				loop: false,
				duration: "9s",
				resolution: "1080p",
				keyframes: { frame0: { type: "image", url: START.url }, frame1: { type: "image", url: END.url } },
			},
		]);
	});

	it("uses the configured model when the request names none", async () => {
		provider = makeProvider({ model: "ray-flash-2" });
		await submit({ endFrame: END });
		expect(sent()[0]).toEqual({
			prompt: "a red fox in snow",
			model: "ray-flash-2",
			keyframes: { frame1: { type: "image", url: END.url } },
		});
	});

	it("extends forward (with and without an end frame) and backward (with a start frame)", async () => {
		const parent = await finished();
		const [status] = await provider.query([parent]);
		expect(status?.videoId).toBe(parent);
		const generation = { type: "generation", id: parent };
		await submit({ extend: { videoId: parent } });
		await submit({ extend: { videoId: parent, direction: "forward" }, endFrame: END });
		await submit({ extend: { videoId: parent, direction: "backward" } });
		await submit({ extend: { videoId: parent, direction: "backward" }, startFrame: START });
		expect(
			sent()
				.slice(1)
				.map((b) => b.keyframes),
		).toEqual([
			{ frame0: generation },
			{ frame0: generation, frame1: { type: "image", url: END.url } },
			{ frame1: generation },
			{ frame0: { type: "image", url: START.url }, frame1: generation },
		]);
	});

	it("refuses what no Luma call can express without sending anything", async () => {
		for (const request of [
			{ extend: { videoUrl: "https://videos.example/clip.mp4" } },
			{ extend: { videoId: "g", direction: "backward" as const }, endFrame: END },
			{ extend: { videoId: "g" }, startFrame: START },
		]) {
			expect(await failure(submit(request))).toMatchObject({ code: "bad_request", retryable: false });
		}
		expect(fake.calls).toEqual([]);
	});

	it("takes any 2xx Generation and a base URL with a trailing slash", async () => {
		// The fake answers 201 like the third-party spec [I]; a 200 must work as well.
		fake.injectReply("create", raw(200, { id: "gen-200", state: "queued" }));
		provider = makeProvider({ baseUrl: `${fake.baseUrl}/` });
		await expect(submit()).resolves.toBe("gen-200");
		expect(fake.calls[0]?.path).toBe("/generations/video");
	});
});

describe("query", () => {
	it("answers [] for no ids without a request, and refuses more than batchSize", async () => {
		await expect(provider.query([])).resolves.toEqual([]);
		const ids = Array.from({ length: 51 }, (_, i) => `id-${i}`);
		await expect(provider.query(ids)).rejects.toBeInstanceOf(RangeError);
		expect(fake.calls).toEqual([]);
	});

	it("reads every known id from one list call and leaves unknown ids out", async () => {
		const a = await submit();
		const b = await finished();
		fake.addForeignGenerations(3);
		fake.calls.length = 0;
		const statuses = await provider.query([a, b]);
		expect(statuses.map((s) => [s.taskId, s.state])).toEqual([
			[a, "queued"],
			[b, "succeeded"],
		]);
		expect(fake.calls.map((c) => `${c.method} ${c.path}?${c.query}`)).toEqual([
			"GET /generations?limit=100&offset=0",
		]);
	});

	it("gets ids pushed out of the newest 100 one by one, at most 4 at once, 404s left out", async () => {
		const ours = [await submit(), await submit(), await finished(), await submit(), await submit()];
		fake.addForeignGenerations(100);
		const recent = await submit();
		fake.calls.length = 0;
		fake.setGetDelay(40);
		const statuses = await provider.query([...ours, "gone-1", recent, "gone-2"]);
		expect(statuses.map((s) => s.taskId)).toEqual([...ours, recent]);
		expect(statuses[2]).toMatchObject({ state: "succeeded", videoId: ours[2] });
		const gets = fake.calls.filter((c) => c.path !== "/generations").map((c) => c.path);
		expect(gets.sort()).toEqual([...ours, "gone-1", "gone-2"].map((id) => `/generations/${id}`).sort());
		expect(fake.calls[0]?.path).toBe("/generations");
		expect(fake.maxGetsInFlight).toBe(4);
	});

	it("maps the fake's own phases, in Luma's words", async () => {
		const [queued, dreaming, done, moderated, credits, other] = [
			await submit(),
			await submit(),
			await submit({ aspectRatio: "9:16" }),
			await submit(),
			await submit(),
			await submit(),
		];
		fake.startTask(dreaming);
		fake.completeTask(done);
		fake.failTask(moderated, "moderated");
		fake.failTask(credits, "no_credits");
		fake.failTask(other, "failed");
		const statuses = await provider.query([queued, dreaming, done, moderated, credits, other]);
		expect(statuses.map((s) => [s.state, s.rawState, s.failure?.code])).toEqual([
			["queued", "queued", undefined],
			["running", "dreaming", undefined],
			["succeeded", "completed", undefined],
			["failed", "failed", "moderated"],
			["failed", "failed", "no_credits"],
			["failed", "failed", "failed"],
		]);
		const origin = new URL(fake.baseUrl).origin;
		expect(statuses[2]).toEqual({
			taskId: done,
			state: "succeeded",
			rawState: "completed",
			videoId: done,
			videoUrl: `${origin}/files/${done}.mp4`,
			thumbnailUrl: `${origin}/files/${done}.jpg`,
		});
		expect(statuses[3]?.failure?.detail).toBe("Advanced moderation failed");
	});

	// Shapes the documents allow but the fake's state machine does not produce (SDK types mark
	// every Generation field optional), patched over the fake's Generation object. Expected: the
	// state, or the failure code of a failed one.
	it.each<[Record<string, unknown>, string]>([
		[{ state: undefined }, "queued"],
		[{ state: null }, "queued"],
		[{ state: "rendering" }, "running"],
		[{ state: "completed", assets: undefined }, "no_output"],
		[{ state: "completed", assets: { video: null } }, "no_output"],
		[{ state: "completed", assets: { video: "https://c/v.mp4" } }, "succeeded"],
		[{ state: "failed", failure_reason: null }, "failed"],
		[{ state: "failed", failure_reason: "Prompt moderation: blocked" }, "moderated"],
		[{ state: "failed", failure_reason: "Not enough credits" }, "no_credits"],
	])("%j -> %s", async (patch, expected) => {
		const id = await submit();
		fake.patchGeneration(id, patch);
		const [status] = await provider.query([id, "other"]);
		expect(status?.failure?.code ?? status?.state).toBe(expected);
		if (expected === "succeeded") expect(status).toMatchObject({ videoUrl: "https://c/v.mp4", videoId: id });
	});
});

describe("errors", () => {
	it.each<[FakeSubmitError, ProviderErrorCode, boolean, number | undefined]>([
		["invalid_key", "invalid_token", false, undefined],
		["no_credits", "no_credits", false, undefined],
		["rate_limited", "too_many_requests", true, 1000],
		["unavailable", "unavailable", true, undefined],
		["server_error", "api_error", true, undefined],
		["moderated", "moderated", false, undefined],
	])("injected %s -> %s", async (injected, code, retryable, retryAfterMs) => {
		fake.injectSubmitError(injected);
		const error = await failure(submit());
		expect(error).toMatchObject({ code, retryable, retryAfterMs });
		expect(fake.taskIds()).toEqual([]);
	});

	// Luma's error body is FastAPI `{"detail"}` [I]; the other shapes are tolerated.
	it.each<[number, unknown, ProviderErrorCode, boolean, Record<string, string>?]>([
		[400, { detail: "Invalid request" }, "bad_request", false],
		[422, { detail: [{ loc: ["body", "model"], msg: "Field required" }] }, "bad_request", false],
		[400, { detail: "Insufficient credits" }, "no_credits", false],
		[400, { error: { message: "Prompt failed moderation" } }, "moderated", false],
		[401, { message: "Unauthorized" }, "invalid_token", false],
		[402, "Payment Required", "no_credits", false],
		[403, { detail: "Forbidden" }, "disabled", false],
		[403, { detail: "Your credit balance is too low" }, "no_credits", false],
		[403, { error: "content moderation" }, "moderated", false],
		[404, { detail: "Not Found" }, "not_found", false],
		[409, { detail: "Conflict" }, "api_error", true],
		[429, { detail: "Too many" }, "too_many_requests", true, { "retry-after": "7" }],
		[429, { detail: "Too many" }, "too_many_requests", true, { "retry-after-ms": "1500" }],
		[500, "Internal Server Error", "api_error", true],
		[502, "<html>Bad gateway</html>", "api_error", true],
		[503, { detail: "Service Unavailable" }, "unavailable", true],
	])("HTTP %i %j -> %s", async (status, body, code, retryable, headers) => {
		const retryAfterMs = headers
			? Number(headers["retry-after-ms"] ?? Number(headers["retry-after"]) * 1000)
			: undefined;
		fake.injectReply("create", raw(status, body, headers));
		expect(await failure(submit())).toMatchObject({ code, status, retryable, retryAfterMs });
		fake.injectReply("list", raw(status, body, headers));
		expect(await failure(provider.query(["a"]))).toMatchObject({ code, status, retryable, retryAfterMs });
	});

	it("throws a failed single get (5xx, 429) so the poller backs off", async () => {
		fake.addForeignGenerations(1);
		fake.injectQueryError(429);
		const error = await failure(provider.query(["x"]));
		expect(error).toMatchObject({ code: "too_many_requests", retryAfterMs: 2000 });
		fake.injectReply("get", raw(500, { detail: "boom" }));
		expect(await failure(provider.query(["x"]))).toMatchObject({ code: "api_error", retryable: true });
	});

	it("surfaces the 21st create within a minute as a 429 and does not retry it", async () => {
		for (let i = 0; i < 20; i++) await submit();
		const error = await failure(submit());
		expect(error).toMatchObject({ code: "too_many_requests", status: 429, retryable: true });
		expect(error.retryAfterMs).toBeGreaterThan(0);
		expect(fake.submissions()).toHaveLength(21);
		expect(fake.taskIds()).toHaveLength(20);
	});

	it("keeps the key out of errors even when Luma echoes it", async () => {
		fake.injectReply("create", raw(401, { detail: `Invalid API key ${API_KEY}` }));
		expect((await failure(submit())).message).toContain("[redacted]");
		const wrong = new LumaDreamMachineProvider({ apiKey: "wrong", baseUrl: fake.baseUrl, dispatcher: agent });
		expect(await failure(wrong.submit({ prompt: "x" }))).toMatchObject({
			code: "invalid_token",
			status: 401,
		});
	});

	it("maps a closed port to unreachable and a server that never answers to timeout", async () => {
		const sockets: Socket[] = [];
		const listen = async (server: Server) => {
			await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
			return `http://127.0.0.1:${(server.address() as AddressInfo).port}/dream-machine/v1`;
		};
		const gone = createServer();
		const closed = makeProvider({ baseUrl: await listen(gone) });
		await new Promise<void>((resolve) => gone.close(() => resolve()));
		const silent = createServer((socket) => void sockets.push(socket));
		const slow = makeProvider({ baseUrl: await listen(silent), requestTimeoutMs: 150 });
		try {
			for (const [client, code] of [
				[closed, "unreachable"],
				[slow, "timeout"],
			] as const) {
				expect(await failure(client.submit({ prompt: "x" }))).toMatchObject({ code, retryable: true });
				expect(await failure(client.query(["a"]))).toMatchObject({ code, retryable: true });
			}
		} finally {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => silent.close(() => resolve()));
		}
	});

	it("maps non-JSON or misshapen 2xx bodies to invalid_response", async () => {
		fake.injectReply("create", raw(200, "not json"));
		expect(await failure(submit())).toMatchObject({ code: "invalid_response", retryable: false });
		fake.injectReply("create", raw(201, { state: "queued" }));
		expect(await failure(submit())).toMatchObject({ code: "invalid_response", retryable: false });
		fake.injectReply("list", raw(200, "<html>"));
		expect(await failure(provider.query(["a"]))).toMatchObject({ code: "invalid_response", retryable: true });
		fake.injectReply("list", raw(200, { items: [] }));
		expect(await failure(provider.query(["a"]))).toMatchObject({ code: "invalid_response", retryable: true });
		fake.injectReply("list", raw(200, { generations: [] }));
		fake.injectReply("get", raw(200, { id: "a", state: 7 }));
		expect(await failure(provider.query(["a"]))).toMatchObject({ code: "invalid_response", retryable: true });
	});
});

describe("fake Luma", () => {
	async function post(body: unknown, contentType = "application/json") {
		const res = await request(`${fake.baseUrl}/generations/video`, {
			method: "POST",
			headers: { authorization: `Bearer ${API_KEY}`, "content-type": contentType },
			body: typeof body === "string" ? body : JSON.stringify(body),
			dispatcher: agent,
		});
		return { status: res.statusCode, body: (await res.body.json()) as { detail: unknown } };
	}

	it("records and refuses what breaks Luma's documents, in FastAPI's shape", async () => {
		const cases: [unknown, number, string?][] = [
			[{ prompt: "x" }, 422],
			[{ prompt: "x", model: "ray-2", enhance: true }, 422],
			[{ prompt: "x", model: "ray-2", keyframes: { frame0: { type: "generation", id: "nope" } } }, 400],
			['{"prompt":"x","model":"ray-2"}', 422, "text/plain"],
		];
		for (const [body, status, contentType] of cases) {
			const answer = await post(body, contentType);
			expect(answer.status).toBe(status);
			expect(answer.body.detail).toBeDefined();
		}
		expect(fake.violations).toHaveLength(cases.length);
		expect(fake.violations.join("\n")).toMatch(/model: Field required[\s\S]*enhance[\s\S]*nope/);
		fake.violations.length = 0;
		expect(fake.taskIds()).toEqual([]);
	});

	it("honours a configured createsPerMinute with retry-after", async () => {
		const strict = await startFakeLuma({ apiKey: API_KEY, createsPerMinute: 1 });
		try {
			const client = new LumaDreamMachineProvider({
				apiKey: API_KEY,
				baseUrl: strict.baseUrl,
				dispatcher: agent,
			});
			await client.submit({ prompt: "x" });
			const error = await failure(client.submit({ prompt: "y" }));
			expect(error.retryAfterMs).toBeGreaterThanOrEqual(59_000);
			expect(strict.violations).toEqual([]);
		} finally {
			await strict.close();
		}
	});
});

/**
 * A local callback receiver: records every POST with when it came, and answers with the next
 * queued status (default 200); `null` leaves that request unanswered.
 */
async function startReceiver() {
	const received: { path: string; body: unknown; at: number }[] = [];
	const statuses: (number | null)[] = [];
	const hanging: ServerResponse[] = [];
	const server = createHttpServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on("data", (chunk: Buffer) => chunks.push(chunk));
		req.on("end", () => {
			const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
			received.push({ path: req.url ?? "/", body, at: Date.now() });
			const status = statuses.length > 0 ? statuses.shift() : 200;
			if (status === null) hanging.push(res);
			else res.writeHead(status ?? 200, { "content-type": "text/plain" }).end("ok");
		});
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/luma/secret-456`,
		received,
		/** The next answers' statuses, in order (`null`: no answer). */
		answer: (...next: (number | null)[]) => statuses.push(...next),
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

describe("callbacks", () => {
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	const states = () => receiver.received.map((r) => (r.body as { state: string }).state);
	beforeEach(async () => {
		receiver = await startReceiver();
	});
	afterEach(async () => {
		await receiver.close();
	});

	it("sends callback_url only when one is set", async () => {
		await submit();
		await submit({ callbackUrl: receiver.url });
		expect(sent()).toEqual([
			{ prompt: "a red fox in snow", model: "ray-2" },
			{ prompt: "a red fox in snow", model: "ray-2", callback_url: receiver.url },
		]);
		expect(provider.capabilities.callbacks).toBe(true);
	});

	const generation = (patch: Record<string, unknown>) => ({
		id: "gen-1",
		generation_type: "video",
		model: "ray-2",
		state: "queued",
		failure_reason: null,
		created_at: "2025-06-01T10:00:00.000Z",
		assets: null,
		request: { prompt: "p", model: "ray-2" },
		...patch,
	});

	it.each<[string, Record<string, unknown>, unknown]>([
		["queued", {}, { taskId: "gen-1", state: "queued", rawState: "queued" }],
		["dreaming", { state: "dreaming" }, { taskId: "gen-1", state: "running", rawState: "dreaming" }],
		[
			"completed",
			{ state: "completed", assets: { video: "https://c/v.mp4", image: "https://c/v.jpg" } },
			{
				taskId: "gen-1",
				state: "succeeded",
				rawState: "completed",
				videoId: "gen-1",
				videoUrl: "https://c/v.mp4",
				thumbnailUrl: "https://c/v.jpg",
			},
		],
		[
			"completed without a video",
			{ state: "completed", assets: {} },
			{
				taskId: "gen-1",
				state: "failed",
				rawState: "completed",
				failure: { code: "no_output", detail: "no assets.video" },
			},
		],
		[
			"failed by moderation",
			{ state: "failed", failure_reason: "Advanced moderation failed" },
			{
				taskId: "gen-1",
				state: "failed",
				rawState: "failed",
				failure: { code: "moderated", detail: "Advanced moderation failed" },
			},
		],
		[
			"failed otherwise",
			{ state: "failed", failure_reason: "Internal error" },
			{
				taskId: "gen-1",
				state: "failed",
				rawState: "failed",
				failure: { code: "failed", detail: "Internal error" },
			},
		],
	])("parses a %s Generation", (_name, patch, expected) => {
		expect(provider.parseCallback(generation(patch))).toEqual(expected);
	});

	it.each<[string, unknown]>([
		["null", null],
		["a string", "gen-1"],
		["an array", [generation({})]],
		["an object without id", { state: "completed", assets: { video: "https://c/v.mp4" } }],
		["a null id", generation({ id: null })],
		["an empty id", generation({ id: "" })],
		["a numeric id", generation({ id: 5 })],
		["a misshapen state", generation({ state: 7 })],
	])("returns undefined for %s", (_name, body) => {
		expect(provider.parseCallback(body)).toBeUndefined();
	});

	it("pushes the Generation on dreaming and completed, each parsing to what query answered", async () => {
		const id = await submit({ aspectRatio: "9:16", callbackUrl: receiver.url });
		await fake.callbacksSettled();
		// Queued is the create answer itself; no callback for it.
		expect(receiver.received).toEqual([]);
		fake.startTask(id);
		await fake.callbacksSettled();
		const [dreaming] = await provider.query([id]);
		fake.completeTask(id);
		await fake.callbacksSettled();
		const [completed] = await provider.query([id]);

		expect(states()).toEqual(["dreaming", "completed"]);
		expect(receiver.received.map((r) => r.path)).toEqual([
			"/hooks/luma/secret-456",
			"/hooks/luma/secret-456",
		]);
		const origin = new URL(fake.baseUrl).origin;
		expect(receiver.received[1]?.body).toEqual({
			id,
			generation_type: "video",
			state: "completed",
			failure_reason: null,
			created_at: expect.any(String),
			assets: {
				video: `${origin}/files/${id}.mp4`,
				image: `${origin}/files/${id}.jpg`,
				progress_video: null,
			},
			model: "ray-2",
			request: {
				generation_type: "video",
				prompt: "a red fox in snow",
				model: "ray-2",
				aspect_ratio: "9:16",
				callback_url: receiver.url,
			},
		});
		expect(receiver.received[0]?.body).toMatchObject({ id, state: "dreaming", assets: null });
		expect(provider.parseCallback(receiver.received[0]?.body)).toEqual(dreaming);
		expect(provider.parseCallback(receiver.received[1]?.body)).toEqual(completed);
		expect(completed?.state).toBe("succeeded");
		expect(fake.callbacks()).toEqual(
			receiver.received.map((r) => ({ url: receiver.url, status: 200, body: r.body })),
		);
	});

	it("pushes a failed Generation that parses to what query answers", async () => {
		const id = await submit({ callbackUrl: receiver.url });
		fake.failTask(id, "moderated");
		await fake.callbacksSettled();
		expect(receiver.received.map((r) => r.body)).toEqual([
			expect.objectContaining({ id, state: "failed", failure_reason: "Advanced moderation failed" }),
		]);
		const [queried] = await provider.query([id]);
		expect(provider.parseCallback(receiver.received[0]?.body)).toEqual(queried);
		expect(queried?.failure?.code).toBe("moderated");
	});

	it("pushes in auto mode too, in order, and only for generations created with a callback URL", async () => {
		fake.setBehaviour({ mode: "auto", runningAfterMs: 5, completeAfterMs: 30 });
		const done = new Promise<void>((resolve) => {
			let left = 2;
			fake.onTaskFinished(() => --left === 0 && resolve());
		});
		await submit();
		const id = await submit({ callbackUrl: receiver.url });
		await done;
		await fake.callbacksSettled();
		expect(
			receiver.received.map((r) => [(r.body as { id: string }).id, (r.body as { state: string }).state]),
		).toEqual([
			[id, "dreaming"],
			[id, "completed"],
		]);
	});

	it("retries an answer other than 200 exactly 3 more times, 100 ms apart", async () => {
		receiver.answer(500, 503, 404, 500, 500);
		const id = await submit({ callbackUrl: receiver.url });
		fake.completeTask(id);
		await fake.callbacksSettled();
		await new Promise((resolve) => setTimeout(resolve, 250));
		expect(states()).toEqual(["completed", "completed", "completed", "completed"]);
		expect(fake.callbacks().map((c) => c.status)).toEqual([500, 503, 404, 500]);
		const gaps = receiver.received.slice(1).map((r, i) => r.at - receiver.received[i]!.at);
		for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(95);
	});

	it("stops retrying at the first 200, and sends the next update after it", async () => {
		receiver.answer(500, 500, 200);
		const id = await submit({ callbackUrl: receiver.url });
		fake.startTask(id);
		fake.completeTask(id);
		await fake.callbacksSettled();
		expect(states()).toEqual(["dreaming", "dreaming", "dreaming", "completed"]);
		expect(fake.callbacks().map((c) => c.status)).toEqual([500, 500, 200, 200]);
	});

	it("gives up on an attempt after the request timeout and retries it", async () => {
		const quick = await startFakeLuma({ apiKey: API_KEY, callbackTimeoutMs: 100 });
		try {
			quick.setBehaviour({ mode: "manual" });
			receiver.answer(null);
			const client = new LumaDreamMachineProvider({
				apiKey: API_KEY,
				baseUrl: quick.baseUrl,
				dispatcher: agent,
			});
			const { taskId } = await client.submit({ prompt: "x", callbackUrl: receiver.url });
			quick.completeTask(taskId);
			await quick.callbacksSettled();
			expect(quick.callbacks().map((c) => [c.status, c.error === undefined])).toEqual([
				[0, false],
				[200, true],
			]);
			expect(quick.callbacks()[0]?.error).toContain("100 ms");
			expect(quick.violations).toEqual([]);
		} finally {
			await quick.close();
		}
	});

	it("holds callbacks back when told to, and polling still sees the result", async () => {
		fake.setCallbacks("off");
		const id = await submit({ callbackUrl: receiver.url });
		fake.startTask(id);
		fake.completeTask(id);
		await fake.callbacksSettled();
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(receiver.received).toEqual([]);
		expect(fake.callbacks()).toEqual([]);
		expect((await provider.query([id]))[0]?.state).toBe("succeeded");
	});

	it("records a callback_url that is not a URL as a violation", async () => {
		const res = await request(`${fake.baseUrl}/generations/video`, {
			method: "POST",
			headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
			body: JSON.stringify({ prompt: "x", model: "ray-2", callback_url: "not a url" }),
			dispatcher: agent,
		});
		await res.body.dump();
		expect(res.statusCode).toBe(422);
		expect(fake.violations).toEqual([expect.stringContaining("callback_url")]);
		fake.violations.length = 0;
	});
});
