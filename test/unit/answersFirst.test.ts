import Keyv from "keyv";
import { describe, expect, it } from "vitest";
import { QuotaService } from "../../src/quota/quotaService.js";
import { GuildSettingsStore } from "../../src/settings/guildSettings.js";
import { AnswersFirst } from "../../src/util/answersFirst.js";
import { NO_LIMIT_SETTINGS } from "../support/noLimits.js";

/** Whether `promise` has settled after the pending callbacks and timers of this moment ran. */
async function settledNow(promise: Promise<unknown>): Promise<boolean> {
	let done = false;
	void promise.then(() => {
		done = true;
	});
	await new Promise((resolve) => setTimeout(resolve, 5));
	return done;
}

describe("AnswersFirst", () => {
	it("holds waiting work until every interaction received has its first answer", async () => {
		const answers = new AnswersFirst({ maxWaitMs: 60_000 });
		expect(await settledNow(answers.settled())).toBe(true);
		answers.received("1");
		answers.received("2");
		const work = answers.settled();
		expect(await settledNow(work)).toBe(false);
		answers.answered("1");
		expect(await settledNow(work)).toBe(false);
		// An answer to something not waiting changes nothing.
		answers.answered("3");
		expect(await settledNow(work)).toBe(false);
		answers.answered("2");
		expect(await settledNow(work)).toBe(true);
		expect(answers.waiting).toBe(0);
	});

	it("never holds work longer than its longest wait, with steady traffic", async () => {
		const answers = new AnswersFirst({ maxWaitMs: 30 });
		answers.received("1");
		const work = answers.settled();
		expect(await settledNow(work)).toBe(false);
		await new Promise((resolve) => setTimeout(resolve, 40));
		expect(await settledNow(work)).toBe(true);
	});

	it("lets a caller wait less than the usual longest wait", async () => {
		const answers = new AnswersFirst({ maxWaitMs: 60_000 });
		answers.received("1");
		const short = answers.settled(20);
		const usual = answers.settled();
		await new Promise((resolve) => setTimeout(resolve, 30));
		expect(await settledNow(short)).toBe(true);
		expect(await settledNow(usual)).toBe(false);
		answers.answered("1");
		expect(await settledNow(usual)).toBe(true);
	});

	it("counts a burst as answered only once no interaction came for a quiet spell", async () => {
		const answers = new AnswersFirst({ maxWaitMs: 60_000, quietMs: 300 });
		answers.received("1");
		answers.answered("1");
		const work = answers.settled();
		expect(await settledNow(work)).toBe(false);
		// The burst's next piece: the quiet spell starts again.
		await new Promise((resolve) => setTimeout(resolve, 100));
		answers.received("2");
		answers.answered("2");
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(await settledNow(work)).toBe(false);
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(await settledNow(work)).toBe(true);
		// Quiet already: nothing waits.
		expect(await settledNow(answers.settled())).toBe(true);
	});

	it("stops counting an interaction whose answer was never seen after Discord's deadline", async () => {
		const answers = new AnswersFirst({ maxWaitMs: 60_000, expireMs: 20 });
		answers.received("lost");
		const work = answers.settled();
		await new Promise((resolve) => setTimeout(resolve, 60));
		expect(await settledNow(work)).toBe(true);
		expect(answers.waiting).toBe(0);
	});
});

/** A usage namespace that counts its writes and can hold them until let go. */
function countingKeyv() {
	const keyv = new Keyv<unknown>();
	const set = keyv.set.bind(keyv);
	const state = { writes: 0, hold: undefined as Promise<void> | undefined };
	keyv.set = (async (key: string, value: unknown) => {
		state.writes++;
		await state.hold;
		return set(key, value);
	}) as typeof keyv.set;
	return { keyv, state };
}

describe("quota writes around a burst", () => {
	const settings = () => new GuildSettingsStore({ keyv: new Keyv(), defaults: NO_LIMIT_SETTINGS });

	it("a burst of reservations shares one write, made once its answers are out", async () => {
		const { keyv, state } = countingKeyv();
		const answers = new AnswersFirst({ maxWaitMs: 60_000 });
		const quota = new QuotaService({
			keyv,
			settings: settings(),
			clock: () => Date.UTC(2026, 11, 6, 12),
			afterAnswers: () => answers.settled(),
		});
		await quota.warm("g");
		const ids = Array.from({ length: 50 }, (_, i) => `i${i}`);
		for (const id of ids) answers.received(id);
		const saved: Promise<void>[] = [];
		for (let i = 0; i < ids.length; i++) {
			// Each request is counted at once, in memory; its write waits.
			const { saved: written } = await quota.reserveNow({
				guildId: "g",
				userId: `u${i}`,
				jobId: `j${i}`,
				exempt: false,
			});
			saved.push(written);
			await new Promise((resolve) => setImmediate(resolve));
		}
		expect(state.writes).toBe(0);
		for (const id of ids) answers.answered(id);
		await Promise.all(saved);
		expect(state.writes).toBe(1);
		expect((await quota.usage("g")).inFlight.total).toBe(50);
	});

	it("a job ending does not hold the guild's next request behind its write", async () => {
		const { keyv, state } = countingKeyv();
		const quota = new QuotaService({ keyv, settings: settings(), clock: () => Date.UTC(2026, 11, 6, 12) });
		await quota.reserve({ guildId: "g", userId: "u1", jobId: "first", exempt: false });
		let letGo!: () => void;
		state.hold = new Promise((resolve) => {
			letGo = resolve;
		});
		const released = quota.release({ guildId: "g", jobId: "first", refund: false });
		// The disk is stuck on the release's write; the next request is still counted.
		await new Promise((resolve) => setTimeout(resolve, 5));
		const next = await quota.reserveNow({ guildId: "g", userId: "u2", jobId: "second", exempt: false });
		expect(next.reservation.jobId).toBe("second");
		expect(await settledNow(released)).toBe(false);
		letGo();
		await Promise.all([released, next.saved]);
		const usage = await quota.usage("g");
		expect(usage.inFlight.total).toBe(1);
	});
});
