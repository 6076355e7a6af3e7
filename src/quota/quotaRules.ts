import { type PhraseParams, UserError } from "../errors.js";
import type { LimitSettings } from "../settings/guildSettings.js";
import type { Window } from "../settings/timeZone.js";
import { inFlightOf, type UsageRecord } from "./usageRecord.js";

export type QuotaRule =
	"guild_daily" | "guild_monthly" | "guild_concurrent" | "user_daily" | "user_concurrent" | "cooldown";

/**
 * A request refused by a limit: the rule is the code, and the parameters carry the numbers and
 * the reset time for the words; `used`/`limit` are the numbers, `retryAt` (ms) when the limit
 * lifts by itself, if it does.
 */
export class QuotaError extends UserError {
	readonly rule: QuotaRule;
	readonly used: number;
	readonly limit: number;
	readonly retryAt: number | undefined;

	constructor(options: {
		rule: QuotaRule;
		params: PhraseParams;
		used: number;
		limit: number;
		retryAt?: number;
	}) {
		super(options.rule, options.params);
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
		const params = { used: record.monthCount, count: monthly, resets: relativeTime(monthResetsAt) };
		return new QuotaError({
			rule: "guild_monthly",
			params,
			used: record.monthCount,
			limit: monthly,
			retryAt: monthResetsAt,
		});
	}

	const daily = limits.guildDaily;
	if (daily > 0 && record.dayCount >= daily) {
		const params = { used: record.dayCount, count: daily, resets: relativeTime(dayResetsAt) };
		return new QuotaError({
			rule: "guild_daily",
			params,
			used: record.dayCount,
			limit: daily,
			retryAt: dayResetsAt,
		});
	}

	const userDaily = limits.userDaily;
	const usedToday = record.userDay[userId] ?? 0;
	if (userDaily > 0 && usedToday >= userDaily) {
		const params = { used: usedToday, count: userDaily, resets: relativeTime(dayResetsAt) };
		return new QuotaError({
			rule: "user_daily",
			params,
			used: usedToday,
			limit: userDaily,
			retryAt: dayResetsAt,
		});
	}

	const userConcurrent = limits.userMaxConcurrent;
	// Counting walks every job in flight: only done when the limit is set.
	const userRunning = userConcurrent > 0 ? inFlightOf(record, userId) : 0;
	if (userConcurrent > 0 && userRunning >= userConcurrent) {
		const params = { count: userRunning, limit: userConcurrent };
		return new QuotaError({ rule: "user_concurrent", params, used: userRunning, limit: userConcurrent });
	}

	const guildConcurrent = limits.guildMaxConcurrent;
	const guildRunning = guildConcurrent > 0 ? Object.keys(record.inFlight).length : 0;
	if (guildConcurrent > 0 && guildRunning >= guildConcurrent) {
		const params = { count: guildRunning, limit: guildConcurrent };
		return new QuotaError({ rule: "guild_concurrent", params, used: guildRunning, limit: guildConcurrent });
	}

	const cooldownMs = limits.userCooldownSeconds * 1000;
	const last = record.lastRequest[userId];
	if (cooldownMs > 0 && last !== undefined && now < last + cooldownMs) {
		const retryAt = last + cooldownMs;
		const params = { resets: relativeTime(retryAt), seconds: limits.userCooldownSeconds };
		const waited = Math.floor((now - last) / 1000);
		return new QuotaError({
			rule: "cooldown",
			params,
			used: waited,
			limit: limits.userCooldownSeconds,
			retryAt,
		});
	}
	return undefined;
}
