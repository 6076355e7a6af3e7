import { describe, expect, it } from "vitest";
import { InvalidTransitionError, isTerminal, type Job, newJobId, transition } from "../../src/jobs/job.js";
import { aJob } from "../support/jobFixture.js";

const job = (state: Job["state"]): Job => aJob({ state, request: { prompt: "p" } });

describe("job state machine", () => {
	it("follows queued -> submitting -> submitted -> succeeded", () => {
		const submitting = transition(job("queued"), "submitting", 1);
		const submitted = transition(submitting, "submitted", 2, { taskId: "t" });
		const done = transition(submitted, "succeeded", 3);
		expect([submitting.state, submitted.state, done.state]).toEqual(["submitting", "submitted", "succeeded"]);
		expect(submitted.submittedAt).toBe(2);
		expect(done.finishedAt).toBe(3);
		expect(isTerminal(done)).toBe(true);
	});

	it("refuses to resubmit or to leave a terminal state", () => {
		expect(() => transition(job("submitting"), "submitting", 1)).toThrow(InvalidTransitionError);
		expect(() => transition(job("submitted"), "queued", 1)).toThrow(InvalidTransitionError);
		expect(() => transition(job("failed"), "succeeded", 1)).toThrow(InvalidTransitionError);
		expect(() => transition(job("succeeded"), "failed", 1)).toThrow(InvalidTransitionError);
	});

	it("makes ids that fit a Discord nonce and do not repeat", () => {
		const ids = new Set(Array.from({ length: 1000 }, () => newJobId(Date.now())));
		expect(ids.size).toBe(1000);
		for (const id of ids) expect(id.length).toBeLessThanOrEqual(22);
	});
});
