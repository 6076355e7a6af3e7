import type { LimitSettings } from "../../src/settings/guildSettings.js";

/** Environment that switches every per-server limit off, for runs that are not about limits. */
export const NO_LIMITS = {
	GUILD_DAILY_LIMIT: "0",
	GUILD_MONTHLY_LIMIT: "0",
	GUILD_MAX_CONCURRENT: "0",
	USER_DAILY_LIMIT: "0",
	USER_MAX_CONCURRENT: "0",
	USER_COOLDOWN_SECONDS: "0",
} as const;

/** The same as limit settings (0 = no limit), for stores and services built directly. */
export const NO_LIMIT_SETTINGS: LimitSettings = {
	guildDaily: 0,
	guildMonthly: 0,
	guildMaxConcurrent: 0,
	userDaily: 0,
	userMaxConcurrent: 0,
	userCooldownSeconds: 0,
};
