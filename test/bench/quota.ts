/**
 * Quota reservations on the SQLite store, in this process (the quota service alone, no bot): a
 * server with a daily limit of 1000 and no other limit, 100 members asking at once, each asking
 * again as soon as it was answered, until refused. Figures: reservations per second (over the
 * granted ones), and overspend, the reservations granted beyond the limit, both as answered and
 * as stored (read back by a fresh service on the same file). The clock is pinned to midday, so
 * the day cannot roll over during the phase.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { QuotaError, QuotaService } from "../../src/quota/quotaService.js";
import { GuildSettingsStore, type LimitSettings } from "../../src/settings/guildSettings.js";
import { createStore } from "../../src/store/createStore.js";
import { withTimeout } from "./support.js";

const GUILD_DAILY_LIMIT = 1000;
const REQUESTERS = 100;
const GOAL_PER_SECOND = 2000;
const GUILD_ID = "1300000000000000002";
const WARMUP_GUILD_ID = "1300000000000000009";
const WARMUP_RESERVATIONS = 50;
const TIMEOUT_MS = 60_000;

const LIMITS: LimitSettings = {
	guildDaily: GUILD_DAILY_LIMIT,
	guildMonthly: 0,
	guildMaxConcurrent: 0,
	userDaily: 0,
	userMaxConcurrent: 0,
	userCooldownSeconds: 0,
};

/** The service as src/app.ts builds it, on the SQLite file at `path`. */
function openQuota(path: string, clock: () => number) {
	const logger = pino({ level: "warn" }, pino.destination(2));
	const store = createStore(`sqlite://${path}`, logger);
	const settings = new GuildSettingsStore({
		keyv: store.openNamespace<unknown>("guild-settings"),
		defaults: LIMITS,
	});
	const quota = new QuotaService({ keyv: store.openNamespace<unknown>("usage"), settings, clock });
	return { store, quota };
}

export async function measureQuotaReservations() {
	const workDir = mkdtempSync(join(tmpdir(), "luma-bench-quota-"));
	const path = join(workDir, "luma.sqlite");
	// Midday UTC, moving with real time: 12 hours from a new day whichever way.
	const midday = Date.UTC(2026, 5, 15, 12);
	const startedAt = Date.now();
	const clock = () => midday + (Date.now() - startedAt);
	let opened: ReturnType<typeof openQuota> | undefined;
	let reopened: ReturnType<typeof openQuota> | undefined;
	try {
		opened = openQuota(path, clock);
		const { quota } = opened;
		// Opening the file, the first statements and the code paths: on another server.
		await withTimeout(
			(async () => {
				for (let i = 0; i < WARMUP_RESERVATIONS; i++)
					await quota.reserve({
						guildId: WARMUP_GUILD_ID,
						userId: `w${i}`,
						jobId: `warmup-${i}`,
						exempt: false,
					});
			})(),
			TIMEOUT_MS,
			"the warm-up reservations",
		);

		const refusals: Record<string, number> = {};
		let granted = 0;
		let lastGrantAt = 0;
		const start = performance.now();
		const requester = async (index: number) => {
			for (let n = 0; ; n++) {
				try {
					await quota.reserve({
						guildId: GUILD_ID,
						userId: `member-${index}`,
						jobId: `job-${index}-${n}`,
						exempt: false,
					});
					granted++;
					lastGrantAt = performance.now();
				} catch (error) {
					if (!(error instanceof QuotaError)) throw error;
					refusals[error.rule] = (refusals[error.rule] ?? 0) + 1;
					return;
				}
			}
		};
		await withTimeout(
			Promise.all(Array.from({ length: REQUESTERS }, (_, i) => requester(i))),
			TIMEOUT_MS,
			"the requesters to be refused",
		);
		const seconds = (lastGrantAt - start) / 1000;
		const perSecond = Math.round(granted / seconds);
		const answered = await quota.usage(GUILD_ID);
		await withTimeout(opened.store.close(), TIMEOUT_MS, "the store to close");
		opened = undefined;

		// What the file holds, as a fresh service (a restarted bot) reads it.
		reopened = openQuota(path, clock);
		const stored = (await withTimeout(reopened.quota.usage(GUILD_ID), TIMEOUT_MS, "the stored usage")).day
			.count;
		const overspend = granted - GUILD_DAILY_LIMIT;
		const storedOverspend = stored - GUILD_DAILY_LIMIT;
		return {
			store: "sqlite",
			requesters: REQUESTERS,
			guildDailyLimit: GUILD_DAILY_LIMIT,
			granted,
			refusals,
			countInService: answered.day.count,
			countStored: stored,
			overspend,
			storedOverspend,
			grantSeconds: Number(seconds.toFixed(3)),
			reservationsPerSecond: perSecond,
			goal: `>= ${GOAL_PER_SECOND}/s, overspend 0 (answered and stored)`,
			met: perSecond >= GOAL_PER_SECOND && overspend === 0 && storedOverspend === 0,
		};
	} finally {
		await opened?.store.close();
		await reopened?.store.close();
		rmSync(workDir, { recursive: true, force: true });
	}
}
