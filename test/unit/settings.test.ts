import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Keyv from "keyv";
import { pino } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
	GuildSettingsStore,
	type LimitSettings,
	normalizeSettings,
} from "../../src/settings/guildSettings.js";
import { canonicalTimeZone, dayWindow, isValidTimeZone, monthWindow } from "../../src/settings/timeZone.js";
import { createStore } from "../../src/store/createStore.js";

const defaults: LimitSettings = {
	guildDaily: 50,
	guildMonthly: 1000,
	guildMaxConcurrent: 5,
	userDaily: 5,
	userMaxConcurrent: 1,
	userCooldownSeconds: 30,
};
const iso = (ms: number) => new Date(ms).toISOString();

describe("GuildSettingsStore", () => {
	it("starts from empty settings and the environment's limits", async () => {
		const store = new GuildSettingsStore({ keyv: new Keyv(), defaults });
		const settings = await store.get("g");
		expect(settings).toEqual({
			limits: {},
			allowedChannels: [],
			requiredRoles: [],
			exemptRoles: [],
			bannedUsers: [],
			blocklist: [],
		});
		expect(store.effectiveLimits(settings)).toEqual(defaults);
	});

	it("puts a guild's overrides, including 0 (no limit), on top of the defaults", async () => {
		const store = new GuildSettingsStore({ keyv: new Keyv(), defaults });
		const settings = await store.update("g", (s) => ({ ...s, limits: { userDaily: 0, guildDaily: 10 } }));
		expect(store.effectiveLimits(settings)).toEqual({ ...defaults, userDaily: 0, guildDaily: 10 });
	});

	it("reads a damaged record field by field", async () => {
		const keyv = new Keyv<unknown>();
		await keyv.set("g", {
			limits: { userDaily: -1, guildDaily: 7, guildMonthly: "x" },
			timeZone: "america/new_york",
			allowedChannels: "not a list",
			bannedUsers: ["1", "1", "2"],
			extra: true,
		});
		const settings = await new GuildSettingsStore({ keyv, defaults }).get("g");
		expect(settings.limits).toEqual({ guildDaily: 7 });
		expect(settings.timeZone).toBe("America/New_York");
		expect(settings.allowedChannels).toEqual([]);
		expect(settings.bannedUsers).toEqual(["1", "2"]);
		expect(normalizeSettings({ timeZone: "Mars/Olympus" }).timeZone).toBeUndefined();
		expect(normalizeSettings("garbage").blocklist).toEqual([]);
	});

	it("serializes updates per guild so none is lost, and hands the callback a private copy", async () => {
		const store = new GuildSettingsStore({ keyv: new Keyv(), defaults });
		const before = await store.get("g");
		await Promise.all(
			Array.from({ length: 50 }, (_, i) =>
				store.update("g", (s) => {
					s.bannedUsers.push(String(i));
					return s;
				}),
			),
		);
		const after = await store.get("g");
		expect(after.bannedUsers).toHaveLength(50);
		expect(before.bannedUsers).toEqual([]);
		expect(Object.isFrozen(after.bannedUsers)).toBe(true);
	});

	it("serves reads from memory after the first", async () => {
		const keyv = new Keyv<unknown>();
		const store = new GuildSettingsStore({ keyv, defaults });
		await store.update("g", (s) => ({ ...s, blocklist: ["word"] }));
		const spy = vi.spyOn(keyv, "get");
		const start = performance.now();
		for (let i = 0; i < 1000; i++) await store.get("g");
		expect((performance.now() - start) / 1000).toBeLessThan(1);
		expect(spy).not.toHaveBeenCalled();
	});

	describe("persistence", () => {
		let dir: string | undefined;
		afterEach(() => {
			if (dir) rmSync(dir, { recursive: true, force: true });
		});

		it("keeps settings across a restart (SQLite file)", async () => {
			dir = mkdtempSync(join(tmpdir(), "luma-settings-"));
			const url = `sqlite://${join(dir, "luma.sqlite")}`;
			const logger = pino({ level: "silent" });
			const first = createStore(url, logger);
			const settings = new GuildSettingsStore({ keyv: first.openNamespace<unknown>("settings"), defaults });
			await settings.update("g", (s) => ({
				...s,
				limits: { userDaily: 2 },
				timeZone: "Asia/Kolkata",
				exemptRoles: ["9"],
				logChannelId: "42",
			}));
			await first.close();

			const second = createStore(url, logger);
			const restarted = new GuildSettingsStore({ keyv: second.openNamespace<unknown>("settings"), defaults });
			const read = await restarted.get("g");
			expect(read).toMatchObject({ limits: { userDaily: 2 }, timeZone: "Asia/Kolkata", exemptRoles: ["9"] });
			expect(read.logChannelId).toBe("42");
			expect(restarted.effectiveLimits(read).userDaily).toBe(2);
			await second.close();
		});
	});
});

describe("time zones", () => {
	it("validates IANA names with Intl", () => {
		expect(isValidTimeZone("America/New_York")).toBe(true);
		expect(isValidTimeZone("UTC")).toBe(true);
		expect(isValidTimeZone("Mars/Olympus")).toBe(false);
		expect(isValidTimeZone("")).toBe(false);
		expect(canonicalTimeZone("america/new_york")).toBe("America/New_York");
		expect(canonicalTimeZone(" Asia/Kolkata ")).toBe("Asia/Kolkata");
	});

	it("turns days and months over at midnight UTC by default", () => {
		const now = Date.UTC(2026, 10, 21, 23, 59, 59, 999);
		expect(dayWindow(now)).toEqual({ key: "2026-11-21", resetsAt: Date.UTC(2026, 10, 22) });
		expect(dayWindow(now + 1).key).toBe("2026-11-22");
		expect(monthWindow(Date.UTC(2026, 11, 31, 12))).toEqual({
			key: "2026-12",
			resetsAt: Date.UTC(2027, 0, 1),
		});
	});

	it("uses local midnight in a guild's zone", () => {
		const ny = dayWindow(Date.UTC(2026, 10, 21, 3), "America/New_York");
		expect(ny.key).toBe("2026-11-20");
		expect(iso(ny.resetsAt)).toBe("2026-11-21T05:00:00.000Z");
		const kolkata = dayWindow(Date.UTC(2026, 10, 21, 18, 29), "Asia/Kolkata");
		expect(kolkata.key).toBe("2026-11-21");
		expect(iso(kolkata.resetsAt)).toBe("2026-11-21T18:30:00.000Z");
		expect(dayWindow(Date.UTC(2026, 10, 21, 18, 30), "Asia/Kolkata").key).toBe("2026-11-22");
		expect(iso(monthWindow(Date.UTC(2026, 10, 15), "Asia/Kolkata").resetsAt)).toBe(
			"2026-11-30T18:30:00.000Z",
		);
	});

	it("handles DST changes (23- and 25-hour days)", () => {
		// New York, 2026-03-08: clocks go 02:00 → 03:00; the day lasts 23 hours.
		const spring = dayWindow(Date.UTC(2026, 2, 8, 6), "America/New_York");
		expect(spring.key).toBe("2026-03-08");
		expect(iso(spring.resetsAt)).toBe("2026-03-09T04:00:00.000Z");
		// 2026-11-01: clocks go 02:00 → 01:00; the day lasts 25 hours.
		const eve = dayWindow(Date.UTC(2026, 10, 1, 3, 30), "America/New_York");
		expect(eve.key).toBe("2026-10-31");
		expect(iso(eve.resetsAt)).toBe("2026-11-01T04:00:00.000Z");
		const fall = dayWindow(Date.UTC(2026, 10, 1, 12), "America/New_York");
		expect(iso(fall.resetsAt)).toBe("2026-11-02T05:00:00.000Z");
		expect(fall.resetsAt - eve.resetsAt).toBe(25 * 3_600_000);
		expect(monthWindow(Date.UTC(2026, 9, 20), "America/New_York").resetsAt).toBe(Date.UTC(2026, 10, 1, 4));
	});

	it("starts the day after the gap when local midnight does not exist", () => {
		// Santiago, 2026-09-06: clocks go 00:00 → 01:00, at 04:00 UTC.
		const window = dayWindow(Date.UTC(2026, 8, 5, 12), "America/Santiago");
		expect(window.key).toBe("2026-09-05");
		expect(iso(window.resetsAt)).toBe("2026-09-06T04:00:00.000Z");
		expect(dayWindow(window.resetsAt, "America/Santiago").key).toBe("2026-09-06");
		expect(dayWindow(window.resetsAt - 1, "America/Santiago").key).toBe("2026-09-05");
	});
});
