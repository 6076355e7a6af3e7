import { createServer as createTcpServer, type Socket } from "node:net";
import { inspect } from "node:util";
import { Agent, request } from "undici";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProviderError, type ProviderErrorCode } from "../../src/errors.js";
import { AI302_CAPABILITIES, Ai302Provider } from "../../src/providers/302ai/client.js";
import type { AdapterOptions, FrameSource, GenerateRequest } from "../../src/providers/types.js";
import { type Fake302Ai, startFake302Ai } from "../fakes/302ai/index.js";

const API_KEY = "sk-302-test-0123456789abcdef";
const START: FrameSource = {
	url: "https://cdn.test/s.png?ex=1",
	filename: "start.png",
	contentType: "image/png",
};
const END: FrameSource = {
	url: "https://cdn.test/e.jpg?ex=2",
	filename: "end.jpg",
	contentType: "image/jpeg",
};
const BYTES: Record<string, Buffer> = { [START.url]: Buffer.from("png"), [END.url]: Buffer.from("jpeg") };

let fake: Fake302Ai;
let agent: Agent;
let provider: Ai302Provider;
let framesRead: string[];

function makeProvider(options: Partial<AdapterOptions> = {}): Ai302Provider {
	return new Ai302Provider({ apiKey: API_KEY, baseUrl: fake.baseUrl, dispatcher: agent, ...options });
}
const readFrame: AdapterOptions["readFrame"] = async (url) => {
	framesRead.push(url);
	const data = BYTES[url];
	if (!data) throw new Error(`no such attachment ${url}`);
	return { data, contentType: url === START.url ? "image/png" : "image/jpeg" };
};

/** Awaits a rejected call, checks it is a `ProviderError` that never shows the key, and returns it. */
async function failure(promise: Promise<unknown>): Promise<ProviderError> {
	const error = await promise.then(
		() => expect.fail("expected the call to fail"),
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(ProviderError);
	for (const text of [(error as Error).message, String(error), inspect(error, { depth: 5 })]) {
		expect(text).not.toContain(API_KEY);
	}
	return error as ProviderError;
}
const submitOne = async (req: Partial<GenerateRequest> = {}) =>
	(await provider.submit({ prompt: "a red fox in snow", ...req })).taskId;

beforeEach(async () => {
	fake = await startFake302Ai({ apiKey: API_KEY, videoBytes: 2048 });
	fake.setBehaviour({ mode: "manual" });
	agent = new Agent();
	framesRead = [];
	provider = makeProvider({ readFrame });
});

afterEach(async () => {
	// Everything the adapter sends follows 302's documents.
	expect(fake.violations).toEqual([]);
	await fake.close();
	await agent.destroy();
});

describe("Ai302Provider.submit", () => {
	it("sends a text-only request as multipart with user_prompt only", async () => {
		const taskId = await submitOne();
		expect(taskId).toMatch(/^luma_/);
		const sent = {
			method: "POST",
			path: "/luma/submit",
			fields: { user_prompt: "a red fox in snow" },
			files: [],
		};
		expect(fake.submissions()).toEqual([{ ...sent, taskId }]);
		expect(provider.capabilities).toBe(AI302_CAPABILITIES);
	});

	it("sends loop as the form strings true and false", async () => {
		await submitOne({ loop: true });
		await submitOne({ loop: false });
		expect(fake.submissions().map((s) => s.fields.loop)).toEqual(["true", "false"]);
	});

	it("sends both frames as file parts read through readFrame, with filename and type", async () => {
		await submitOne({ startFrame: START, endFrame: END });
		const [sent] = fake.submissions();
		expect(framesRead).toEqual([START.url, END.url]);
		expect(sent?.fields).toEqual({ user_prompt: "a red fox in snow" });
		expect(sent?.files).toEqual([
			{ field: "image_url", filename: "start.png", contentType: "image/png", data: BYTES[START.url] },
			{ field: "image_end_url", filename: "end.jpg", contentType: "image/jpeg", data: BYTES[END.url] },
		]);
	});

	it("sends the frame URLs as strings when no readFrame is given", async () => {
		await makeProvider().submit({ prompt: "p", startFrame: START, endFrame: END });
		expect(fake.submissions()[0]).toMatchObject({
			fields: { user_prompt: "p", image_url: START.url, image_end_url: END.url },
			files: [],
		});
	});

	it("refuses a frame it cannot read as bad_request without calling 302", async () => {
		const missing = { ...START, url: "https://cdn.example/gone.png" };
		expect(await failure(submitOne({ startFrame: missing }))).toMatchObject({ code: "bad_request" });
		expect(fake.submissions()).toEqual([]);
	});

	it("extends by the parent's task id with user_prompt only", async () => {
		const parent = await submitOne({ loop: true });
		fake.completeTask(parent);
		const [done] = await provider.query([parent]);
		expect(done).toMatchObject({ state: "succeeded", videoId: parent });
		const { taskId: child } = await provider.submit({
			prompt: "and flies",
			extend: { videoId: done!.videoId! },
		});
		expect(fake.submissions()[1]).toEqual({
			method: "POST",
			path: `/luma/extend/${parent}`,
			fields: { user_prompt: "and flies" },
			files: [],
			taskId: child,
		});
		// loop: false is the default, so an extension simply leaves it out.
		await provider.submit({ prompt: "more", loop: false, extend: { videoId: parent, direction: "forward" } });
		expect(fake.submissions()[2]?.fields).toEqual({ user_prompt: "more" });
	});

	it("gets 302's refusal (and a recorded violation) for an extend of an id the fake did not complete", async () => {
		const queued = await submitOne();
		const unknown = await failure(provider.submit({ prompt: "x", extend: { videoId: "luma_nope" } }));
		expect(unknown).toMatchObject({ code: "not_found", status: 404, rawCode: "-10010" });
		const early = await failure(provider.submit({ prompt: "x", extend: { videoId: queued } }));
		expect(early).toMatchObject({ code: "bad_request", status: 400, rawCode: "-10011" });
		expect(fake.violations).toEqual([`extend of unknown id luma_nope`, `extend of ${queued} while queued`]);
		fake.violations.length = 0;
	});

	const extend = { videoId: "luma_1" };
	const unsupported = (option: string, value?: string) => ({
		code: "unsupported_option",
		params: { provider: "302ai", option, ...(value !== undefined && { value }) },
	});
	const ext = (what: string) => ({ code: `extend_${what}_unsupported`, params: { provider: "302ai" } });
	const language = { code: "prompt_language", params: { provider: "302ai", language: "English" } };
	it.each<[string, GenerateRequest, unknown]>([
		["a Chinese prompt", { prompt: "一只红狐狸" }, language],
		["a mixed prompt", { prompt: "fox 狐 in snow" }, language],
		["a Japanese prompt", { prompt: "きつね" }, language],
		["a Korean prompt", { prompt: "여우" }, language],
		["an aspect ratio", { prompt: "x", aspectRatio: "16:9" }, unsupported("aspect_ratio", "16:9")],
		["enhance", { prompt: "x", enhance: true }, unsupported("enhance")],
		["a model", { prompt: "x", model: "ray-2" }, unsupported("model", "ray-2")],
		["a duration", { prompt: "x", duration: "9s" }, unsupported("duration", "9s")],
		["an extend by URL", { prompt: "x", extend: { videoUrl: "https://v/a.mp4" } }, ext("by_url")],
		["a backward extend", { prompt: "x", extend: { ...extend, direction: "backward" } }, ext("backward")],
		["an extend with an end frame", { prompt: "x", extend, endFrame: END }, ext("end_frame")],
		["an extend with a start frame", { prompt: "x", extend, startFrame: START }, unsupported("start_frame")],
		["an extend with loop", { prompt: "x", extend, loop: true }, unsupported("loop")],
	])("refuses %s in checkRequest and in submit, before sending anything", async (_name, req, problem) => {
		expect(provider.checkRequest(req)).toEqual(problem);
		const error = await failure(provider.submit(req));
		const rawCode = (problem as { code: string }).code;
		expect(error).toMatchObject({ code: "bad_request", retryable: false, rawCode });
		expect(fake.submissions()).toEqual([]);
		expect(framesRead).toEqual([]);
	});

	it("accepts accented Latin prompts, enhance false and loop false on extend", () => {
		expect(provider.checkRequest({ prompt: "café crème, naïve — déjà vu", enhance: false })).toBeUndefined();
		expect(provider.checkRequest({ prompt: "x", extend, loop: false })).toBeUndefined();
		const framed = { prompt: "x", startFrame: START, endFrame: END, loop: true };
		expect(provider.checkRequest(framed)).toBeUndefined();
	});
});

describe("Ai302Provider.query", () => {
	it("follows a task from pending through processing to a served video", async () => {
		const id = await submitOne();
		expect(await provider.query([id])).toEqual([{ taskId: id, state: "queued", rawState: "pending" }]);
		fake.startTask(id);
		expect(await provider.query([id])).toEqual([{ taskId: id, state: "running", rawState: "processing" }]);
		fake.completeTask(id);
		const videoUrl = `${fake.baseUrl}/files/${id}.mp4`;
		expect(await provider.query([id])).toEqual([
			{ taskId: id, state: "succeeded", rawState: "completed", videoId: id, videoUrl },
		]);
		const file = Buffer.from(await (await request(videoUrl, { dispatcher: agent })).body.arrayBuffer());
		expect(file.toString("latin1", 4, 8)).toBe("ftyp");
	});

	it.each([
		["moderated", "moderated"],
		["no_credits", "no_credits"],
		["failed", "failed"],
	] as const)("maps the fake's %s failure to %s", async (why, code) => {
		const id = await submitOne();
		fake.failTask(id, why);
		const [status] = await provider.query([id]);
		expect(status).toMatchObject({ taskId: id, state: "failed", rawState: "failed", failure: { code } });
		expect(status?.failure?.detail).toEqual(expect.any(String));
	});

	// The Fetch schema is unpublished [?]: every shape a consumer could meet, verbatim. The fake's
	// own state machine sends only `pending`, `processing`, `completed` + string `video`, `failed` + error.
	const URL = "https://cdn.302.example/v.mp4";
	const failed = (code: ProviderErrorCode) => ({ state: "failed", failure: { code } });
	it.each<[string, unknown, Record<string, unknown>]>([
		["pending", { state: "pending" }, { state: "queued", rawState: "pending" }],
		["another running word", { state: "dreaming" }, { state: "running", rawState: "dreaming" }],
		["video as a string", { state: "completed", video: URL }, { state: "succeeded", videoUrl: URL }],
		[
			"video as an object, thumbnail as a string",
			{ state: "completed", video: { url: URL, width: 1360, height: 752 }, thumbnail: "https://t/1.jpg" },
			{ state: "succeeded", videoUrl: URL, thumbnailUrl: "https://t/1.jpg", width: 1360, height: 752 },
		],
		[
			"thumbnail as an object",
			{ state: "completed", video: URL, thumbnail: { url: "https://t/2" } },
			{ thumbnailUrl: "https://t/2" },
		],
		["a video but no state", { id: "x", video: URL }, { state: "succeeded", videoUrl: URL }],
		["completed without a video", { state: "completed", video: null }, failed("no_output")],
		["failed with err_code", { state: "failed", error: { err_code: -10004 } }, failed("no_credits")],
		["failed with error.code", { state: "failed", error: { code: "-10007" } }, failed("no_credits")],
		["failed with a string error", { state: "failed", error: "sensitive content" }, failed("moderated")],
		["failed without a reason", { state: "failed" }, failed("failed")],
		["an error and no state", { id: "x", error: { message: "boom" } }, failed("failed")],
		["an empty error beside a running state", { state: "pending", error: {} }, { state: "queued" }],
	])("maps %s", async (_name, body, expected) => {
		fake.overrideFetch("luma_shape", body);
		const [status] = await provider.query(["luma_shape"]);
		expect(status).toMatchObject({ taskId: "luma_shape", ...expected });
		if (status?.state === "succeeded") expect(status.videoId).toBe("luma_shape");
	});

	it("makes one GET per id, at most four at once, and leaves unknown ids out", async () => {
		const ids = [];
		for (let i = 0; i < 6; i++) ids.push(await submitOne());
		fake.overrideFetch("luma_null", null);
		fake.overrideFetch("luma_empty", {});
		fake.setQueryDelay(40);
		const asked = [ids[0]!, "luma_unknown", ...ids.slice(1), "luma_null", "luma_empty"];
		const statuses = await provider.query(asked);
		expect(statuses.map((s) => s.taskId)).toEqual(ids);
		expect(fake.queryCount()).toBe(asked.length);
		expect(fake.peakConcurrentQueries()).toBe(4);
		await expect(provider.query([])).resolves.toEqual([]);
		expect(fake.queryCount()).toBe(asked.length);
	});

	it.each<[number, ProviderErrorCode, number | undefined]>([
		[500, "api_error", undefined],
		[429, "too_many_requests", 2000],
		[503, "unavailable", undefined],
	])("throws on HTTP %i (%s) so the poller backs off", async (status, code, retryAfterMs) => {
		const id = await submitOne();
		fake.injectQueryError(status);
		const error = await failure(provider.query([id, id]));
		expect(error).toMatchObject({ code, status, retryable: true, retryAfterMs });
	});
});

describe("error mapping", () => {
	it.each<[Parameters<Fake302Ai["injectSubmitError"]>[0], ProviderErrorCode, number, boolean, number?]>([
		["invalid_key", "invalid_token", 401, false],
		["no_credits", "no_credits", 403, false],
		["rate_limited", "too_many_requests", 429, true, 1000],
		["unavailable", "unavailable", 503, true],
		["server_error", "api_error", 500, true],
		["moderated", "moderated", 400, false],
	])("the fake's %s -> %s", async (kind, code, status, retryable, retryAfterMs) => {
		fake.injectSubmitError(kind);
		const error = await failure(submitOne());
		expect(error).toMatchObject({ code, status, retryable, retryAfterMs });
		expect(error.message).toContain(code);
	});

	const body = (error: unknown) => JSON.stringify({ error });
	it.each<[string, number, string, ProviderErrorCode]>([
		["-10001", 401, body({ err_code: -10001, message: "key missing" }), "invalid_token"],
		["-10002", 403, body({ err_code: -10002 }), "disabled"],
		["-10003", 500, body({ err_code: -10003 }), "network"],
		["-10004", 400, body({ err_code: -10004, message_en: "Insufficient balance" }), "no_credits"],
		["-10005", 401, body({ err_code: -10005 }), "token_expired"],
		["-10006", 403, body({ err_code: -10006 }), "no_credits"],
		["-10007", 403, body({ err_code: -10007 }), "no_credits"],
		["-10008", 503, body({ err_code: -10008 }), "unavailable"],
		["-10009", 400, body({ err_code: -10009 }), "bad_request"],
		["-10010", 404, body({ err_code: -10010 }), "not_found"],
		["-10011", 400, body({ err_code: -10011, message: "invalid" }), "bad_request"],
		["-10012", 429, body({ err_code: -10012 }), "no_credits"],
		["-10018", 403, body({ err_code: -10018 }), "no_credits"],
		["-1024", 500, body({ err_code: -1024 }), "timeout"],
		["a code in error.code", 400, body({ code: "-10004" }), "no_credits"],
		["a code on a 200", 200, body({ err_code: -10004 }), "no_credits"],
		["-10011 with moderation text", 400, body({ err_code: -10011, message: "violates policy" }), "moderated"],
		["moderation text only", 500, body({ message: "Content moderation refused it" }), "moderated"],
		["balance text only", 400, body({ message: "insufficient balance" }), "no_credits"],
		["a bare string error", 400, body("bad prompt"), "bad_request"],
		["status 401, no code", 401, "{}", "invalid_token"],
		["status 402, no code", 402, "{}", "no_credits"],
		["status 403, no code", 403, "{}", "disabled"],
		["status 502 HTML", 502, "<html>Bad gateway</html>", "api_error"],
		["status 504", 504, "", "timeout"],
		["status 418", 418, "{}", "unknown"],
	])("submit answer %s (HTTP %i) -> %s", async (_name, status, raw, code) => {
		fake.injectRaw({ status, body: raw });
		const error = await failure(submitOne());
		expect(error).toMatchObject({ code, status });
		if (/^-\d+$/.test(_name)) expect(error.rawCode).toBe(_name);
	});

	it("refuses a wrong key as invalid_token and redacts a key the provider echoes", async () => {
		const wrong = await failure(makeProvider({ apiKey: "sk-wrong" }).submit({ prompt: "x" }));
		expect(wrong).toMatchObject({ code: "invalid_token", status: 401, rawCode: "-10001", retryable: false });
		fake.injectRaw({ status: 401, body: body({ err_code: -10001, message: `key ${API_KEY} is bad` }) });
		expect((await failure(submitOne())).message).toContain("[redacted]");
	});

	it("maps a closed port to unreachable", async () => {
		const port = await new Promise<number>((resolve) => {
			const server = createTcpServer().listen(0, "127.0.0.1", () => {
				const { port } = server.address() as { port: number };
				server.close(() => resolve(port));
			});
		});
		const closed = makeProvider({ baseUrl: `http://127.0.0.1:${port}` });
		expect(await failure(closed.submit({ prompt: "x" }))).toMatchObject({
			code: "unreachable",
			retryable: true,
		});
		expect(await failure(closed.query(["luma_1"]))).toMatchObject({ code: "unreachable" });
	});

	it("maps a server that never answers to timeout", async () => {
		const sockets = new Set<Socket>();
		const silent = createTcpServer((socket) => sockets.add(socket));
		await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
		const { port } = silent.address() as { port: number };
		const slow = makeProvider({ baseUrl: `http://127.0.0.1:${port}`, requestTimeoutMs: 150 });
		try {
			expect(await failure(slow.query(["luma_1"]))).toMatchObject({ code: "timeout", retryable: true });
			expect(await failure(slow.submit({ prompt: "x" }))).toMatchObject({ code: "timeout" });
		} finally {
			for (const socket of sockets) socket.destroy();
			await new Promise((resolve) => silent.close(resolve));
		}
	});

	it("maps a non-JSON or misshapen 200 to invalid_response", async () => {
		fake.injectRaw({ body: "<html>ok</html>", contentType: "text/html" });
		expect(await failure(provider.query(["luma_1"]))).toMatchObject({
			code: "invalid_response",
			retryable: true,
		});
		fake.injectRaw({ body: "not json" });
		expect(await failure(submitOne())).toMatchObject({ code: "invalid_response", retryable: false });
		fake.injectRaw({ body: '{"state":"pending"}' });
		expect(await failure(submitOne())).toMatchObject({ code: "invalid_response", retryable: false });
		fake.injectRaw({ body: '{"state":42}' });
		expect(await failure(provider.query(["luma_1"]))).toMatchObject({ code: "invalid_response" });
	});
});

describe("fake 302.AI", () => {
	it("refuses a JSON submit and undocumented fields with 302's error, and records violations", async () => {
		const post = async (body: string, contentType: string) =>
			(
				await request(`${fake.baseUrl}/luma/submit`, {
					method: "POST",
					headers: { authorization: `Bearer ${API_KEY}`, "content-type": contentType },
					body,
					dispatcher: agent,
				})
			).statusCode;
		expect(await post('{"user_prompt":"x"}', "application/json")).toBe(400);
		const form = '--b\r\nContent-Disposition: form-data; name="aspect_ratio"\r\n\r\n16:9\r\n--b--\r\n';
		expect(await post(form, "multipart/form-data; boundary=b")).toBe(400);
		expect(fake.violations).toHaveLength(2);
		expect(fake.taskIds()).toEqual([]);
		fake.violations.length = 0;
	});

	it("moves tasks on its own in auto mode", async () => {
		fake.setBehaviour({ mode: "auto", runningAfterMs: 5, completeAfterMs: 20 });
		const finished = new Promise<string>((resolve) => fake.onTaskFinished(resolve));
		const id = await submitOne();
		expect(await finished).toBe(id);
		expect((await provider.query([id]))[0]?.state).toBe("succeeded");
	});
});
