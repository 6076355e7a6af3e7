import Keyv from "keyv";
import { describe, expect, it } from "vitest";
import { NO_LIMIT_SETTINGS } from "../support/noLimits.js";
import { QuotaError, QuotaService, SHARED_CACHE_MS } from "../../src/quota/quotaService.js";
import { sharedUsageRecords } from "../../src/quota/usageRecords.js";
import { GuildSettingsStore, type LimitSettings } from "../../src/settings/guildSettings.js";
import { MemoryVersioned, type VersionedRecords } from "../../src/store/claims.js";

/** Two processes' quota services over one store: each keeps its own cache and lock. */
function processes(
	records: VersionedRecords<unknown>,
	limits: Partial<LimitSettings>,
	clock = { now: Date.UTC(2026, 10, 21, 12) },
	count = 2,
) {
	const settingsKeyv = new Keyv<unknown>();
	return Array.from({ length: count }, () => {
		const settings = new GuildSettingsStore({
			keyv: settingsKeyv,
			defaults: { ...NO_LIMIT_SETTINGS, ...limits },
			cacheMs: 5_000,
			clock: () => clock.now,
		});
		return new QuotaService({ records: sharedUsageRecords(records), settings, clock: () => clock.now });
	});
}

describe("quota across processes sharing a store", () => {
	it("accepts exactly the limit of 100 requests split over two processes", async () => {
		const records = new MemoryVersioned<unknown>();
		const [one, two] = processes(records, { guildDaily: 10 });
		const results = await Promise.allSettled(
			Array.from({ length: 100 }, (_, i) =>
				(i % 2 ? one! : two!).reserve({ guildId: "g", userId: `u${i}`, jobId: `job${i}`, exempt: false }),
			),
		);
		const accepted = results.filter((result) => result.status === "fulfilled");
		expect(accepted).toHaveLength(10);
		for (const result of results)
			if (result.status === "rejected") expect(result.reason).toBeInstanceOf(QuotaError);
		const [reader] = processes(records, {});
		expect((await reader!.usage("g")).day.count).toBe(10);
	});

	it("keeps every count and refund when both processes change one guild", async () => {
		const records = new MemoryVersioned<unknown>();
		const [one, two] = processes(records, {});
		await Promise.all(
			Array.from({ length: 60 }, (_, i) =>
				(i % 2 ? one! : two!).reserve({ guildId: "g", userId: "u", jobId: `job${i}`, exempt: false }),
			),
		);
		await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				(i % 2 ? two! : one!).release({ guildId: "g", jobId: `job${i}`, refund: true }),
			),
		);
		const [reader] = processes(records, {});
		const usage = await reader!.usage("g");
		expect(usage.day.count).toBe(40);
		expect(usage.inFlight.total).toBe(40);
	});

	it("frees a unit another process refunded once its cached copy is old", async () => {
		const records = new MemoryVersioned<unknown>();
		const clock = { now: Date.UTC(2026, 10, 21, 12) };
		const [one, two] = processes(records, { guildDaily: 1 }, clock);
		await one!.reserve({ guildId: "g", userId: "u", jobId: "a", exempt: false });
		await expect(
			two!.reserve({ guildId: "g", userId: "u", jobId: "b", exempt: false }),
		).rejects.toBeInstanceOf(QuotaError);
		await one!.release({ guildId: "g", jobId: "a", refund: true });
		// The refused process read the guild a moment ago; its next read after the cache time sees the refund.
		clock.now += SHARED_CACHE_MS;
		await expect(
			two!.reserve({ guildId: "g", userId: "u", jobId: "c", exempt: false }),
		).resolves.toBeDefined();
	});
});
