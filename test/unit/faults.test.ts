import { REST } from "@discordjs/rest";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeAceDataCloud, startFakeAceDataCloud } from "../fakes/acedatacloud/index.js";
import { FaultInjector, type FaultRule } from "../fakes/common/faults.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/index.js";

const shape = () => ({ body: { error: "injected" } });

/** Which of `n` requests to one path a fresh injector with `rule` faults, by index. */
function draws(rule: FaultRule, n: number, now: () => number = () => 0): number[] {
	const injector = new FaultInjector(shape, now);
	injector.add(rule);
	const hit: number[] = [];
	for (let i = 0; i < n; i++) if (injector.pick("GET", "/a/b")) hit.push(i);
	return hit;
}

describe("the fault injector", () => {
	it("fires at its ratio, the same requests again for the same seed, others for another", () => {
		const rule = { path: "/a", ratio: 0.3, faults: [{ status: 500 }], seed: 42 };
		const first = draws(rule, 1000);
		expect(draws(rule, 1000)).toEqual(first);
		expect(first.length).toBeGreaterThan(250);
		expect(first.length).toBeLessThan(350);
		expect(draws({ ...rule, seed: 43 }, 1000)).not.toEqual(first);
		expect(draws({ ...rule, ratio: 0 }, 100)).toEqual([]);
		expect(draws({ ...rule, ratio: 1 }, 100)).toHaveLength(100);
	});

	it("draws among the rule's faults and counts each one it injected", () => {
		const injector = new FaultInjector(shape, () => 0);
		injector.add({
			path: /^\/a\//,
			ratio: 1,
			faults: [{ status: 502 }, { delay: 5 }, { reset: true }],
			seed: 7,
		});
		for (let i = 0; i < 300; i++) injector.pick("GET", "/a/b");
		expect(injector.injected).toHaveLength(300);
		const kinds = new Set(injector.injected.map(({ fault }) => Object.keys(fault)[0]));
		expect(kinds).toEqual(new Set(["status", "delay", "reset"]));
	});

	it("matches method and path, and leaves the `except` paths alone", () => {
		const injector = new FaultInjector(shape, () => 0);
		injector.add({
			method: "post",
			path: "/channels/",
			except: /\/callback$/,
			ratio: 1,
			faults: [{ status: 500 }],
		});
		expect(injector.pick("POST", "/api/v10/channels/1/messages")).toEqual({ status: 500 });
		expect(injector.pick("GET", "/api/v10/channels/1/messages")).toBeUndefined();
		expect(injector.pick("POST", "/api/v10/channels/1/callback")).toBeUndefined();
		expect(injector.pick("POST", "/api/v10/users/@me/channels")).toBeUndefined();
	});

	it("ends a rule after its window, its count, when told, and every rule on clear", () => {
		let now = 1000;
		const injector = new FaultInjector(shape, () => now);
		injector.add({ path: "/a", ratio: 1, faults: [{ status: 500 }], forMs: 50 });
		expect(injector.pick("GET", "/a")).toBeDefined();
		now = 1049;
		expect(injector.pick("GET", "/a")).toBeDefined();
		now = 1050;
		expect(injector.pick("GET", "/a")).toBeUndefined();
		injector.add({ path: "/a", ratio: 1, faults: [{ status: 500 }] });
		expect(injector.pick("GET", "/a")).toBeDefined();
		injector.clear();
		expect(injector.pick("GET", "/a")).toBeUndefined();
		injector.add({ path: "/a", ratio: 1, faults: [{ status: 504 }], times: 2 });
		expect([injector.pick("GET", "/a"), injector.pick("GET", "/a"), injector.pick("GET", "/a")]).toEqual([
			{ status: 504 },
			{ status: 504 },
			undefined,
		]);
		const end = injector.add({ path: "/a", ratio: 1, faults: [{ status: 500 }] });
		injector.add({ path: "/a", ratio: 1, faults: [{ status: 502 }] });
		expect(injector.pick("GET", "/a")).toEqual({ status: 500 });
		end();
		expect(injector.pick("GET", "/a")).toEqual({ status: 502 });
		expect(injector.injected).toHaveLength(7);
	});

	it("refuses a ratio outside 0..1 and a rule without faults", () => {
		const injector = new FaultInjector(shape);
		expect(() => injector.add({ path: "/", ratio: 1.5, faults: [{ status: 500 }] })).toThrow(/ratio/);
		expect(() => injector.add({ path: "/", ratio: 0.5, faults: [] })).toThrow(/at least one/);
	});
});

describe("faults in the fakes", () => {
	let discord: FakeDiscord | undefined;
	let ace: FakeAceDataCloud | undefined;
	afterEach(async () => {
		await Promise.all([discord?.close(), ace?.close()]);
		discord = ace = undefined;
	});

	const auth = (fake: FakeDiscord) => ({ authorization: `Bot ${fake.token}` });

	it("answers a Discord 429 with the rate limit body and headers, unrecorded, and discord.js waits it out", async () => {
		discord = await startFakeDiscord({ openapiSpecPath: null });
		const url = `${discord.apiBase}/v10/channels/${discord.guild.channelId}`;
		discord.addFault({
			method: "GET",
			path: "/channels/",
			ratio: 1,
			faults: [{ status: 429, retryAfter: 0.1 }],
		});
		const response = await fetch(url, { headers: auth(discord) });
		expect(response.status).toBe(429);
		expect(await response.json()).toEqual({
			message: "You are being rate limited.",
			retry_after: 0.1,
			global: false,
		});
		expect(response.headers.get("retry-after")).toBe("0.1");
		expect(response.headers.get("x-ratelimit-remaining")).toBe("0");
		expect(response.headers.get("x-ratelimit-reset-after")).toBe("0.1");
		expect(response.headers.get("x-ratelimit-scope")).toBe("user");
		expect(response.headers.get("x-ratelimit-bucket")).toMatch(/^[0-9a-f]{16}$/);
		expect(response.headers.get("x-ratelimit-global")).toBeNull();
		expect(discord.requests).toHaveLength(0);
		expect(discord.injectedFaults).toHaveLength(1);

		// A window of one 429 (seeded) before discord.js's retry: it waits and gets the channel.
		discord.clearFaults();
		discord.addFault({ path: "/channels/", ratio: 1, faults: [{ status: 429, retryAfter: 0.1 }], forMs: 50 });
		const rest = new REST({ api: discord.apiBase }).setToken(discord.token);
		const channel = (await rest.get(`/channels/${discord.guild.channelId}`)) as { id: string };
		expect(channel.id).toBe(discord.guild.channelId);
		expect(discord.requests.map((r) => r.status)).toEqual([200]);
		expect(discord.injectedFaults.length).toBeGreaterThanOrEqual(2);
	});

	it("answers other statuses in Discord's error shape, and a delay still reaches the route", async () => {
		discord = await startFakeDiscord({ openapiSpecPath: null });
		const url = `${discord.apiBase}/v10/channels/${discord.guild.channelId}`;
		discord.addFault({ path: "/channels/", ratio: 1, faults: [{ status: 502 }], forMs: 60_000 });
		const failed = await fetch(url, { headers: auth(discord) });
		expect(failed.status).toBe(502);
		expect(await failed.json()).toEqual({ message: "502: Bad Gateway", code: 0 });
		discord.clearFaults();
		discord.addFault({ path: "/channels/", ratio: 1, faults: [{ delay: 20 }] });
		expect((await fetch(url, { headers: auth(discord) })).status).toBe(200);
		expect(discord.requests.map((r) => r.status)).toEqual([200]);
	});

	it("resets the connection: the client sees ECONNRESET and the fake records nothing", async () => {
		discord = await startFakeDiscord({ openapiSpecPath: null });
		discord.addFault({ path: "/channels/", ratio: 1, faults: [{ reset: true }] });
		const cut = await fetch(`${discord.apiBase}/v10/channels/${discord.guild.channelId}`, {
			headers: auth(discord),
		}).catch((error: unknown) => error);
		expect(cut).toBeInstanceOf(TypeError);
		expect((cut as { cause?: { code?: string } }).cause?.code).toBe("ECONNRESET");
		expect(discord.requests).toHaveLength(0);
	});

	it("resets after handling: the change is made and recorded, the client never hears", async () => {
		discord = await startFakeDiscord({ openapiSpecPath: null });
		discord.addFault({ method: "POST", path: "/messages", ratio: 1, faults: [{ reset: true, after: true }] });
		const cut = await fetch(`${discord.apiBase}/v10/channels/${discord.guild.channelId}/messages`, {
			method: "POST",
			headers: { ...auth(discord), "content-type": "application/json" },
			body: JSON.stringify({ content: "lost answer" }),
		}).catch((error: unknown) => error);
		expect((cut as { cause?: { code?: string } }).cause?.code).toBe("ECONNRESET");
		expect(discord.messages(discord.guild.channelId).map((m) => m.content)).toEqual(["lost answer"]);
		expect(discord.requests.map((r) => r.status)).toEqual([200]);
	});

	it("answers the provider's documented error shape, and only where the rule says", async () => {
		ace = await startFakeAceDataCloud();
		ace.addFault({ path: "/luma/tasks", ratio: 1, faults: [{ status: 429 }, { status: 504 }], seed: 3 });
		const post = (path: string, body: unknown) =>
			fetch(`${ace!.baseUrl}${path}`, {
				method: "POST",
				headers: { authorization: `Bearer ${ace!.apiKey}`, "content-type": "application/json" },
				body: JSON.stringify(body),
			});
		const statuses = new Map<number, unknown>();
		for (let i = 0; i < 10; i++) {
			const response = await post("/luma/tasks", { action: "retrieve_batch", ids: [] });
			statuses.set(response.status, await response.json());
		}
		expect([...statuses.keys()].sort()).toEqual([429, 504]);
		expect(statuses.get(429)).toMatchObject({
			error: { code: "too_many_requests" },
			trace_id: expect.any(String),
		});
		expect(statuses.get(504)).toMatchObject({ error: { code: "timeout" } });
		const submitted = await post("/luma/videos", { action: "generate", prompt: "a fox", async: true });
		expect(submitted.status).toBe(200);
		expect(ace.requests.map((r) => r.path)).toEqual(["/luma/videos"]);
		expect(ace.injectedFaults).toHaveLength(10);
	});
});
