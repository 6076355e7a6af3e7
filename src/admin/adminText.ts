import { relativeTime, type QuotaStatus, type UsageReport } from "../quota/quotaService.js";
import {
	type GuildSettings,
	type GuildSettingsStore,
	LIMIT_KEYS,
	LIMIT_NAMES,
} from "../settings/guildSettings.js";

const limitValue = (value: number) => (value === 0 ? "no limit" : String(value));
const mentionList = (ids: readonly string[], mention: (id: string) => string, empty: string) =>
	ids.length === 0 ? empty : ids.map(mention).join(", ");

export function describeLimits(settings: GuildSettings, store: GuildSettingsStore): string {
	const limits = store.effectiveLimits(settings);
	const lines = LIMIT_KEYS.map((key) => {
		const own = settings.limits[key] !== undefined ? "" : " (default)";
		return `- ${LIMIT_NAMES[key]}: **${limitValue(limits[key])}**${own}`;
	});
	lines.push(`- days and months turn over at midnight in **${settings.timeZone ?? "UTC"}**`);
	return `**Limits**\n${lines.join("\n")}`;
}

export function describeSettings(settings: GuildSettings, store: GuildSettingsStore): string {
	return [
		describeLimits(settings, store),
		`**Channels:** ${mentionList(settings.allowedChannels, (id) => `<#${id}>`, "every channel")}`,
		`**Required roles:** ${mentionList(settings.requiredRoles, (id) => `<@&${id}>`, "none (everyone may make videos)")}`,
		`**Exempt roles:** ${mentionList(settings.exemptRoles, (id) => `<@&${id}>`, "none")}`,
		`**Banned members:** ${mentionList(settings.bannedUsers, (id) => `<@${id}>`, "none")}`,
		`**Blocklist:** ${settings.blocklist.length === 0 ? "empty" : settings.blocklist.map((e) => `\`${e}\``).join(", ")}`,
		`**Audit log:** ${settings.logChannelId ? `<#${settings.logChannelId}>` : "off"}`,
	].join("\n");
}

export function describeUsage(report: UsageReport): string {
	const top =
		report.topUsersToday.length === 0
			? "nobody yet"
			: report.topUsersToday.map((u, i) => `${i + 1}. <@${u.userId}>: ${u.count}`).join("\n");
	return [
		`**Today:** ${report.day.count} videos (resets ${relativeTime(report.day.resetsAt)})`,
		`**This month:** ${report.month.count} videos (resets ${relativeTime(report.month.resetsAt)})`,
		`**In progress:** ${report.inFlight.total}`,
		`**Top members today:**\n${top}`,
	].join("\n");
}

/** `/luma quota`: what the member and the server have left, and when it resets. */
export function describeQuota(status: QuotaStatus): string {
	const left = (remaining: number | null, used: number, limit: number) =>
		remaining === null ? `no limit (${used} used)` : `**${remaining}** of ${limit} left`;
	const lines = [
		status.exempt
			? "Your role is exempt: no limits apply to you."
			: `**You today:** ${left(status.user.remainingToday, status.user.usedToday, status.limits.userDaily)}`,
		`**Server today:** ${left(status.guild.remainingToday, status.guild.usedToday, status.limits.guildDaily)}`,
		`**Server this month:** ${left(status.guild.remainingThisMonth, status.guild.usedThisMonth, status.limits.guildMonthly)}`,
		`**In progress:** yours ${status.user.inFlight}, server ${status.guild.inFlight}`,
	];
	if (!status.exempt && status.user.cooldownSeconds > 0)
		lines.push(`**Cooldown:** ${status.user.cooldownSeconds} s left`);
	lines.push(
		`Daily limits reset ${relativeTime(status.resets.day)}, monthly ${relativeTime(status.resets.month)} (${status.timeZone}).`,
	);
	return lines.join("\n");
}
