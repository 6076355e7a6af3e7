import Keyv from "keyv";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import type { Job } from "../../src/jobs/job.js";
import { JobService } from "../../src/jobs/jobService.js";
import { JobStore } from "../../src/jobs/jobStore.js";
import { Poller } from "../../src/jobs/poller.js";
import { recoverJobs } from "../../src/jobs/recoverJobs.js";
import { AceDataCloudProvider } from "../../src/providers/acedatacloud.js";
import { type FakeAceDataCloud, startFakeAceDataCloud } from "../fakes/acedatacloud/index.js";

const logger = pino({ level: "silent" });

interface Harness {
	jobs: JobService;
	store: JobStore;
	poller: Poller;
	presented: string[];
	clock: { now: number };
	keyv: { jobs: Keyv<Job>; active: Keyv<number> };
}

let ace: FakeAceDataCloud;
beforeEach(async () => {
	ace = await startFakeAceDataCloud();
	ace.setBehaviour({ mode: "manual" });
});
afterEach(async () => {
	await ace.close();
});

function harness(keyv = { jobs: new Keyv<Job>(), active: new Keyv<number>() }, timeoutMs = 60_000): Harness {
	const clock = { now: 1_000_000 };
	const store = new JobStore({ jobs: keyv.jobs, activeIndex: keyv.active, logger });
	const provider = new AceDataCloudProvider({ apiKey: ace.apiKey, baseUrl: ace.baseUrl });
	const presented: string[] = [];
	const jobs = new JobService({
		store,
		provider,
		presenter: { present: async (id) => void presented.push(`${id}:${(await store.get(id))?.state}`) },
		clock: () => clock.now,
		logger,
		sleep: async () => undefined,
	});
	const poller = new Poller({
		jobs,
		provider,
		clock: () => clock.now,
		logger,
		options: { intervalMs: 1000, timeoutMs },
	});
	return { jobs, store, poller, presented, clock, keyv };
}

async function startJob(h: Harness, prompt = "a lighthouse at dusk"): Promise<Job> {
	const job = await h.jobs.create({
		guildId: "1",
		channelId: "2",
		userId: "3",
		attachmentSizeLimit: 1e7,
		request: { prompt },
	});
	await h.jobs.submit(job.id, { messageId: "99" });
	return (await h.store.get(job.id))!;
}

const taskRequests = () => ace.requests.filter((r) => r.path === "/luma/tasks").length;

describe("jobs and the poller against the fake AceDataCloud", () => {
	it("submits once, tracks queued -> running -> succeeded, and keeps the video id for extending", async () => {
		const h = harness();
		const job = await startJob(h);
		expect(job.state).toBe("submitted");
		expect(ace.submittedBodies()).toEqual([
			{ action: "generate", async: true, prompt: "a lighthouse at dusk" },
		]);

		ace.startTask(job.taskId!);
		await h.poller.pass();
		await h.jobs.drain();
		expect((await h.store.get(job.id))?.progress).toBe("running");
		await h.poller.pass(); // no change: nothing is shown again

		ace.completeTask(job.taskId!);
		await h.poller.pass();
		await h.jobs.drain();
		const done = await h.store.get(job.id);
		expect(done?.state).toBe("succeeded");
		expect(done?.result?.videoId).toBe(ace.tasks.get(job.taskId!)?.videoId);
		expect(done?.result?.videoUrl).toMatch(/\/files\/.+\.mp4$/);
		expect(h.presented).toEqual([
			`${job.id}:submitted`,
			`${job.id}:submitted`,
			`${job.id}:succeeded`,
			`${job.id}:succeeded`,
		]);
		expect(ace.submittedBodies()).toHaveLength(1);
	});

	it("asks about many jobs with retrieve_batch in chunks: ceil(jobs / batch size) requests a pass", async () => {
		const h = harness();
		for (let i = 0; i < 120; i++) await startJob(h, `clip ${i}`);
		const before = taskRequests();
		await h.poller.pass();
		expect(taskRequests() - before).toBe(3);
		expect(h.poller.stats.requests).toBe(3);
	});

	it("backs off after a 429 and does not fail the jobs", async () => {
		const h = harness();
		const job = await startJob(h);
		ace.injectError("tasks", { status: 429, code: "too_many_requests" });
		await h.poller.pass();
		const afterError = taskRequests();
		await h.poller.pass(); // still inside the backoff window: no request
		expect(taskRequests()).toBe(afterError);
		h.clock.now += 5_000;
		ace.completeTask(job.taskId!);
		await h.poller.pass();
		expect((await h.store.get(job.id))?.state).toBe("succeeded");
	});

	it("fails a job that takes longer than the timeout, with a plain reason", async () => {
		const h = harness(undefined, 60_000);
		const job = await startJob(h);
		h.clock.now += 61_000;
		await h.poller.pass();
		const failed = await h.store.get(job.id);
		expect(failed?.state).toBe("failed");
		expect(failed?.error?.code).toBe("timeout");
		expect(failed?.error?.message).toMatch(/did not finish this video within 1 minutes/);
	});

	it("shows a provider failure in plain words, never the raw body", async () => {
		const h = harness();
		const job = await startJob(h);
		ace.failTask(job.taskId!, { code: "forbidden", message: "RAW-PROVIDER-TEXT" });
		await h.poller.pass();
		const failed = await h.store.get(job.id);
		expect(failed?.state).toBe("failed");
		expect(failed?.error?.code).toBe("forbidden");
		expect(failed?.error?.message).not.toContain("RAW-PROVIDER-TEXT");
	});

	it("retries a rate-limited submit (the task was not created) and fails on a real refusal", async () => {
		const h = harness();
		ace.injectError("videos", { status: 429, code: "too_many_requests", times: 2 });
		expect((await startJob(h)).state).toBe("submitted");

		ace.injectError("videos", { status: 403, code: "used_up" });
		const refused = await startJob(h);
		expect(refused.state).toBe("failed");
		expect(refused.error?.message).toMatch(/credits/i);
		// Until an admin acts, new requests are refused up front instead of failing one by one.
		expect(() => h.jobs.assertAvailable()).toThrow(UserError);
		h.clock.now += 10 * 60_000;
		expect(() => h.jobs.assertAvailable()).not.toThrow();
	});

	it("after a restart: continues submitted jobs, never resends one caught mid-submit, sends queued ones once", async () => {
		const first = harness();
		const tracked = await startJob(first, "tracked");
		const caught = await first.jobs.create({
			guildId: "1",
			channelId: "2",
			userId: "3",
			attachmentSizeLimit: 1,
			request: { prompt: "caught" },
		});
		await first.store.update(caught.id, (job) => ({ ...job, state: "submitting", messageId: "98" }));
		const waiting = await first.jobs.create({
			guildId: "1",
			channelId: "2",
			userId: "3",
			attachmentSizeLimit: 1,
			request: { prompt: "waiting" },
		});
		await first.store.update(waiting.id, (job) => ({ ...job, messageId: "97" }));
		const orphan = await first.jobs.create({
			guildId: "1",
			channelId: "2",
			userId: "3",
			attachmentSizeLimit: 1,
			request: { prompt: "orphan" },
		});

		const second = harness(first.keyv);
		await recoverJobs({ store: second.store, jobs: second.jobs, clock: () => second.clock.now, logger });
		expect((await second.store.get(caught.id))?.state).toBe("failed");
		expect((await second.store.get(caught.id))?.error?.message).toMatch(/not sent again/);
		expect((await second.store.get(orphan.id))?.state).toBe("failed");
		expect((await second.store.get(waiting.id))?.state).toBe("submitted");
		const prompts = ace.submittedBodies().map((body) => (body as { prompt: string }).prompt);
		expect(prompts.sort()).toEqual(["tracked", "waiting"]);

		ace.completeTask(tracked.taskId!);
		await second.poller.pass();
		expect((await second.store.get(tracked.id))?.state).toBe("succeeded");
	});
});
