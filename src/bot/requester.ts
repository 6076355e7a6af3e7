import type { Interaction } from "discord.js";
import type { Requester } from "../moderation/requestGate.js";

/** Who is asking and where, read from an interaction for the server's rules. */
export function requesterOf(interaction: Interaction): Requester {
	const member = interaction.member;
	const roles = member?.roles;
	const memberRoleIds = Array.isArray(roles) ? roles : roles ? [...roles.cache.keys()] : [];
	const channel = interaction.channel;
	const parentChannelId = channel?.isThread() ? (channel.parentId ?? undefined) : undefined;
	return {
		guildId: interaction.guildId,
		userId: interaction.user.id,
		channelId: interaction.channelId ?? "",
		memberRoleIds,
		...(parentChannelId && { parentChannelId }),
	};
}
