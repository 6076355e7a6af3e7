import { UserError } from "../errors.js";
import type { AuditLog } from "../moderation/auditLog.js";
import { parseBlocklistEntry } from "../moderation/blocklist.js";
import type { QuotaService } from "../quota/quotaService.js";
import {
	type GuildSettings,
	type GuildSettingsStore,
	LIMIT_KEYS,
	LIMIT_NAMES,
	type LimitSettings,
} from "../settings/guildSettings.js";
import { canonicalTimeZone } from "../settings/timeZone.js";
import { describeLimits, describeSettings, describeUsage } from "./adminText.js";

type ListName = "allowedChannels" | "requiredRoles" | "exemptRoles" | "bannedUsers" | "blocklist";

/**
 * What `/luma-admin` does, without Discord: each change is saved, written to the audit log, and
 * answered with a sentence the admin sees privately.
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
	): Promise<string> {
		const given = LIMIT_KEYS.filter((key) => changes[key] !== undefined);
		let zone: string | null | undefined;
		if (timeZone !== undefined) {
			zone = ["utc", "none", ""].includes(timeZone.trim().toLowerCase())
				? null
				: canonicalTimeZone(timeZone.trim());
			if (zone === undefined) {
				throw new UserError(
					`"${timeZone}" is not a time zone. Use a name like Europe/Paris or America/New_York, or UTC.`,
				);
			}
		}
		if (given.length === 0 && zone === undefined)
			return describeLimits(await this.#settings.get(guildId), this.#settings);
		const updated = await this.#settings.update(guildId, (settings) => {
			const limits = { ...settings.limits };
			for (const key of given) limits[key] = changes[key]!;
			const next: GuildSettings = { ...settings, limits };
			if (zone === null) delete next.timeZone;
			else if (zone !== undefined) next.timeZone = zone;
			return next;
		});
		const parts = given.map(
			(key) => `${LIMIT_NAMES[key]}: ${changes[key] === 0 ? "no limit" : changes[key]}`,
		);
		if (zone !== undefined) parts.push(`time zone: ${zone ?? "UTC"}`);
		return this.#changed(
			guildId,
			adminId,
			`Limits updated: ${parts.join("; ")}.`,
			describeLimits(updated, this.#settings),
		);
	}

	async listAdd(
		guildId: string,
		adminId: string,
		list: ListName,
		value: string,
		label: string,
	): Promise<string> {
		const settings = await this.#settings.get(guildId);
		if (settings[list].includes(value)) return `${label} is already on the list; nothing changed.`;
		await this.#settings.update(guildId, (s) => ({ ...s, [list]: [...s[list], value] }));
		return this.#changed(guildId, adminId, `${LIST_VERBS[list].add} ${label}.`);
	}

	async listRemove(
		guildId: string,
		adminId: string,
		list: ListName,
		value: string,
		label: string,
	): Promise<string> {
		const settings = await this.#settings.get(guildId);
		if (!settings[list].includes(value)) return `${label} is not on the list; nothing changed.`;
		await this.#settings.update(guildId, (s) => ({ ...s, [list]: s[list].filter((item) => item !== value) }));
		return this.#changed(guildId, adminId, `${LIST_VERBS[list].remove} ${label}.`);
	}

	async clearChannels(guildId: string, adminId: string): Promise<string> {
		await this.#settings.update(guildId, (s) => ({ ...s, allowedChannels: [] }));
		return this.#changed(guildId, adminId, "Videos can be made in every channel again.");
	}

	/** Removes a role from both role lists (required and exempt). */
	async removeRole(guildId: string, adminId: string, roleId: string): Promise<string> {
		const settings = await this.#settings.get(guildId);
		if (!settings.requiredRoles.includes(roleId) && !settings.exemptRoles.includes(roleId)) {
			return `<@&${roleId}> is neither required nor exempt; nothing changed.`;
		}
		await this.#settings.update(guildId, (s) => ({
			...s,
			requiredRoles: s.requiredRoles.filter((id) => id !== roleId),
			exemptRoles: s.exemptRoles.filter((id) => id !== roleId),
		}));
		return this.#changed(guildId, adminId, `<@&${roleId}> is no longer required or exempt.`);
	}

	async blocklistAdd(guildId: string, adminId: string, raw: string): Promise<string> {
		const parsed = parseBlocklistEntry(raw);
		if (!parsed.ok) throw new UserError(`That entry can't be used: ${parsed.reason}`);
		return this.listAdd(guildId, adminId, "blocklist", parsed.entry, `\`${parsed.entry}\``);
	}

	async blocklistRemove(guildId: string, adminId: string, raw: string): Promise<string> {
		const parsed = parseBlocklistEntry(raw);
		const entry = parsed.ok ? parsed.entry : raw.trim();
		return this.listRemove(guildId, adminId, "blocklist", entry, `\`${entry}\``);
	}

	async setLogChannel(guildId: string, adminId: string, channelId: string | undefined): Promise<string> {
		await this.#settings.update(guildId, (s) => {
			const next = { ...s };
			if (channelId) next.logChannelId = channelId;
			else delete next.logChannelId;
			return next;
		});
		const text = channelId ? `The audit log now goes to <#${channelId}>.` : "The audit log is off.";
		return this.#changed(guildId, adminId, text);
	}

	async reset(guildId: string, adminId: string, userId?: string): Promise<string> {
		await this.#quota.resetDay(guildId, userId);
		const text = userId
			? `Reset today's usage for <@${userId}>.`
			: "Reset today's usage for the whole server.";
		return this.#changed(guildId, adminId, text);
	}

	async usage(guildId: string): Promise<string> {
		return describeUsage(await this.#quota.usage(guildId));
	}

	async overview(guildId: string): Promise<string> {
		return describeSettings(await this.#settings.get(guildId), this.#settings);
	}

	async list(guildId: string, list: ListName): Promise<string[]> {
		return (await this.#settings.get(guildId))[list];
	}

	#changed(guildId: string, adminId: string, change: string, details?: string): string {
		this.#audit.record({ type: "admin", guildId, userId: adminId, change });
		return details ? `${change}\n\n${details}` : change;
	}
}

const LIST_VERBS: Record<ListName, { add: string; remove: string }> = {
	allowedChannels: { add: "Videos can now be made in", remove: "Videos can no longer be made in" },
	requiredRoles: { add: "Members now need a required role; added", remove: "No longer a required role:" },
	exemptRoles: { add: "No limits now apply to", remove: "Limits apply again to" },
	bannedUsers: { add: "Banned from making videos:", remove: "Allowed to make videos again:" },
	blocklist: { add: "Prompts may no longer contain", remove: "Prompts may contain again" },
};
