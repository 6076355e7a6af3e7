import { ContextMenuCommandBuilder } from "@discordjs/builders";
import { ApplicationCommandType, InteractionContextType } from "discord.js";
import type { MessageCommand } from "../src/bot/command.js";
import { decodeCustomId } from "../src/bot/customId.js";
import { openExtendModal } from "../src/bot/extendFlow.js";
import { localized } from "../src/bot/i18n/commandText.js";
import { UserError } from "../src/errors.js";

const data = new ContextMenuCommandBuilder()
	.setName("Extend video")
	.setNameLocalizations(localized("cmd.extend_video.name"))
	.setType(ApplicationCommandType.Message)
	.setContexts(InteractionContextType.Guild)
	.toJSON();

/** "Apps → Extend video" on a message of the bot that shows a video: the same modal as the button. */
export const extendVideo = {
	data,
	async execute(interaction, context) {
		const message = interaction.targetMessage;
		if (message.author.id !== interaction.client.user.id) {
			throw new UserError("not_bot_message");
		}
		// The message index knows the job; the Extend button's custom id is the fallback for
		// messages posted before the index existed.
		const fromIndex = await context.store.find({ messageId: message.id });
		const button = /luma:extend:[a-z0-9]+/.exec(
			JSON.stringify(message.components.map((row) => row.toJSON())),
		);
		const fromButton = button ? decodeCustomId(button[0]) : undefined;
		const jobId = fromIndex?.id ?? fromButton?.jobId;
		if (!jobId) throw new UserError("no_video_in_message");
		await openExtendModal(interaction, context, jobId);
	},
} satisfies MessageCommand;
