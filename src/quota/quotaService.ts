import type Keyv from "keyv";
import type { Clock } from "../clock.js";
import type { GuildSettings, GuildSettingsStore, LimitSettings } from "../settings/guildSettings.js";
import { dayWindow, monthWindow, type Window } from "../settings/timeZone.js";
import { CoalescedWrites } from "../store/coalescedWrites.js";
import { KeyedMutex } from "../util/keyedMutex.js";
import { findRefusal } from "./quotaRules.js";
import type { QuotaStatus, Reservation, UsageReport } from "./quotaTypes.js";
import { inFlightOf, readUsage, rollUsage, topCounts, type UsageRecord } from "./usageRecord.js";

export { QuotaError, type QuotaRule, relativeTime } from "./quotaRules.js";
export type { QuotaStatus, Reservation, UsageReport } from "./quotaTypes.js";

/** In-flight jobs older than this are taken as lost (their end was never reported). */
export const DEFAULT_STALE_AFTER_MS = 3 * 3_600_000;
const DAY_MS = 86_400_000;
const SWEEP_EVERY_MS = 60_000;

interface ReserveInput {
	guildId: string;
	userId: string;
	jobId: string;
	exempt: boolean;
}

interface View {
	record: UsageRecord;
	limits: LimitSettings;
	timeZone: string | undefined;
	now: number;
	day: Window;
	month: Window;
}

const remaining = (limit: number, used: number): number | null =>
	limit === 0 ? null : Math.max(0, limit - used);

/**
 * Per-guild usage in its own namespace, one record per guild, cached in memory (write-through).
 * Every change runs under the guild's lock, so checks and counts never interleave.
 */
export class QuotaService {
	readonly #keyv: Keyv<unknown>;
	readonly #settings: GuildSettingsStore;
	readonly #clock: Clock;
	readonly #staleAfterMs: number;
	readonly #cache = new Map<string, UsageRecord>();
	readonly #sweptAt = new Map<string, number>();
	readonly #writes = new CoalescedWrites((guildId) =>
		this.#keyv.set(guildId, structuredClone(this.#cache.get(guildId))).then(() => undefined),
	);
	readonly #mutex = new KeyedMutex();

	constructor(deps: {
		keyv: Keyv<unknown>;
		settings: GuildSettingsStore;
		clock: Clock;
		staleAfterMs?: number;
	}) {
		this.#keyv = deps.keyv;
		this.#settings = deps.settings;
		this.#clock = deps.clock;
		this.#staleAfterMs = deps.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
	}

	/** Checks every limit (unless exempt), then counts the unit and the in-flight job, in one step. */
	async reserve(input: ReserveInput): Promise<Reservation> {
		const { reservation, saved } = await this.reserveNow(input);
		await saved;
		return reservation;
	}

	/**
	 * `reserve` without waiting for the store: the count is made in memory under the guild's lock
	 * and `saved` settles when a store write that includes it has finished. With the guild's record
	 * cached (see `warm`), nothing here waits for I/O, so a request can be answered at once and the
	 * write awaited before anything is spent.
	 */
	async reserveNow(input: ReserveInput): Promise<{ reservation: Reservation; saved: Promise<void> }> {
		const { guildId } = input;
		// With the guild's records in memory and nothing else changing them, the check and the count
		// run in one synchronous step, which nothing can interleave: no lock to queue behind. A burst
		// of a hundred requests would otherwise pass the lock one microtask round after another.
		if (this.#mutex.isIdle(guildId)) {
			const settings = this.#settings.peek(guildId);
			const stored = this.#cache.get(guildId);
			if (settings && stored) return this.#reserveIn(this.#viewOf(guildId, settings, stored), input);
		}
		return this.#mutex.run(guildId, async () => this.#reserveIn(await this.#view(guildId), input));
	}

	/** Checks and counts one request against `view`, in place; synchronous, so it cannot interleave. */
	#reserveIn(view: View, input: ReserveInput): { reservation: Reservation; saved: Promise<void> } {
		const { guildId, userId, jobId, exempt } = input;
		const { record, limits, now } = view;
		const existing = record.inFlight[jobId] ?? record.lost[jobId];
		if (existing) {
			return {
				reservation: { ...input, at: existing.at, day: existing.day, month: existing.month },
				saved: this.#writes.pending(guildId)?.catch(() => undefined) ?? Promise.resolve(),
			};
		}
		const refusal = exempt ? undefined : findRefusal({ ...view, userId });
		if (refusal) throw refusal;
		record.dayCount++;
		record.monthCount++;
		record.userDay[userId] = (record.userDay[userId] ?? 0) + 1;
		record.inFlight[jobId] = { userId, at: now, day: record.day, month: record.month, userDay: true };
		record.lastRequest[userId] = now;
		const forgetBefore = now - Math.max(limits.userCooldownSeconds * 1000, DAY_MS);
		for (const [id, at] of Object.entries(record.lastRequest))
			if (at < forgetBefore) delete record.lastRequest[id];
		// The next request is checked against the new count without waiting for the disk.
		const saved = this.#write(guildId, record);
		// Whoever holds `saved` sees a failure; nobody else must see it as unhandled.
		saved.catch(() => undefined);
		return { reservation: { ...input, at: now, day: record.day, month: record.month }, saved };
	}

	/** Reads a guild's usage into memory ahead of its first request, so that request waits on no read. */
	async warm(guildId: string): Promise<void> {
		await this.#read(guildId);
	}

	/**
	 * The job ended; its in-flight slot is freed. `refund` gives its unit back, but only to the
	 * day and month it was counted in, and never below zero. Unknown or released jobs: no-op.
	 */
	release(input: { guildId: string; jobId: string; refund: boolean }): Promise<void> {
		const { guildId, jobId, refund } = input;
		return this.#mutex.run(guildId, async () => {
			const stored = await this.#read(guildId);
			if (!stored.inFlight[jobId] && !stored.lost[jobId]) return;
			const { record } = await this.#view(guildId);
			const job = record.inFlight[jobId] ?? record.lost[jobId];
			delete record.inFlight[jobId];
			delete record.lost[jobId];
			if (!job) return; // its month is over: nothing left to refund
			if (refund) {
				if (job.month === record.month) record.monthCount = Math.max(0, record.monthCount - 1);
				if (job.day === record.day) {
					record.dayCount = Math.max(0, record.dayCount - 1);
					const userCount = (record.userDay[job.userId] ?? 0) - (job.userDay ? 1 : 0);
					if (userCount > 0) record.userDay[job.userId] = userCount;
					else delete record.userDay[job.userId];
				}
			}
			await this.#write(guildId, record);
		});
	}

	/** What `/luma quota` shows. Reads only. */
	async status(guildId: string, userId: string, exempt = false): Promise<QuotaStatus> {
		const { record, limits, timeZone, now, day, month } = await this.#view(guildId);
		const usedToday = record.userDay[userId] ?? 0;
		const last = record.lastRequest[userId];
		const cooldownEnds = last === undefined ? 0 : last + limits.userCooldownSeconds * 1000;
		return {
			exempt,
			limits,
			timeZone: timeZone ?? "UTC",
			user: {
				usedToday,
				remainingToday: exempt ? null : remaining(limits.userDaily, usedToday),
				inFlight: inFlightOf(record, userId),
				cooldownSeconds: exempt ? 0 : Math.max(0, Math.ceil((cooldownEnds - now) / 1000)),
			},
			guild: {
				usedToday: record.dayCount,
				remainingToday: remaining(limits.guildDaily, record.dayCount),
				usedThisMonth: record.monthCount,
				remainingThisMonth: remaining(limits.guildMonthly, record.monthCount),
				inFlight: Object.keys(record.inFlight).length,
			},
			resets: { day: day.resetsAt, month: month.resetsAt },
		};
	}

	/** Today's and this month's totals, the top users today and the jobs in flight. Reads only. */
	async usage(guildId: string): Promise<UsageReport> {
		const { record, day, month } = await this.#view(guildId);
		const byUser: Record<string, number> = {};
		for (const job of Object.values(record.inFlight)) byUser[job.userId] = (byUser[job.userId] ?? 0) + 1;
		return {
			day: { key: record.day, count: record.dayCount, resetsAt: day.resetsAt },
			month: { key: record.month, count: record.monthCount, resetsAt: month.resetsAt },
			topUsersToday: topCounts(record.userDay, 10),
			inFlight: {
				total: Object.keys(record.inFlight).length,
				byUser: topCounts(byUser, Number.POSITIVE_INFINITY),
			},
		};
	}

	/**
	 * Forgets the current day's usage of one user (their count and cooldown; the server's total
	 * keeps their videos) or of the whole server (every count and cooldown of the day). The month
	 * is untouched; jobs in flight keep running but are no longer refunded into the reset day.
	 */
	resetDay(guildId: string, userId?: string): Promise<void> {
		return this.#mutex.run(guildId, async () => {
			const { record } = await this.#view(guildId);
			for (const job of [...Object.values(record.inFlight), ...Object.values(record.lost)]) {
				if (userId === undefined) job.day = "";
				else if (job.userId === userId) job.userDay = false;
			}
			if (userId === undefined) {
				record.dayCount = 0;
				record.userDay = {};
				record.lastRequest = {};
			} else {
				delete record.userDay[userId];
				delete record.lastRequest[userId];
			}
			await this.#write(guildId, record);
		});
	}

	/**
	 * Frees the slots of in-flight jobs not in `activeJobIds`, in every guild (they move to `lost`:
	 * a late `release` still refunds them). Call at start with the jobs still running, so a job
	 * whose end was lost to a crash does not hold a slot until it goes stale.
	 */
	async reconcile(activeJobIds: ReadonlySet<string>): Promise<number> {
		if (!this.#keyv.iterator) throw new Error("the store cannot list keys");
		const guildIds: string[] = [];
		for await (const [key] of this.#keyv.iterator(undefined)) guildIds.push(String(key));
		let dropped = 0;
		for (const guildId of guildIds) {
			await this.#mutex.run(guildId, async () => {
				const record = structuredClone(await this.#read(guildId));
				const lost = Object.keys(record.inFlight).filter((jobId) => !activeJobIds.has(jobId));
				if (lost.length === 0) return;
				for (const jobId of lost) {
					record.lost[jobId] = record.inFlight[jobId]!;
					delete record.inFlight[jobId];
				}
				dropped += lost.length;
				await this.#write(guildId, record);
			});
		}
		return dropped;
	}

	/** The guild's record as of now (a private copy), with its limits and windows. */
	async #view(guildId: string): Promise<View> {
		const settings = await this.#settings.get(guildId);
		return this.#viewOf(guildId, settings, await this.#read(guildId));
	}

	#viewOf(guildId: string, settings: GuildSettings, stored: UsageRecord): View {
		const limits = this.#settings.effectiveLimits(settings);
		const now = this.#clock();
		const day = dayWindow(now, settings.timeZone);
		const month = monthWindow(now, settings.timeZone);
		// Stale slots are swept at most once a minute: the sweep walks every job in flight, and the
		// hours a slot takes to go stale make a minute's delay immaterial.
		const sweep = now - (this.#sweptAt.get(guildId) ?? 0) >= SWEEP_EVERY_MS;
		if (sweep) this.#sweptAt.set(guildId, now);
		const record = rollUsage(stored, day.key, month.key, sweep ? now - this.#staleAfterMs : undefined);
		return { record, limits, timeZone: settings.timeZone, now, day, month };
	}

	async #read(guildId: string): Promise<UsageRecord> {
		const cached = this.#cache.get(guildId);
		if (cached) return cached;
		const record = readUsage(await this.#keyv.get(guildId));
		// Reads outside the lock (status, usage) must not replace a record a change just cached.
		if (!this.#cache.has(guildId)) this.#cache.set(guildId, record);
		return this.#cache.get(guildId) ?? record;
	}

	/**
	 * Makes `record` the guild's current state at once (the cache is what every check reads) and
	 * resolves when a store write that includes it has finished. Writes are coalesced: while one
	 * is running, all later changes share the next one, so a burst costs a couple of writes, not
	 * one per request.
	 */
	#write(guildId: string, record: UsageRecord): Promise<void> {
		this.#cache.set(guildId, record);
		return this.#writes.save(guildId);
	}
}
