import { type PhraseParams, UserError } from "../errors.js";
import type { GuildSettings } from "../settings/guildSettings.js";

export type AccessRule = "banned" | "channel" | "role";

/** A member may not make videos here; the code is the rule, worded by the bot's views. */
export class AccessError extends UserError {
	readonly rule: AccessRule;

	constructor(rule: AccessRule, params?: PhraseParams) {
		super(rule, params);
		this.rule = rule;
	}
}

/**
 * Mentions for a refusal, cut short so the message stays well inside Discord's limits: `count`
 * is how many were left out. Mentions read the same in every language.
 */
function mentionList(ids: readonly string[], mention: (id: string) => string, max = 15) {
	return { list: ids.slice(0, max).map(mention).join(", "), count: Math.max(0, ids.length - max) };
}

/** Members with any exempt role are not held to the limits (they are still counted). */
export function isExempt(settings: GuildSettings, memberRoleIds: readonly string[]): boolean {
	return settings.exemptRoles.length > 0 && memberRoleIds.some((id) => settings.exemptRoles.includes(id));
}

/**
 * Who may make videos where, checked in this order: banned users never; then the channel must be
 * allowed (a thread counts as its parent channel; no allowed channels means everywhere); then the
 * member needs any one of the required roles (none required means everyone). An exempt role
 * also satisfies the role rule, since exempt members are not limited.
 */
export function checkAccess(input: {
	settings: GuildSettings;
	userId: string;
	channelId: string;
	parentChannelId?: string;
	memberRoleIds: readonly string[];
}): void {
	const { settings, userId, channelId, parentChannelId, memberRoleIds } = input;
	if (settings.bannedUsers.includes(userId)) {
		throw new AccessError("banned");
	}
	const allowed = settings.allowedChannels;
	const channelAllowed =
		allowed.length === 0 ||
		allowed.includes(channelId) ||
		(parentChannelId !== undefined && allowed.includes(parentChannelId));
	if (!channelAllowed) {
		const { list, count } = mentionList(allowed, (id) => `<#${id}>`);
		throw new AccessError("channel", { channels: list, count });
	}
	const required = settings.requiredRoles;
	const hasRole =
		required.length === 0 ||
		memberRoleIds.some((id) => required.includes(id)) ||
		isExempt(settings, memberRoleIds);
	if (!hasRole) {
		const { list, count } = mentionList(required, (id) => `<@&${id}>`);
		throw new AccessError("role", { roles: list, count });
	}
}
