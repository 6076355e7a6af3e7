import type { LimitSettings } from "../settings/guildSettings.js";

/** What `QuotaService.reserve` counted; `day`/`month` are the windows the unit went to. */
export interface Reservation {
	guildId: string;
	userId: string;
	jobId: string;
	exempt: boolean;
	at: number;
	day: string;
	month: string;
}

export interface QuotaStatus {
	exempt: boolean;
	limits: LimitSettings;
	/** The guild's IANA time zone, or "UTC". */
	timeZone: string;
	/** `remaining…` is null when there is no limit (0, or the member is exempt). */
	user: { usedToday: number; remainingToday: number | null; inFlight: number; cooldownSeconds: number };
	guild: {
		usedToday: number;
		remainingToday: number | null;
		usedThisMonth: number;
		remainingThisMonth: number | null;
		inFlight: number;
	};
	/** When the day and the month turn over (ms). */
	resets: { day: number; month: number };
}

export interface UsageReport {
	day: { key: string; count: number; resetsAt: number };
	month: { key: string; count: number; resetsAt: number };
	/** Up to 10, most videos first. */
	topUsersToday: { userId: string; count: number }[];
	inFlight: { total: number; byUser: { userId: string; count: number }[] };
}
