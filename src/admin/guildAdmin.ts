import { UserError } from "../errors.js";
import type { AuditLog } from "../moderation/auditLog.js";
import { parseBlocklistEntry } from "../moderation/blocklist.js";
import type { QuotaService } from "../quota/quotaService.js";
import {
	type GuildSettings,
	type GuildSettingsStore,
	LIMIT_KEYS,
	type LimitSettings,
} from "../settings/guildSettings.js";
import { canonicalTimeZone } from "../settings/timeZone.js";
import type { AdminAnswer, LimitsView, Phrase } from "./adminAnswer.js";

export type ListName = "allowedChannels" | "requiredRoles" | "exemptRoles" | "bannedUsers" | "blocklist";

/**
 * What `/luma-admin` does, without Discord: each change is saved, written to the audit log, and
 * answered with a phrase (a code and parameters) the admin's view words privately.
 */
export class GuildAdmin {
	readonly #settings: GuildSettingsStore;
	readonly #quota: QuotaService;
	readonly #audit: AuditLog;

	constructor(deps: { settings: GuildSettingsStore; quota: QuotaService; audit: AuditLog }) {
		this.#settings = deps.settings;
		this.#quota = deps.quota;
		this.#audit = deps.audit;
	}

	/** Sets the given limits (and time zone); with nothing given, shows the current values. */
	async limits(
		guildId: string,
		adminId: string,
		changes: Partial<LimitSettings>,
		timeZone?: string,
	): Promise<AdminAnswer> {
		const given = LIMIT_KEYS.filter((key) => changes[key] !== undefined);
		let zone: string | null | undefined;
		if (timeZone !== undefined) {
			zone = ["utc", "none", ""].includes(timeZone.trim().toLowerCase())
				? null
				: canonicalTimeZone(timeZone.trim());
			if (zone === undefined) throw new UserError("bad_time_zone", { zone: timeZone });
		}
		if (given.length === 0 && zone === undefined)
			return { kind: "limits", limits: this.#limitsView(await this.#settings.get(guildId)) };
		const updated = await this.#settings.update(guildId, (settings) => {
			const limits = { ...settings.limits };
			for (const key of given) limits[key] = changes[key]!;
			const next: GuildSettings = { ...settings, limits };
			if (zone === null) delete next.timeZone;
			else if (zone !== undefined) next.timeZone = zone;
			return next;
		});
		// The view lists each limit given, in the order of LIMIT_KEYS, and the zone last.
		const params: Record<string, string | number> = {};
		for (const key of given) params[key] = changes[key]!;
		if (zone !== undefined) params.timeZone = zone ?? "UTC";
		return this.#changed(guildId, adminId, { code: "limits_updated", params }, this.#limitsView(updated));
	}

	async listAdd(
		guildId: string,
		adminId: string,
		list: ListName,
		value: string,
		label: string,
	): Promise<AdminAnswer> {
		const settings = await this.#settings.get(guildId);
		if (settings[list].includes(value)) return said({ code: "already_listed", params: { label } });
		await this.#settings.update(guildId, (s) => ({ ...s, [list]: [...s[list], value] }));
		return this.#changed(guildId, adminId, { code: LIST_PHRASES[list].added, params: { label } });
	}

	async listRemove(
		guildId: string,
		adminId: string,
		list: ListName,
		value: string,
		label: string,
	): Promise<AdminAnswer> {
		const settings = await this.#settings.get(guildId);
		if (!settings[list].includes(value)) return said({ code: "not_listed", params: { label } });
		await this.#settings.update(guildId, (s) => ({ ...s, [list]: s[list].filter((item) => item !== value) }));
		return this.#changed(guildId, adminId, { code: LIST_PHRASES[list].removed, params: { label } });
	}

	async clearChannels(guildId: string, adminId: string): Promise<AdminAnswer> {
		await this.#settings.update(guildId, (s) => ({ ...s, allowedChannels: [] }));
		return this.#changed(guildId, adminId, { code: "channels_cleared" });
	}

	/** Removes a role from both role lists (required and exempt). */
	async removeRole(guildId: string, adminId: string, roleId: string): Promise<AdminAnswer> {
		const settings = await this.#settings.get(guildId);
		const role = `<@&${roleId}>`;
		if (!settings.requiredRoles.includes(roleId) && !settings.exemptRoles.includes(roleId)) {
			return said({ code: "role_not_listed", params: { role } });
		}
		await this.#settings.update(guildId, (s) => ({
			...s,
			requiredRoles: s.requiredRoles.filter((id) => id !== roleId),
			exemptRoles: s.exemptRoles.filter((id) => id !== roleId),
		}));
		return this.#changed(guildId, adminId, { code: "role_removed", params: { role } });
	}

	async blocklistAdd(guildId: string, adminId: string, raw: string): Promise<AdminAnswer> {
		const parsed = parseBlocklistEntry(raw);
		if (!parsed.ok) throw new UserError(parsed.reason.code, parsed.reason.params);
		return this.listAdd(guildId, adminId, "blocklist", parsed.entry, `\`${parsed.entry}\``);
	}

	async blocklistRemove(guildId: string, adminId: string, raw: string): Promise<AdminAnswer> {
		const parsed = parseBlocklistEntry(raw);
		const entry = parsed.ok ? parsed.entry : raw.trim();
		return this.listRemove(guildId, adminId, "blocklist", entry, `\`${entry}\``);
	}

	async setLogChannel(guildId: string, adminId: string, channelId: string | undefined): Promise<AdminAnswer> {
		await this.#settings.update(guildId, (s) => {
			const next = { ...s };
			if (channelId) next.logChannelId = channelId;
			else delete next.logChannelId;
			return next;
		});
		const phrase: Phrase = channelId
			? { code: "log_channel_set", params: { channel: `<#${channelId}>` } }
			: { code: "log_channel_off" };
		return this.#changed(guildId, adminId, phrase);
	}

	/** Sets the language of public messages; `undefined` follows the server's Discord language. */
	async setLanguage(guildId: string, adminId: string, language: string | undefined): Promise<AdminAnswer> {
		await this.#settings.update(guildId, (s) => {
			const next = { ...s };
			if (language) next.language = language;
			else delete next.language;
			return next;
		});
		const phrase: Phrase = language
			? { code: "language_set", params: { language } }
			: { code: "language_cleared" };
		return this.#changed(guildId, adminId, phrase);
	}

	async reset(guildId: string, adminId: string, userId?: string): Promise<AdminAnswer> {
		await this.#quota.resetDay(guildId, userId);
		const phrase: Phrase = userId
			? { code: "reset_user", params: { user: `<@${userId}>` } }
			: { code: "reset_server" };
		return this.#changed(guildId, adminId, phrase);
	}

	async usage(guildId: string): Promise<AdminAnswer> {
		return { kind: "usage", report: await this.#quota.usage(guildId) };
	}

	async overview(guildId: string): Promise<AdminAnswer> {
		return { kind: "settings", limits: this.#limitsView(await this.#settings.get(guildId)) };
	}

	async list(guildId: string, list: ListName): Promise<string[]> {
		return (await this.#settings.get(guildId))[list];
	}

	#limitsView(settings: GuildSettings): LimitsView {
		return { settings, effective: this.#settings.effectiveLimits(settings) };
	}

	#changed(guildId: string, adminId: string, change: Phrase, limits?: LimitsView): AdminAnswer {
		this.#audit.record({ type: "admin", guildId, userId: adminId, change });
		return { kind: "phrase", phrase: change, ...(limits && { limits }) };
	}
}

const said = (phrase: Phrase): AdminAnswer => ({ kind: "phrase", phrase });

const LIST_PHRASES: Record<ListName, { added: string; removed: string }> = {
	allowedChannels: { added: "allowedChannels_added", removed: "allowedChannels_removed" },
	requiredRoles: { added: "requiredRoles_added", removed: "requiredRoles_removed" },
	exemptRoles: { added: "exemptRoles_added", removed: "exemptRoles_removed" },
	bannedUsers: { added: "bannedUsers_added", removed: "bannedUsers_removed" },
	blocklist: { added: "blocklist_added", removed: "blocklist_removed" },
};
