/** Environment that switches every per-server limit off, for runs that are not about limits. */
export const NO_LIMITS = {
	GUILD_DAILY_LIMIT: "0",
	GUILD_MONTHLY_LIMIT: "0",
	GUILD_MAX_CONCURRENT: "0",
	USER_DAILY_LIMIT: "0",
	USER_MAX_CONCURRENT: "0",
	USER_COOLDOWN_SECONDS: "0",
} as const;
