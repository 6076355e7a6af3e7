import { MessageFlags, PermissionFlagsBits } from "discord.js";
import { UserError } from "../errors.js";
import type { ComponentHandlers } from "./command.js";
import { extendFromModal, openExtendModal } from "./extendFlow.js";

/** What each persistent custom id action does. */
export const componentHandlers: ComponentHandlers = {
	async extend(interaction, context, jobId) {
		if (!interaction.isButton()) throw new UserError("This control is not a button.");
		await openExtendModal(interaction, context, jobId);
	},
	async delete(interaction, context, jobId) {
		const job = await context.store.get(jobId);
		if (!job || job.deletedAt) throw new UserError("That video is already gone.");
		const isRequester = job.userId === interaction.user.id;
		if (!isRequester && !interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages)) {
			throw new UserError(
				"Only the person who asked for this video, or a member with Manage Messages, can delete it.",
			);
		}
		await interaction.deferReply({ flags: MessageFlags.Ephemeral });
		const deleted = (await context.jobs.markDeleted(jobId, interaction.user.id)) ?? job;
		if (job.guildId) await context.index.forget(job.guildId, jobId);
		await context.presenter.deleteMessage(job);
		context.audit.record({ type: "deleted", job: deleted, by: interaction.user.id });
		await interaction.editReply({ content: "Deleted the video. It can no longer be extended." });
	},
	async "extend-modal"(interaction, context, jobId) {
		if (!interaction.isModalSubmit()) throw new UserError("This control is not a form.");
		await extendFromModal(interaction, context, jobId);
	},
};
