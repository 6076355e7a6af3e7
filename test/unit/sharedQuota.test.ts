import Keyv from "keyv";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { NO_LIMIT_SETTINGS } from "../support/noLimits.js";
import { type Isolated, postgres, redis, suiteName, usePostgres, useRedis } from "../support/services.js";
import { QuotaError, QuotaService, SHARED_CACHE_MS } from "../../src/quota/quotaService.js";
import { sharedUsageRecords } from "../../src/quota/usageRecords.js";
import { GuildSettingsStore, type LimitSettings } from "../../src/settings/guildSettings.js";
import { createStore, type Store } from "../../src/store/createStore.js";

const logger = pino({ level: "silent" });
const START = Date.UTC(2026, 10, 21, 12);

/**
 * Quota across processes sharing one store: each "process" has its own store connection, cache
 * and lock, as shard processes do.
 */
function contract(target: Isolated | { url: string }) {
	const opened: Store[] = [];
	afterEach(async () => {
		await Promise.all(opened.splice(0).map((store) => store.close()));
	});
	const settingsKeyv = () => new Keyv<unknown>();

	function processes(limits: Partial<LimitSettings>, clock = { now: START }, count = 2) {
		const settings = settingsKeyv();
		// memory:// is one process's store: its "processes" share one instance instead.
		const single = target.url === "memory://" ? createStore(target.url, logger) : undefined;
		if (single) opened.push(single);
		return Array.from({ length: count }, () => {
			const store = single ?? createStore(target.url, logger);
			if (!single) opened.push(store);
			const guildSettings = new GuildSettingsStore({
				keyv: settings,
				defaults: { ...NO_LIMIT_SETTINGS, ...limits },
				cacheMs: 5_000,
				clock: () => clock.now,
			});
			return new QuotaService({
				records: sharedUsageRecords(store.versioned("usage")),
				settings: guildSettings,
				clock: () => clock.now,
			});
		});
	}

	const reserve = (quota: QuotaService, jobId: string, userId = "u") =>
		quota.reserve({ guildId: "g", userId, jobId, exempt: false });

	it("accepts exactly the limit of 100 requests split over two processes", async () => {
		const [one, two, reader] = processes({ guildDaily: 10 }, { now: START }, 3);
		const results = await Promise.allSettled(
			Array.from({ length: 100 }, (_, i) => reserve(i % 2 ? one! : two!, `job${i}`, `u${i}`)),
		);
		expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(10);
		for (const result of results)
			if (result.status === "rejected") expect(result.reason).toBeInstanceOf(QuotaError);
		expect((await reader!.usage("g")).day.count).toBe(10);
	});

	it("keeps every count and refund when both processes change one guild", async () => {
		const [one, two, reader] = processes({}, { now: START }, 3);
		await Promise.all(Array.from({ length: 60 }, (_, i) => reserve(i % 2 ? one! : two!, `job${i}`)));
		await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				(i % 2 ? two! : one!).release({ guildId: "g", jobId: `job${i}`, refund: true }),
			),
		);
		const usage = await reader!.usage("g");
		expect(usage.day.count).toBe(40);
		expect(usage.inFlight.total).toBe(40);
	});

	it("frees a unit another process refunded once its cached copy is old", async () => {
		const clock = { now: START };
		const [one, two] = processes({ guildDaily: 1 }, clock);
		await reserve(one!, "a");
		await expect(reserve(two!, "b")).rejects.toBeInstanceOf(QuotaError);
		await one!.release({ guildId: "g", jobId: "a", refund: true });
		// The refused process read the guild a moment ago; its next read after the cache time sees the refund.
		clock.now += SHARED_CACHE_MS;
		await expect(reserve(two!, "c")).resolves.toBeDefined();
	});
}

describe("quota across processes on one memory store", () => {
	contract({ url: "memory://" });
});

describe.skipIf(!redis.available)(suiteName("quota across processes on redis", redis), () => {
	contract(useRedis());
});

describe.skipIf(!postgres.available)(suiteName("quota across processes on postgres", postgres), () => {
	contract(usePostgres());
});
