import Keyv from "keyv";
import { pino } from "pino";
import { waitFor } from "../support/wait.js";
import { afterEach, describe, expect, it } from "vitest";
import { Delivery } from "../../src/jobs/delivery.js";
import { JobEvents } from "../../src/jobs/events.js";
import type { Job } from "../../src/jobs/job.js";
import { JobEngine, type NewJob } from "../../src/jobs/jobEngine.js";
import { JobStore, type SharedJobs } from "../../src/jobs/jobStore.js";
import { createStore, type Store } from "../../src/store/createStore.js";
import { type Isolated, postgres, redis, suiteName, usePostgres, useRedis } from "../support/services.js";
import { Poller } from "../../src/jobs/poller.js";
import { recoverJobs } from "../../src/jobs/recover.js";
import type { ProviderName } from "../../src/providers/names.js";
import { refundsUnit } from "../../src/jobs/job.js";
import { createAdapter, ProviderRegistry } from "../../src/providers/registry.js";
import { startFakeAceDataCloud } from "../fakes/acedatacloud/index.js";
import type { ProviderAdapter } from "../../src/providers/types.js";
import { type FakeProvider, startFakeProvider } from "../fakes/index.js";

const logger = pino({ level: "silent" });
const fakes: FakeProvider[] = [];
afterEach(async () => {
	await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

async function fake(name: ProviderName): Promise<FakeProvider> {
	const started = await startFakeProvider(name, { apiKey: `key-${name}` });
	started.setBehaviour({ mode: "manual" });
	fakes.push(started);
	return started;
}

const adapterFor = (f: FakeProvider): ProviderAdapter =>
	createAdapter(f.name, { apiKey: f.apiKey, baseUrl: f.baseUrl });

interface Harness {
	engine: JobEngine;
	store: JobStore;
	poller: Poller;
	delivery: Delivery;
	registry: ProviderRegistry;
	events: JobEvents;
	presented: string[];
	clock: { now: number };
	keyv: { jobs: Keyv<Job>; active: Keyv<number> };
}

function harness(options: {
	primary: ProviderAdapter;
	fallback?: ProviderAdapter;
	keyv?: Harness["keyv"];
	shared?: SharedJobs;
	timeoutMs?: number;
	firstPollDelayMs?: number;
}): Harness {
	const keyv = options.keyv ?? { jobs: new Keyv<Job>(), active: new Keyv<number>() };
	const clock = { now: 1_000_000 };
	const store = new JobStore({
		jobs: keyv.jobs,
		activeIndex: keyv.active,
		logger,
		...(options.shared && { shared: options.shared }),
	});
	const presented: string[] = [];
	const registry = new ProviderRegistry(options.primary, options.fallback);
	const events = new JobEvents(logger);
	const delivery = new Delivery({
		presenter: { present: async (id) => void presented.push(`${id}:${(await store.get(id))?.state}`) },
		store,
		logger,
	});
	const engine = new JobEngine({
		store,
		registry,
		delivery,
		events,
		clock: () => clock.now,
		logger,
		timeoutMs: options.timeoutMs ?? 60_000,
		userRef: (id) => `ref-${id}`,
	});
	const poller = new Poller({
		engine,
		registry,
		delivery,
		clock: () => clock.now,
		logger,
		options: {
			intervalMs: 1000,
			timeoutMs: options.timeoutMs ?? 60_000,
			firstPollDelayMs: options.firstPollDelayMs,
		},
	});
	return { engine, store, poller, delivery, registry, events, presented, clock, keyv };
}

function newJob(h: Harness, overrides: Partial<NewJob> = {}): NewJob {
	return {
		guildId: "1",
		channelId: "2",
		userId: "3",
		attachmentSizeLimit: 1e7,
		request: { prompt: "a lighthouse at dusk" },
		provider: h.registry.primary.name,
		...overrides,
	};
}

async function startJob(h: Harness, overrides: Partial<NewJob> = {}): Promise<Job> {
	const job = await h.engine.create(newJob(h, overrides));
	await h.engine.submit(job.id, { messageId: "99" });
	return (await h.store.get(job.id))!;
}

/**
 * Two processes on one store: each has its own connection (a second Store on the same URL), job
 * cache and locks. On memory:// they share one Store, which is what one process's store can do.
 */
function sharedStoreContract(target: Isolated | { url: string }) {
	const opened: Store[] = [];
	afterEach(async () => {
		await Promise.all(opened.splice(0).map((store) => store.close()));
	});
	let single: Store | undefined;
	const connect = (): Store => {
		if (target.url === "memory://") {
			single ??= createStore(target.url, logger);
			if (!opened.includes(single)) opened.push(single);
			return single;
		}
		const store = createStore(target.url, logger);
		opened.push(store);
		return store;
	};
	afterEach(() => {
		single = undefined;
	});
	const processOn = (primary: ProviderAdapter, owner: string, guilds?: string[]) => {
		const store = connect();
		return harness({
			primary,
			keyv: { jobs: store.openNamespace<Job>("jobs"), active: store.openNamespace<number>("jobs-active") },
			shared: {
				claims: store.claims,
				owner,
				owns: (job) => guilds === undefined || guilds.includes(job.guildId ?? ""),
			},
		});
	};

	it("submits a queued job once when two processes race to send it", async () => {
		const ace = await fake("acedatacloud");
		const one = processOn(adapterFor(ace), "one");
		const two = processOn(adapterFor(ace), "two");
		const ids: string[] = [];
		for (let i = 0; i < 20; i++) ids.push((await one.engine.create(newJob(one))).id);
		await Promise.all(ids.flatMap((id) => [one.engine.submit(id), two.engine.submit(id)]));
		expect(ace.submissions()).toHaveLength(20);
		for (const id of ids) {
			const job = await two.store.get(id);
			expect(job?.state).toBe("submitted");
			expect(job?.attempts).toBe(1);
		}
	});

	it("loads only the jobs of its own servers, and leaves the others listed for their owner", async () => {
		const ace = await fake("acedatacloud");
		const one = processOn(adapterFor(ace), "one", ["10"]);
		const mine = await one.engine.create(newJob(one, { guildId: "10" }));
		const theirs = await one.engine.create(newJob(one, { guildId: "20" }));
		const two = processOn(adapterFor(ace), "two", ["20"]);
		expect((await two.store.load()).map((job) => job.id)).toEqual([theirs.id]);
		const again = processOn(adapterFor(ace), "one", ["10"]);
		expect((await again.store.load()).map((job) => job.id)).toEqual([mine.id]);
	});

	it("shows an outcome once when two processes present it together", async () => {
		const ace = await fake("acedatacloud");
		const one = processOn(adapterFor(ace), "one");
		const two = processOn(adapterFor(ace), "two");
		const job = await one.engine.create(newJob(one));
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		let shows = 0;
		const slow = new Delivery({
			presenter: {
				present: async () => {
					shows++;
					await held;
				},
			},
			store: one.store,
			logger,
		});
		const fast = new Delivery({ presenter: { present: async () => void shows++ }, store: two.store, logger });
		const first = slow.present(job.id);
		await waitFor(() => shows === 1);
		await fast.present(job.id);
		expect(shows).toBe(1);
		release();
		await first;
		await fast.present(job.id);
		expect(shows).toBe(2);
	});
}

describe("several processes on one memory store", () => {
	sharedStoreContract({ url: "memory://" });
});

describe.skipIf(!redis.available)(suiteName("several processes on one redis store", redis), () => {
	sharedStoreContract(useRedis());
});

describe.skipIf(!postgres.available)(suiteName("several processes on one postgres store", postgres), () => {
	sharedStoreContract(usePostgres());
});

describe("the job engine and the poller against fake providers", () => {
	it("submits once, tracks queued -> running -> succeeded, and keeps the video id for extending", async () => {
		const ace = await fake("acedatacloud");
		const h = harness({ primary: adapterFor(ace) });
		const job = await startJob(h);
		expect(job.state).toBe("submitted");
		expect(ace.submissions().map((s) => s.fields)).toEqual([
			{ action: "generate", async: true, prompt: "a lighthouse at dusk" },
		]);
		ace.startTask(job.taskId!);
		await h.poller.pass();
		await h.delivery.drain();
		expect((await h.store.get(job.id))?.progress).toBe("running");
		await h.poller.pass(); // no change: nothing is shown again
		ace.completeTask(job.taskId!);
		await h.poller.pass();
		await h.delivery.drain();
		const done = await h.store.get(job.id);
		expect(done?.state).toBe("succeeded");
		expect(done?.result?.videoId).toBeDefined();
		expect(done?.result?.videoId).not.toBe(job.taskId);
		expect(h.presented).toEqual([
			`${job.id}:submitted`,
			`${job.id}:submitted`,
			`${job.id}:succeeded`,
			`${job.id}:succeeded`,
		]);
	});

	it("asks a batch provider about many jobs in chunks: ceil(jobs / batch size) requests a pass", async () => {
		const ace = await fake("acedatacloud");
		const h = harness({ primary: adapterFor(ace) });
		for (let i = 0; i < 120; i++) await startJob(h, { request: { prompt: `clip ${i}` } });
		const before = ace.queryCount();
		await h.poller.pass();
		expect(ace.queryCount() - before).toBe(3);
	});

	it("asks a one-task provider by task age: nothing before its minimum, then every interval, slower when old", async () => {
		const ai = await fake("302ai");
		const adapter = adapterFor(ai);
		const h = harness({ primary: adapter, timeoutMs: 20 * 60_000 });
		for (let i = 0; i < 6; i++) await startJob(h, { request: { prompt: `clip ${i}` } });
		const queries = () => ai.queryCount();
		await h.poller.pass();
		expect(queries()).toBe(0);
		h.clock.now += adapter.capabilities.firstPollAfterMs;
		await h.poller.pass();
		expect(queries()).toBe(6);
		h.clock.now += 500;
		await h.poller.pass();
		expect(queries()).toBe(6);
		h.clock.now += 500;
		await h.poller.pass();
		expect(queries()).toBe(12);
		// Five minutes on, each task is asked about every third interval only.
		h.clock.now += 5 * 60_000 + 1000;
		await h.poller.pass();
		const old = queries();
		h.clock.now += 1000;
		await h.poller.pass();
		expect(queries()).toBe(old);
		h.clock.now += 2000;
		await h.poller.pass();
		expect(queries()).toBe(old + 6);
	});

	it("keeps at most four single-task queries in flight and backs off one provider alone", async () => {
		const ai = await fake("302ai");
		const ace = await fake("acedatacloud");
		const inner = adapterFor(ai);
		let inFlight = 0;
		let peak = 0;
		const counting: ProviderAdapter = {
			name: inner.name,
			capabilities: inner.capabilities,
			submit: (request) => inner.submit(request),
			async query(ids) {
				peak = Math.max(peak, ++inFlight);
				try {
					return await inner.query(ids);
				} finally {
					inFlight--;
				}
			},
		};
		const h = harness({ primary: counting, fallback: adapterFor(ace), firstPollDelayMs: 0 });
		for (let i = 0; i < 10; i++) await startJob(h);
		const aceJob = await startJob(h, { provider: "acedatacloud" });
		await h.poller.pass();
		expect(peak).toBe(4);
		expect(ai.queryCount()).toBe(10);

		ai.injectQueryError(429, 1);
		h.clock.now += 1000;
		const before = ai.queryCount();
		await h.poller.pass();
		expect(ai.queryCount() - before).toBeLessThanOrEqual(4);
		// 302.AI is backed off; AceDataCloud is still asked.
		ace.completeTask(aceJob.taskId!);
		const aceBefore = ace.queryCount();
		await h.poller.pass();
		expect(ai.queryCount() - before).toBeLessThanOrEqual(4);
		expect(ace.queryCount()).toBeGreaterThan(aceBefore);
		expect((await h.store.get(aceJob.id))?.state).toBe("succeeded");
		expect(h.engine.active().filter((job) => job.state === "failed")).toEqual([]);
	});

	it("fails a job that takes longer than the timeout with a code and its parameters", async () => {
		const ace = await fake("acedatacloud");
		const h = harness({ primary: adapterFor(ace), timeoutMs: 60_000 });
		const job = await startJob(h);
		h.clock.now += 61_000;
		await h.poller.pass();
		const failed = await h.store.get(job.id);
		expect(failed?.state).toBe("failed");
		expect(failed?.error).toEqual({ code: "timeout_waiting", params: { minutes: 1 } });
	});

	it("keeps a provider failure as the shared code, never the raw text", async () => {
		const ace = await fake("acedatacloud");
		const h = harness({ primary: adapterFor(ace) });
		const job = await startJob(h);
		ace.failTask(job.taskId!, "moderated");
		await h.poller.pass();
		const failed = await h.store.get(job.id);
		expect(failed?.error).toEqual({ code: "moderated" });
	});

	it("puts a rate-limited submit back in the queue and sends it once the wait is over", async () => {
		const ace = await fake("acedatacloud");
		const h = harness({ primary: adapterFor(ace) });
		ace.injectSubmitError("rate_limited", 2);
		const job = await startJob(h);
		expect(job.state).toBe("queued");
		expect(job.retryAt).toBeGreaterThan(h.clock.now);
		await waitFor(async () => (await h.store.get(job.id))?.state === "submitted", 10_000);
		expect(ace.taskIds()).toHaveLength(1);
		expect((await h.store.get(job.id))?.attempts).toBe(3);
	});

	it("a rate-limited job waiting for its retry is sent after a restart, once", async () => {
		const ace = await fake("acedatacloud");
		const first = harness({ primary: adapterFor(ace) });
		ace.injectSubmitError("rate_limited");
		const job = await startJob(first);
		expect(job.state).toBe("queued");
		await first.engine.stop();
		const second = harness({ primary: adapterFor(ace), keyv: first.keyv });
		await recoverJobs({
			store: second.store,
			engine: second.engine,
			delivery: second.delivery,
			clock: () => second.clock.now,
			logger,
		});
		await waitFor(async () => (await second.store.get(job.id))?.state === "submitted", 10_000);
		expect(ace.taskIds()).toHaveLength(1);
		expect(ace.submissions()).toHaveLength(2);
	});

	it("stops retrying a rate-limited submit when the job could no longer start in time", async () => {
		const ace = await fake("acedatacloud");
		const h = harness({ primary: adapterFor(ace), timeoutMs: 1000 });
		ace.injectSubmitError("rate_limited", 5);
		const job = await h.engine.create(newJob(h));
		h.clock.now += 900;
		await h.engine.submit(job.id, { messageId: "99" });
		expect((await h.store.get(job.id))?.error?.code).toBe("too_many_requests");
	});

	it("never moves a submit that timed out (the task may exist): it fails and gives its unit back", async () => {
		const ace = await startFakeAceDataCloud({ apiKey: "key-ace" });
		const ai = await fake("302ai");
		ace.setDelay("videos", 2000);
		const slow = createAdapter("acedatacloud", {
			apiKey: "key-ace",
			baseUrl: ace.baseUrl,
			requestTimeoutMs: 100,
		});
		const h = harness({ primary: slow, fallback: adapterFor(ai) });
		try {
			const job = await startJob(h);
			expect(job.error).toEqual({ code: "timeout" });
			expect(refundsUnit(job)).toBe(true);
			expect(ai.submissions()).toHaveLength(0);
		} finally {
			await ace.close();
		}
	});

	it("holds a provider that refused the account, and fails a job whose provider is gone", async () => {
		const ace = await fake("acedatacloud");
		const h = harness({ primary: adapterFor(ace) });
		ace.injectSubmitError("no_credits");
		const problems: string[] = [];
		h.events.on("providerProblem", ({ code }) => problems.push(code));
		const refused = await startJob(h);
		expect(refused.error?.code).toBe("no_credits");
		expect(problems).toEqual(["no_credits"]);
		expect(h.registry.heldFor("acedatacloud", h.clock.now)).toBe("no_credits");
		expect(h.registry.heldFor("acedatacloud", h.clock.now + 10 * 60_000)).toBeUndefined();

		const orphan = await startJob(h);
		await h.store.update(orphan.id, (job) => ({ ...job, provider: "yescale" }));
		await h.poller.pass();
		expect((await h.store.get(orphan.id))?.error).toEqual({
			code: "provider_not_configured",
			params: { provider: "yescale" },
		});
	});

	it("after a restart: continues submitted jobs, never resends one caught mid-submit, sends queued ones once", async () => {
		const ace = await fake("acedatacloud");
		const first = harness({ primary: adapterFor(ace) });
		const tracked = await startJob(first, { request: { prompt: "tracked" } });
		const caught = await first.engine.create(newJob(first, { request: { prompt: "caught" } }));
		await first.store.update(caught.id, (job) => ({ ...job, state: "submitting", messageId: "98" }));
		const waiting = await first.engine.create(newJob(first, { request: { prompt: "waiting" } }));
		await first.store.update(waiting.id, (job) => ({ ...job, messageId: "97" }));
		const orphan = await first.engine.create(newJob(first, { request: { prompt: "orphan" } }));

		const second = harness({ primary: adapterFor(ace), keyv: first.keyv });
		await recoverJobs({
			store: second.store,
			engine: second.engine,
			delivery: second.delivery,
			clock: () => second.clock.now,
			logger,
		});
		expect((await second.store.get(caught.id))?.error?.code).toBe("interrupted_while_submitting");
		expect((await second.store.get(orphan.id))?.error?.code).toBe("interrupted_before_start");
		expect((await second.store.get(waiting.id))?.state).toBe("submitted");
		const prompts = ace.submissions().map((s) => s.fields.prompt as string);
		expect(prompts.sort()).toEqual(["tracked", "waiting"]);
		ace.completeTask(tracked.taskId!);
		await second.poller.pass();
		expect((await second.store.get(tracked.id))?.state).toBe("succeeded");
	});
});
