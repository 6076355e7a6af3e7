import { PermissionFlagsBits, type PermissionsBitField } from "discord.js";

/** What the bot needs in a channel to show an outcome there once the interaction's token is gone. */
const CHANNEL_DELIVERY = {
	ViewChannel: PermissionFlagsBits.ViewChannel,
	SendMessages: PermissionFlagsBits.SendMessages,
	ReadMessageHistory: PermissionFlagsBits.ReadMessageHistory,
} as const;

export type DeliveryPermission = keyof typeof CHANNEL_DELIVERY;

/**
 * The permissions the bot lacks in the interaction's channel (its `app_permissions`) for the
 * bot's own messages there: edits of its message after the token's 15 minutes, and new posts.
 * Slash commands work in channels the bot cannot even see, so this is read, not assumed.
 */
export function channelDeliveryGaps(
	appPermissions: Readonly<PermissionsBitField> | null,
): DeliveryPermission[] {
	// Outside a server (or an interaction without the field) the channel is not the bot's to check.
	if (!appPermissions) return [];
	return (Object.keys(CHANNEL_DELIVERY) as DeliveryPermission[]).filter(
		(name) => !appPermissions.has(CHANNEL_DELIVERY[name], false),
	);
}

/** Discord's own names for them, as a server's settings show them. */
const SHOWN: Record<DeliveryPermission, string> = {
	ViewChannel: "View Channel",
	SendMessages: "Send Messages",
	ReadMessageHistory: "Read Message History",
};

export function permissionNames(missing: readonly DeliveryPermission[]): string {
	return missing.map((name) => SHOWN[name]).join(", ");
}
