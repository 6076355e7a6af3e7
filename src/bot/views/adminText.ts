import type { AdminAnswer, LimitsView, Phrase } from "../../admin/adminAnswer.js";
import { relativeTime, type QuotaStatus, type UsageReport } from "../../quota/quotaService.js";
import { LIMIT_KEYS, type LimitName } from "../../settings/guildSettings.js";
import { isMessageKey } from "../i18n/catalogue.js";
import { isLanguage, languageInfo, languageOf } from "../i18n/languages.js";
import type { Translator } from "../i18n/translate.js";
import { refusalText } from "./failureText.js";

const mentionList = (ids: readonly string[], mention: (id: string) => string, empty: string) =>
	ids.length === 0 ? empty : ids.map(mention).join(", ");

const limitName = (t: Translator, key: LimitName) => t(`limit.${key}`);

export function describeLimits(t: Translator, { settings, effective }: LimitsView): string {
	const limitValue = (value: number) => (value === 0 ? t("admin.no_limit") : value);
	const lines = LIMIT_KEYS.map((key) =>
		t(settings.limits[key] !== undefined ? "admin.limit_line" : "admin.limit_line_default", {
			name: limitName(t, key),
			value: limitValue(effective[key]),
		}),
	);
	lines.push(t("admin.time_zone_line", { zone: settings.timeZone ?? "UTC" }));
	return `${t("admin.limits_heading")}\n${lines.join("\n")}`;
}

/** A language's own name, for settings and confirmations. */
const languageName = (code: string) => (isLanguage(code) ? languageInfo(code).name : code);

export function describeSettings(t: Translator, limits: LimitsView): string {
	const { settings } = limits;
	const language = settings.language
		? languageName(settings.language)
		: t("admin.language_auto", { language: languageInfo(languageOf(settings.discordLocale)).name });
	return [
		describeLimits(t, limits),
		t("admin.channels_line", {
			channels: mentionList(settings.allowedChannels, (id) => `<#${id}>`, t("admin.every_channel")),
		}),
		t("admin.required_roles_line", {
			roles: mentionList(settings.requiredRoles, (id) => `<@&${id}>`, t("admin.no_required_roles")),
		}),
		t("admin.exempt_roles_line", {
			roles: mentionList(settings.exemptRoles, (id) => `<@&${id}>`, t("admin.none")),
		}),
		t("admin.banned_line", { users: mentionList(settings.bannedUsers, (id) => `<@${id}>`, t("admin.none")) }),
		t("admin.blocklist_line", {
			entries: mentionList(settings.blocklist, (e) => `\`${e}\``, t("admin.blocklist_empty")),
		}),
		t("admin.audit_line", {
			channel: settings.logChannelId ? `<#${settings.logChannelId}>` : t("admin.audit_off"),
		}),
		t("admin.language_line", { language }),
	].join("\n");
}

export function describeUsage(t: Translator, report: UsageReport): string {
	const top =
		report.topUsersToday.length === 0
			? t("admin.usage_nobody")
			: report.topUsersToday.map((u, i) => `${i + 1}. <@${u.userId}>: ${t.number(u.count)}`).join("\n");
	return [
		t("admin.usage_today", { count: report.day.count, resets: relativeTime(report.day.resetsAt) }),
		t("admin.usage_month", { count: report.month.count, resets: relativeTime(report.month.resetsAt) }),
		t("admin.usage_in_progress", { count: report.inFlight.total }),
		`${t("admin.usage_top")}\n${top}`,
	].join("\n");
}

/** A change or a no-change, as the admin (or the audit log) reads it. */
export function phraseText(t: Translator, phrase: Phrase): string {
	const params = phrase.params ?? {};
	if (phrase.code === "limits_updated") {
		const changes = LIMIT_KEYS.filter((key) => params[key] !== undefined).map((key) =>
			t("admin.limit_change", {
				name: limitName(t, key),
				value: params[key] === 0 ? t("admin.no_limit") : params[key],
			}),
		);
		if (params.timeZone !== undefined) changes.push(t("admin.time_zone_change", { zone: params.timeZone }));
		return t("admin.limits_updated", { changes: changes.join("; ") });
	}
	if (phrase.code === "language_set")
		return t("admin.language_set", { language: languageName(String(params.language)) });
	const key = `admin.${phrase.code}`;
	return isMessageKey(key) ? t(key, params) : refusalText(t, phrase);
}

/** Everything `/luma-admin` answers, in the admin's language. */
export function adminAnswerText(t: Translator, answer: AdminAnswer): string {
	switch (answer.kind) {
		case "phrase": {
			const text = phraseText(t, answer.phrase);
			return answer.limits ? `${text}\n\n${describeLimits(t, answer.limits)}` : text;
		}
		case "limits":
			return describeLimits(t, answer.limits);
		case "settings":
			return describeSettings(t, answer.limits);
		case "usage":
			return describeUsage(t, answer.report);
	}
}

/** `/luma quota`: what the member and the server have left, and when it resets. */
export function describeQuota(t: Translator, status: QuotaStatus): string {
	const left = (remaining: number | null, used: number, limit: number) =>
		remaining === null ? t("quota.unlimited", { used }) : t("quota.left", { remaining, limit });
	const lines = [
		status.exempt
			? t("quota.exempt")
			: t("quota.you_today", {
					left: left(status.user.remainingToday, status.user.usedToday, status.limits.userDaily),
				}),
		t("quota.server_today", {
			left: left(status.guild.remainingToday, status.guild.usedToday, status.limits.guildDaily),
		}),
		t("quota.server_month", {
			left: left(status.guild.remainingThisMonth, status.guild.usedThisMonth, status.limits.guildMonthly),
		}),
		t("quota.in_progress", { user: status.user.inFlight, guild: status.guild.inFlight }),
	];
	if (!status.exempt && status.user.cooldownSeconds > 0)
		lines.push(t("quota.cooldown", { seconds: status.user.cooldownSeconds }));
	lines.push(
		t("quota.resets", {
			day: relativeTime(status.resets.day),
			month: relativeTime(status.resets.month),
			zone: status.timeZone,
		}),
	);
	return lines.join("\n");
}
