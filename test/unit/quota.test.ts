import Keyv from "keyv";
import { describe, expect, it } from "vitest";
import { NO_LIMIT_SETTINGS } from "../support/noLimits.js";
import { UserError } from "../../src/errors.js";
import { QuotaError, type QuotaRule, QuotaService } from "../../src/quota/quotaService.js";
import { GuildSettingsStore, type LimitSettings } from "../../src/settings/guildSettings.js";
import { translator } from "../../src/bot/i18n/translate.js";
import { refusalText } from "../../src/bot/views/failureText.js";

/** A refusal as an English-speaking member reads it. */
const words = (error: QuotaError) =>
	refusalText(translator("en"), { code: error.code, ...(error.params && { params: error.params }) });

const NO_LIMITS = NO_LIMIT_SETTINGS;
const START = Date.UTC(2026, 10, 21, 12); // Saturday 2026-11-21 12:00 UTC
const unix = (ms: number) => `<t:${ms / 1000}:R>`;

async function harness(limits: Partial<LimitSettings> = {}, timeZone?: string) {
	const clock = { now: START };
	const settings = new GuildSettingsStore({ keyv: new Keyv(), defaults: { ...NO_LIMITS, ...limits } });
	if (timeZone) await settings.update("g", (s) => ({ ...s, timeZone }));
	const keyv = new Keyv<unknown>();
	const quota = new QuotaService({ keyv, settings, clock: () => clock.now });
	let next = 0;
	const reserve = (userId = "u1", exempt = false) =>
		quota.reserve({ guildId: "g", userId, jobId: `job${++next}`, exempt });
	return { clock, settings, quota, keyv, reserve };
}

async function refusal(promise: Promise<unknown>, rule: QuotaRule): Promise<QuotaError> {
	const error = await promise.then(
		() => undefined,
		(caught: unknown) => caught,
	);
	expect(error).toBeInstanceOf(QuotaError);
	expect(error).toBeInstanceOf(UserError);
	expect((error as QuotaError).rule).toBe(rule);
	return error as QuotaError;
}

describe("QuotaService refusals", () => {
	it("user daily limit", async () => {
		const h = await harness({ userDaily: 2 });
		await h.reserve();
		await h.reserve();
		const error = await refusal(h.reserve(), "user_daily");
		expect(words(error)).toBe(
			`You have used 2 of 2 videos today; your limit resets ${unix(Date.UTC(2026, 10, 22))}. ` +
				"Ask a server admin if you need more.",
		);
		expect([error.used, error.limit, error.retryAt]).toEqual([2, 2, Date.UTC(2026, 10, 22)]);
		await h.reserve("u2");
	});

	it("guild daily limit", async () => {
		const h = await harness({ guildDaily: 2 });
		await h.reserve("a");
		await h.reserve("b");
		const error = await refusal(h.reserve("c"), "guild_daily");
		expect(words(error)).toMatch(
			new RegExp(
				`^This server has used 2 of 2 videos today; the limit resets ${unix(Date.UTC(2026, 10, 22))}\\.`,
			),
		);
	});

	it("guild monthly limit, until the month turns over", async () => {
		const h = await harness({ guildMonthly: 2 });
		await h.reserve("a");
		h.clock.now += 86_400_000;
		await h.reserve("b");
		const error = await refusal(h.reserve("c"), "guild_monthly");
		expect(words(error)).toBe(
			`This server has used 2 of 2 videos this month; the limit resets ${unix(Date.UTC(2026, 11, 1))}. ` +
				"Ask a server admin if you need more.",
		);
		h.clock.now = Date.UTC(2026, 11, 1) - 1;
		await refusal(h.reserve("c"), "guild_monthly");
		h.clock.now = Date.UTC(2026, 11, 1);
		await h.reserve("c");
		expect((await h.quota.usage("g")).month).toMatchObject({ key: "2026-12", count: 1 });
	});

	it("user concurrency", async () => {
		const h = await harness({ userMaxConcurrent: 1 });
		await h.reserve();
		const error = await refusal(h.reserve(), "user_concurrent");
		expect(words(error)).toBe("You already have 1 video in progress (limit 1). Wait until it finishes.");
		await h.reserve("u2");
	});

	it("guild concurrency", async () => {
		const h = await harness({ guildMaxConcurrent: 2 });
		await h.reserve("a");
		await h.reserve("b");
		const error = await refusal(h.reserve("c"), "guild_concurrent");
		expect(words(error)).toBe("This server has 2 videos in progress (limit 2). Try again when one finishes.");
		await h.quota.release({ guildId: "g", jobId: "job1", refund: false });
		await h.reserve("c");
	});

	it("cooldown between requests", async () => {
		const h = await harness({ userCooldownSeconds: 30 });
		await h.reserve();
		h.clock.now += 29_000;
		const error = await refusal(h.reserve(), "cooldown");
		expect(words(error)).toBe(
			`Slow down: you can start another video ${unix(START + 30_000)} (cooldown 30 s).`,
		);
		expect((await h.quota.status("g", "u1")).user.cooldownSeconds).toBe(1);
		await h.reserve("u2");
		h.clock.now += 1000;
		await h.reserve();
	});
});

describe("QuotaService accounting", () => {
	it("accepts exactly 10 of 100 simultaneous requests against a daily limit of 10", async () => {
		const h = await harness({ guildDaily: 10 });
		const results = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => h.reserve(`u${i}`)));
		expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
		const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
		expect(refused.every((r) => r.reason instanceof QuotaError && r.reason.rule === "guild_daily")).toBe(
			true,
		);
		expect((await h.quota.usage("g")).day.count).toBe(10);
		expect(await h.keyv.get("g")).toMatchObject({ dayCount: 10, monthCount: 10 });
	});

	it("stays exact on the in-memory path, with releases and a reset running alongside", async () => {
		const h = await harness({ guildDaily: 30 });
		await h.quota.warm("g");
		await h.settings.get("g");
		for (let i = 0; i < 10; i++) await h.reserve(`early${i}`);
		// Ten refunds (each waits on the store inside the lock) race forty new requests.
		const racing = await Promise.allSettled([
			...Array.from({ length: 10 }, (_, i) =>
				h.quota.release({ guildId: "g", jobId: `job${i + 1}`, refund: true }),
			),
			...Array.from({ length: 40 }, (_, i) => h.reserve(`u${i}`)),
		]);
		const granted = racing.slice(10).filter((r) => r.status === "fulfilled").length;
		const usage = await h.quota.usage("g");
		// Whatever the interleaving: every unit counted is one granted and not refunded, never over 30.
		expect(usage.day.count).toBe(granted);
		expect(usage.day.count).toBeLessThanOrEqual(30);
		expect(granted).toBeGreaterThanOrEqual(20);
		expect(await h.keyv.get("g")).toMatchObject({ dayCount: usage.day.count });
	});

	it("a refund gives the unit back, a non-refund keeps it; release is idempotent", async () => {
		const h = await harness({ userDaily: 1 });
		await h.reserve();
		await h.quota.release({ guildId: "g", jobId: "job1", refund: true });
		await h.quota.release({ guildId: "g", jobId: "job1", refund: true });
		await h.quota.release({ guildId: "g", jobId: "unknown", refund: true });
		let status = await h.quota.status("g", "u1");
		expect(status.user).toMatchObject({ usedToday: 0, remainingToday: 1, inFlight: 0 });
		expect(status.guild).toMatchObject({ usedToday: 0, usedThisMonth: 0, inFlight: 0 });

		await h.reserve(); // job2: rejected by moderation, counts
		await h.quota.release({ guildId: "g", jobId: "job2", refund: false });
		await h.quota.release({ guildId: "g", jobId: "job2", refund: true });
		status = await h.quota.status("g", "u1");
		expect(status.user).toMatchObject({ usedToday: 1, remainingToday: 0, inFlight: 0 });
		await refusal(h.reserve(), "user_daily");
	});

	it("does not refund into a new day, nor below zero", async () => {
		const h = await harness();
		h.clock.now = Date.UTC(2026, 10, 21, 23, 59);
		await h.reserve();
		h.clock.now = Date.UTC(2026, 10, 22, 0, 1);
		await h.reserve();
		await h.quota.release({ guildId: "g", jobId: "job1", refund: true });
		const usage = await h.quota.usage("g");
		expect(usage.day).toMatchObject({ key: "2026-11-22", count: 1 });
		expect(usage.month.count).toBe(1); // the month still refunds: same month
		expect(usage.inFlight.total).toBe(1);

		await h.quota.resetDay("g");
		await h.quota.release({ guildId: "g", jobId: "job2", refund: true });
		expect(await h.keyv.get("g")).toMatchObject({ dayCount: 0, userDay: {}, monthCount: 0 });
	});

	it("rolls the day over at midnight UTC", async () => {
		const h = await harness({ userDaily: 1 });
		await h.reserve();
		h.clock.now = Date.UTC(2026, 10, 22) - 1;
		await refusal(h.reserve(), "user_daily");
		h.clock.now = Date.UTC(2026, 10, 22);
		await h.reserve();
		const status = await h.quota.status("g", "u1");
		expect(status.resets).toEqual({ day: Date.UTC(2026, 10, 23), month: Date.UTC(2026, 11, 1) });
		expect(status.timeZone).toBe("UTC");
	});

	it.each([
		["America/New_York", Date.UTC(2026, 10, 21, 15), Date.UTC(2026, 10, 22, 5)],
		["Asia/Kolkata", Date.UTC(2026, 10, 21, 15), Date.UTC(2026, 10, 21, 18, 30)],
		// 2026-10-31 → 2026-11-01 in New York: midnight is still EDT (-4), the day that follows lasts 25 hours.
		["America/New_York", Date.UTC(2026, 10, 1, 2), Date.UTC(2026, 10, 1, 4)],
		// 2026-03-08 → 2026-03-09: midnight after the spring change is EDT (-4).
		["America/New_York", Date.UTC(2026, 2, 8, 12), Date.UTC(2026, 2, 9, 4)],
	])("rolls the day over at local midnight in %s", async (timeZone, start, midnight) => {
		const h = await harness({ userDaily: 1 }, timeZone);
		h.clock.now = start;
		await h.reserve();
		h.clock.now = midnight - 1;
		const error = await refusal(h.reserve(), "user_daily");
		expect(error.retryAt).toBe(midnight);
		h.clock.now = midnight;
		await h.reserve();
		expect((await h.quota.status("g", "u1")).timeZone).toBe(timeZone);
	});

	it("lets exempt members past every limit but still counts them", async () => {
		const h = await harness({ userDaily: 1, guildDaily: 1, userMaxConcurrent: 1, userCooldownSeconds: 60 });
		await h.reserve("boss", true);
		await h.reserve("boss", true);
		await refusal(h.reserve("member"), "guild_daily");
		const usage = await h.quota.usage("g");
		expect(usage.day.count).toBe(2);
		expect(usage.topUsersToday).toEqual([{ userId: "boss", count: 2 }]);
		expect(usage.inFlight).toEqual({ total: 2, byUser: [{ userId: "boss", count: 2 }] });
		const status = await h.quota.status("g", "boss", true);
		expect(status.user).toMatchObject({
			usedToday: 2,
			remainingToday: null,
			inFlight: 2,
			cooldownSeconds: 0,
		});
		expect(status.guild).toMatchObject({ usedToday: 2, remainingToday: 0 });
	});

	it("resets one user's day, or the whole guild's", async () => {
		const h = await harness({ userDaily: 1, userCooldownSeconds: 60 });
		await h.reserve("a");
		await h.reserve("b");
		await h.quota.resetDay("g", "a");
		await h.reserve("a");
		await refusal(h.reserve("b"), "user_daily");
		expect((await h.quota.usage("g")).day.count).toBe(3);

		await h.quota.resetDay("g");
		expect((await h.quota.usage("g")).day.count).toBe(0);
		expect((await h.quota.usage("g")).month.count).toBe(3);
		await h.reserve("b");
		// A job from before the reset is no longer refunded into the day.
		await h.quota.release({ guildId: "g", jobId: "job1", refund: true });
		expect((await h.quota.status("g", "b")).guild).toMatchObject({ usedToday: 1, usedThisMonth: 3 });
	});

	it("reports today's top users and remaining figures", async () => {
		const h = await harness({ guildDaily: 20, guildMonthly: 100, userDaily: 5 });
		for (const [user, times] of [
			["a", 1],
			["b", 3],
			["c", 2],
		] as const) {
			for (let i = 0; i < times; i++) await h.reserve(user);
		}
		const usage = await h.quota.usage("g");
		expect(usage.topUsersToday).toEqual([
			{ userId: "b", count: 3 },
			{ userId: "c", count: 2 },
			{ userId: "a", count: 1 },
		]);
		const status = await h.quota.status("g", "c");
		expect(status.user).toMatchObject({ usedToday: 2, remainingToday: 3, inFlight: 2 });
		expect(status.guild).toMatchObject({ remainingToday: 14, remainingThisMonth: 94, inFlight: 6 });
	});

	it("frees slots of jobs whose end was lost: after a while, or by reconcile", async () => {
		const h = await harness({ userMaxConcurrent: 1 });
		await h.reserve("a");
		await h.reserve("b");
		expect(await h.quota.reconcile(new Set(["job2"]))).toBe(1);
		await h.reserve("a");
		h.clock.now += 4 * 3_600_000;
		await h.reserve("b");
		expect((await h.quota.usage("g")).inFlight.total).toBe(1);
		// A lost job that ends after all still gets its refund.
		await h.quota.release({ guildId: "g", jobId: "job2", refund: true });
		expect((await h.quota.usage("g")).day.count).toBe(3);
		await h.quota.release({ guildId: "g", jobId: "job2", refund: true });
		expect((await h.quota.usage("g")).day.count).toBe(3);
	});

	it("keeps its counts in the store for a new instance (restart)", async () => {
		const h = await harness({ userDaily: 1 });
		await h.reserve();
		const restarted = new QuotaService({ keyv: h.keyv, settings: h.settings, clock: () => h.clock.now });
		await refusal(restarted.reserve({ guildId: "g", userId: "u1", jobId: "x", exempt: false }), "user_daily");
		await restarted.release({ guildId: "g", jobId: "job1", refund: true });
		await restarted.reserve({ guildId: "g", userId: "u1", jobId: "x", exempt: false });
	});
});
