import { z } from "zod";

const count = z.number().int().min(0).catch(0);

/**
 * One in-flight job. `day` is the day it was counted in ("" once an admin reset the guild's
 * day), `userDay` whether it is still in its user's count for that day (false once the user's
 * day was reset), so a refund never takes back a unit that is no longer counted.
 */
const inFlightSchema = z.object({
	userId: z.string(),
	at: z.number(),
	day: z.string(),
	month: z.string(),
	userDay: z.boolean(),
});
export type InFlight = z.infer<typeof inFlightSchema>;

/** A guild's usage: counters for the current day and month, jobs in flight, last requests. */
export const usageRecordSchema = z.object({
	day: z.string().catch(""),
	dayCount: count,
	userDay: z.record(z.string(), count).catch({}),
	month: z.string().catch(""),
	monthCount: count,
	inFlight: z.record(z.string(), inFlightSchema).catch({}),
	/** In-flight jobs not heard of for too long: no longer holding a slot, still refundable. */
	lost: z.record(z.string(), inFlightSchema).catch({}),
	lastRequest: z.record(z.string(), z.number()).catch({}),
});
export type UsageRecord = z.infer<typeof usageRecordSchema>;

export function emptyUsage(): UsageRecord {
	return {
		day: "",
		dayCount: 0,
		userDay: {},
		month: "",
		monthCount: 0,
		inFlight: {},
		lost: {},
		lastRequest: {},
	};
}

/** A stored value as a record; anything unreadable starts over empty. */
export function readUsage(raw: unknown): UsageRecord {
	if (raw === undefined || raw === null) return emptyUsage();
	const parsed = usageRecordSchema.safeParse(raw);
	return parsed.success ? parsed.data : emptyUsage();
}

/**
 * Brings a record up to the current windows, in place: counters of a past day or month start
 * over; a key that moves back (the guild changed its time zone) keeps the counters, so a time
 * zone change never hands out a second allowance. With `staleBefore`, it also sweeps: jobs in
 * flight since before it count as lost (their end was probably never reported, a crash, and they
 * must not block anyone forever; a late end still finds them until their month is over). The
 * sweep walks every job, so callers may run it less often than every request. Applying it twice
 * changes nothing more.
 */
export function rollUsage(
	record: UsageRecord,
	day: string,
	month: string,
	staleBefore?: number,
): UsageRecord {
	const next = record;
	if (day > next.day) {
		next.day = day;
		next.dayCount = 0;
		next.userDay = {};
	}
	if (month > next.month) {
		next.month = month;
		next.monthCount = 0;
	}
	if (staleBefore === undefined) return next;
	for (const [jobId, job] of Object.entries(next.inFlight)) {
		if (job.at >= staleBefore) continue;
		next.lost[jobId] = job;
		delete next.inFlight[jobId];
	}
	for (const [jobId, job] of Object.entries(next.lost)) if (job.month !== next.month) delete next.lost[jobId];
	return next;
}

export function inFlightOf(record: UsageRecord, userId: string): number {
	let total = 0;
	for (const job of Object.values(record.inFlight)) if (job.userId === userId) total++;
	return total;
}

/** Users by count, highest first (ties by id), at most `limit`. */
export function topCounts(
	counts: Record<string, number>,
	limit: number,
): { userId: string; count: number }[] {
	return Object.entries(counts)
		.filter(([, value]) => value > 0)
		.map(([userId, value]) => ({ userId, count: value }))
		.sort((a, b) => b.count - a.count || (a.userId < b.userId ? -1 : 1))
		.slice(0, limit);
}
