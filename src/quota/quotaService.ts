import type Keyv from "keyv";
import type { Clock } from "../clock.js";
import type { GuildSettings, GuildSettingsStore, LimitSettings } from "../settings/guildSettings.js";
import { dayWindow, monthWindow, type Window } from "../settings/timeZone.js";
import { CoalescedWrites } from "../store/coalescedWrites.js";
import { KeyedMutex } from "../util/keyedMutex.js";
import { findRefusal } from "./quotaRules.js";
import type { QuotaStatus, Reservation, UsageReport } from "./quotaTypes.js";
import { QuotaError } from "./quotaRules.js";
import { inFlightOf, readUsage, rollUsage, topCounts, type UsageRecord } from "./usageRecord.js";
import { keyvUsageRecords, type UsageRecords } from "./usageRecords.js";

export { QuotaError, type QuotaRule, relativeTime } from "./quotaRules.js";
export type { QuotaStatus, Reservation, UsageReport } from "./quotaTypes.js";

/** In-flight jobs older than this are taken as lost (their end was never reported). */
export const DEFAULT_STALE_AFTER_MS = 3 * 3_600_000;
const DAY_MS = 86_400_000;
const SWEEP_EVERY_MS = 60_000;
/**
 * With several processes on the store, a cached record is read again after this long: another
 * process may have freed units (its writes are checked on write, but a refusal is made from the
 * cache). A guild's requests all reach the process of its shard, so this is for a reshard's edge.
 */
export const SHARED_CACHE_MS = 5_000;

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

/**
 * A change made to a guild's cached record and not yet known to be stored. When another process
 * wrote the record first, the change is made again on the stored one, and a reservation that no
 * longer fits is dropped (`refused`), so counts stay exact across processes.
 */
interface Change {
	apply(view: View): void;
	refused?: QuotaError;
}

const remaining = (limit: number, used: number): number | null =>
	limit === 0 ? null : Math.max(0, limit - used);

/**
 * Per-guild usage in its own namespace, one record per guild, cached in memory (write-through).
 * Every change runs under the guild's lock, so checks and counts never interleave.
 */
export class QuotaService {
	readonly #records: UsageRecords;
	readonly #settings: GuildSettingsStore;
	readonly #clock: Clock;
	readonly #staleAfterMs: number;
	readonly #cache = new Map<string, UsageRecord>();
	/** Per guild: the stored version the cached record was read at or last written as. */
	readonly #versions = new Map<string, number | undefined>();
	/** Per guild: changes made to the cached record since it was last stored (several processes only). */
	readonly #unstored = new Map<string, Change[]>();
	readonly #sweptAt = new Map<string, number>();
	/** Per guild: when the cached record was read from the store (several processes only). */
	readonly #readAt = new Map<string, number>();
	readonly #writes: CoalescedWrites;
	readonly #mutex = new KeyedMutex();
	readonly #shared: boolean;

	constructor(deps: {
		/** One process's records (a Keyv namespace), or `records` when processes share the store. */
		keyv?: Keyv<unknown>;
		records?: UsageRecords;
		settings: GuildSettingsStore;
		clock: Clock;
		staleAfterMs?: number;
		/**
		 * What a write waits for before it starts (by default one turn of the event loop). A guild's
		 * record holds every job in flight, so it costs more to write the busier the guild is: held
		 * until a burst of requests has been taken in, the burst shares one write.
		 */
		afterAnswers?: () => Promise<void>;
	}) {
		this.#writes = new CoalescedWrites((guildId) => this.#store(guildId), {
			...(deps.afterAnswers && { wait: deps.afterAnswers }),
		});
		const records = deps.records ?? (deps.keyv && keyvUsageRecords(deps.keyv));
		if (!records) throw new Error("QuotaService needs keyv or records");
		this.#records = records;
		this.#shared = deps.records !== undefined;
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
			const stored = this.#cached(guildId);
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
		const count = (view: View) => {
			const refusal = exempt ? undefined : findRefusal({ ...view, userId });
			if (refusal) throw refusal;
			const { record } = view;
			record.dayCount++;
			record.monthCount++;
			record.userDay[userId] = (record.userDay[userId] ?? 0) + 1;
			record.inFlight[jobId] = { userId, at: now, day: record.day, month: record.month, userDay: true };
			record.lastRequest[userId] = now;
			const forgetBefore = now - Math.max(limits.userCooldownSeconds * 1000, DAY_MS);
			// Walked on every request: `for…in` allocates nothing, where a list of entries would.
			for (const id in record.lastRequest)
				if ((record.lastRequest[id] ?? 0) < forgetBefore) delete record.lastRequest[id];
		};
		count(view);
		// The next request is checked against the new count without waiting for the disk.
		const saved = this.#write(guildId, record, count);
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
	async release(input: { guildId: string; jobId: string; refund: boolean }): Promise<void> {
		const { guildId, jobId, refund } = input;
		const free = ({ record }: View) => {
			const job = record.inFlight[jobId] ?? record.lost[jobId];
			delete record.inFlight[jobId];
			delete record.lost[jobId];
			if (!job || !refund) return; // its month is over: nothing left to refund
			if (job.month === record.month) record.monthCount = Math.max(0, record.monthCount - 1);
			if (job.day === record.day) {
				record.dayCount = Math.max(0, record.dayCount - 1);
				const userCount = (record.userDay[job.userId] ?? 0) - (job.userDay ? 1 : 0);
				if (userCount > 0) record.userDay[job.userId] = userCount;
				else delete record.userDay[job.userId];
			}
		};
		const saved = await this.#mutex.run(guildId, async () => {
			const stored = await this.#read(guildId);
			// Another process may have counted it (a reshard): the write then finds out, and frees it
			// in what that process stored.
			if (!stored.inFlight[jobId] && !stored.lost[jobId] && !this.#shared) return undefined;
			const view = await this.#view(guildId);
			free(view);
			return this.#unlocked(this.#write(guildId, view.record, free));
		});
		await saved?.written;
	}

	/**
	 * A write, carried out of the guild's lock: the change is in the cache, which every check reads,
	 * so the next change need not wait for the disk (writes stay in order all the same). Waited for
	 * inside the lock, a burst of jobs ending together would take the guild's writes one at a time.
	 */
	#unlocked(written: Promise<void>): { written: Promise<void> } {
		written.catch(() => undefined);
		return { written };
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
	async resetDay(guildId: string, userId?: string): Promise<void> {
		const reset = ({ record }: View) => {
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
		};
		const saved = await this.#mutex.run(guildId, async () => {
			const view = await this.#view(guildId);
			reset(view);
			return this.#unlocked(this.#write(guildId, view.record, reset));
		});
		await saved.written;
	}

	/**
	 * Frees the slots of in-flight jobs not in `activeJobIds`, in every guild (they move to `lost`:
	 * a late `release` still refunds them). Call at start with the jobs still running, so a job
	 * whose end was lost to a crash does not hold a slot until it goes stale.
	 */
	async reconcile(
		activeJobIds: ReadonlySet<string>,
		ownsGuild: (guildId: string) => boolean = () => true,
	): Promise<number> {
		const guildIds: string[] = [];
		for await (const guildId of this.#records.guildIds()) if (ownsGuild(guildId)) guildIds.push(guildId);
		let dropped = 0;
		for (const guildId of guildIds) {
			const lose = ({ record }: View) => {
				for (const jobId of Object.keys(record.inFlight)) {
					if (activeJobIds.has(jobId)) continue;
					record.lost[jobId] = record.inFlight[jobId]!;
					delete record.inFlight[jobId];
				}
			};
			const saved = await this.#mutex.run(guildId, async () => {
				const stored = await this.#read(guildId);
				const lost = Object.keys(stored.inFlight).filter((jobId) => !activeJobIds.has(jobId));
				if (lost.length === 0) return undefined;
				const view = await this.#view(guildId);
				lose(view);
				dropped += lost.length;
				return this.#unlocked(this.#write(guildId, view.record, lose));
			});
			await saved?.written;
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

	/** The cached record, unless another process may have changed it since (then read it again). */
	#cached(guildId: string): UsageRecord | undefined {
		const cached = this.#cache.get(guildId);
		if (!cached || !this.#shared) return cached;
		if (this.#clock() - (this.#readAt.get(guildId) ?? 0) < SHARED_CACHE_MS) return cached;
		// Changes not stored yet live only in the cache: it stays until they are written.
		if (this.#writes.pending(guildId) || this.#unstored.get(guildId)?.length) return cached;
		this.#cache.delete(guildId);
		return undefined;
	}

	async #read(guildId: string): Promise<UsageRecord> {
		const cached = this.#cached(guildId);
		if (cached) return cached;
		const stored = await this.#records.get(guildId);
		const record = readUsage(stored?.value);
		// Reads outside the lock (status, usage) must not replace a record a change just cached.
		if (!this.#cache.has(guildId)) {
			this.#cache.set(guildId, record);
			this.#versions.set(guildId, stored?.version);
			this.#readAt.set(guildId, this.#clock());
		}
		return this.#cache.get(guildId) ?? record;
	}

	/**
	 * Makes `record` the guild's current state at once (the cache is what every check reads) and
	 * resolves when a store write that includes it has finished. Writes are coalesced: while one
	 * is running, all later changes share the next one, so a burst costs a couple of writes, not
	 * one per request.
	 */
	#write(guildId: string, record: UsageRecord, change: (view: View) => void): Promise<void> {
		this.#cache.set(guildId, record);
		if (!this.#shared) return this.#writes.save(guildId);
		const made: Change = { apply: change };
		const unstored = this.#unstored.get(guildId);
		if (unstored) unstored.push(made);
		else this.#unstored.set(guildId, [made]);
		return this.#writes.save(guildId).then(() => {
			if (made.refused) throw made.refused;
		});
	}

	/**
	 * Stores the guild's cached record. When another process wrote it first, the changes made here
	 * since the last write are made again on what it stored, and the write is tried again.
	 */
	async #store(guildId: string): Promise<void> {
		for (;;) {
			const record = this.#cache.get(guildId);
			if (!record) return;
			const changes = this.#unstored.get(guildId) ?? [];
			this.#unstored.delete(guildId);
			const version = await this.#records.put(guildId, structuredClone(record), this.#versions.get(guildId));
			if (version !== undefined) {
				this.#versions.set(guildId, version);
				this.#readAt.set(guildId, this.#clock());
				return;
			}
			const stored = await this.#records.get(guildId);
			const settings = await this.#settings.get(guildId);
			const view = this.#viewOf(guildId, settings, readUsage(stored?.value));
			// Changes made while this write ran are still queued: they are made again too.
			const again = [...changes, ...(this.#unstored.get(guildId) ?? [])];
			const kept: Change[] = [];
			for (const change of again) {
				try {
					change.apply(view);
					kept.push(change);
				} catch (error) {
					if (!(error instanceof QuotaError)) throw error;
					change.refused = error;
				}
			}
			this.#cache.set(guildId, view.record);
			this.#versions.set(guildId, stored?.version);
			this.#readAt.set(guildId, this.#clock());
			this.#unstored.set(guildId, kept);
		}
	}
}
