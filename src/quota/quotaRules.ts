import { UserError } from "../errors.js";
import type { LimitSettings } from "../settings/guildSettings.js";
import type { Window } from "../settings/timeZone.js";
import { inFlightOf, type UsageRecord } from "./usageRecord.js";

export type QuotaRule =
	"guild_daily" | "guild_monthly" | "guild_concurrent" | "user_daily" | "user_concurrent" | "cooldown";

/**
 * A request refused by a limit. The message names the rule, the numbers and what to do;
 * `used`/`limit` are the numbers, `retryAt` (ms) when the limit lifts by itself, if it does.
 */
export class QuotaError extends UserError {
	readonly rule: QuotaRule;
	readonly used: number;
	readonly limit: number;
	readonly retryAt: number | undefined;

	constructor(options: { rule: QuotaRule; message: string; used: number; limit: number; retryAt?: number }) {
		super(options.message);
		this.rule = options.rule;
		this.used = options.used;
		this.limit = options.limit;
		this.retryAt = options.retryAt;
	}
}

/** Discord's relative timestamp ("in 3 hours"), rounded up so it never names a moment too early. */
export function relativeTime(ms: number): string {
	return `<t:${Math.ceil(ms / 1000)}:R>`;
}

const videos = (n: number): string => (n === 1 ? "video" : "videos");

export interface QuotaContext {
	record: UsageRecord;
	limits: LimitSettings;
	userId: string;
	now: number;
	day: Window;
	month: Window;
}

/**
 * The first limit this request breaks, or undefined. Order: what lasts longest first, so a
 * member is not told to wait 30 seconds when the server is out of videos for the month.
 */
export function findRefusal(context: QuotaContext): QuotaError | undefined {
	const { record, limits, userId, now } = context;
	const dayResetsAt = context.day.resetsAt;
	const monthResetsAt = context.month.resetsAt;

	const monthly = limits.guildMonthly;
	if (monthly > 0 && record.monthCount >= monthly) {
		const message =
			`This server has used ${record.monthCount} of ${monthly} ${videos(monthly)} this month; ` +
			`the limit resets ${relativeTime(monthResetsAt)}. Ask a server admin if you need more.`;
		return new QuotaError({
			rule: "guild_monthly",
			message,
			used: record.monthCount,
			limit: monthly,
			retryAt: monthResetsAt,
		});
	}

	const daily = limits.guildDaily;
	if (daily > 0 && record.dayCount >= daily) {
		const message =
			`This server has used ${record.dayCount} of ${daily} ${videos(daily)} today; ` +
			`the limit resets ${relativeTime(dayResetsAt)}. Try again after that.`;
		return new QuotaError({
			rule: "guild_daily",
			message,
			used: record.dayCount,
			limit: daily,
			retryAt: dayResetsAt,
		});
	}

	const userDaily = limits.userDaily;
	const usedToday = record.userDay[userId] ?? 0;
	if (userDaily > 0 && usedToday >= userDaily) {
		const message =
			`You have used ${usedToday} of ${userDaily} ${videos(userDaily)} today; ` +
			`your limit resets ${relativeTime(dayResetsAt)}. Ask a server admin if you need more.`;
		return new QuotaError({
			rule: "user_daily",
			message,
			used: usedToday,
			limit: userDaily,
			retryAt: dayResetsAt,
		});
	}

	const userConcurrent = limits.userMaxConcurrent;
	// Counting walks every job in flight: only done when the limit is set.
	const userRunning = userConcurrent > 0 ? inFlightOf(record, userId) : 0;
	if (userConcurrent > 0 && userRunning >= userConcurrent) {
		const message =
			`You already have ${userRunning} ${videos(userRunning)} in progress (limit ${userConcurrent}). ` +
			`Wait until ${userRunning === 1 ? "it" : "one"} finishes.`;
		return new QuotaError({ rule: "user_concurrent", message, used: userRunning, limit: userConcurrent });
	}

	const guildConcurrent = limits.guildMaxConcurrent;
	const guildRunning = guildConcurrent > 0 ? Object.keys(record.inFlight).length : 0;
	if (guildConcurrent > 0 && guildRunning >= guildConcurrent) {
		const message =
			`This server has ${guildRunning} ${videos(guildRunning)} in progress (limit ${guildConcurrent}). ` +
			"Try again when one finishes.";
		return new QuotaError({ rule: "guild_concurrent", message, used: guildRunning, limit: guildConcurrent });
	}

	const cooldownMs = limits.userCooldownSeconds * 1000;
	const last = record.lastRequest[userId];
	if (cooldownMs > 0 && last !== undefined && now < last + cooldownMs) {
		const retryAt = last + cooldownMs;
		const message =
			`Slow down: you can start another video ${relativeTime(retryAt)} ` +
			`(cooldown ${limits.userCooldownSeconds} s).`;
		const waited = Math.floor((now - last) / 1000);
		return new QuotaError({
			rule: "cooldown",
			message,
			used: waited,
			limit: limits.userCooldownSeconds,
			retryAt,
		});
	}
	return undefined;
}
