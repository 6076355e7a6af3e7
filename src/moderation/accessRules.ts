import { UserError } from "../errors.js";
import type { GuildSettings } from "../settings/guildSettings.js";

export type AccessRule = "banned" | "channel" | "role";

/** A member may not make videos here; the message names the rule and what to do. */
export class AccessError extends UserError {
	readonly rule: AccessRule;

	constructor(rule: AccessRule, message: string) {
		super(message);
		this.rule = rule;
	}
}

/** Mentions for a refusal, cut short so the message stays well inside Discord's limits. */
function mentionList(ids: readonly string[], mention: (id: string) => string, max = 15): string {
	const shown = ids.slice(0, max).map(mention).join(", ");
	return ids.length > max ? `${shown} and ${ids.length - max} more` : shown;
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
		throw new AccessError(
			"banned",
			"You are banned from making videos in this server. Ask a server admin if you think this is a mistake.",
		);
	}
	const allowed = settings.allowedChannels;
	const channelAllowed =
		allowed.length === 0 ||
		allowed.includes(channelId) ||
		(parentChannelId !== undefined && allowed.includes(parentChannelId));
	if (!channelAllowed) {
		throw new AccessError(
			"channel",
			`Videos can't be made in this channel. Use one of: ${mentionList(allowed, (id) => `<#${id}>`)}.`,
		);
	}
	const required = settings.requiredRoles;
	const hasRole =
		required.length === 0 ||
		memberRoleIds.some((id) => required.includes(id)) ||
		isExempt(settings, memberRoleIds);
	if (!hasRole) {
		throw new AccessError(
			"role",
			`You need one of these roles to make videos: ${mentionList(required, (id) => `<@&${id}>`)}. ` +
				"Ask a server admin how to get one.",
		);
	}
}
