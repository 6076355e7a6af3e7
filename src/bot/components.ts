import { MessageFlags, PermissionFlagsBits } from "discord.js";
import { UserError } from "../errors.js";
import { deleteJob } from "../jobs/deleteJob.js";
import { Refusal } from "../jobs/refusal.js";
import type { ComponentHandlers } from "./command.js";
import { extendFromModal, openExtendModal } from "./extendFlow.js";
import { memberWords } from "./i18n/memberWords.js";
import { replyPrivately } from "./responder.js";

/** What each persistent custom id action does. */
export const componentHandlers: ComponentHandlers = {
	async extend(interaction, context, jobId) {
		if (!interaction.isButton()) throw new UserError("control_gone");
		await openExtendModal(interaction, context, jobId);
	},
	async delete(interaction, context, jobId) {
		if (!interaction.isButton()) throw new UserError("control_gone");
		const outcome = await deleteJob(context, {
			jobId,
			userId: interaction.user.id,
			canManageMessages: interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) ?? false,
			allowed: async () => {
				await interaction.deferReply({ flags: MessageFlags.Ephemeral });
			},
			removeMessage: (job) => context.presenter.deleteMessage(job),
		});
		const t = memberWords(interaction);
		await replyPrivately(interaction, t(outcome === "deleted" ? "reply.deleted" : "reply.already_deleted"));
	},
	async "extend-modal"(interaction, context, jobId) {
		if (!interaction.isModalSubmit()) throw new UserError("control_gone");
		await extendFromModal(interaction, context, jobId);
	},
	/** A fresh download link for a clip whose provider's links expire within the hour. */
	async link(interaction, context, jobId) {
		if (!interaction.isButton()) throw new UserError("control_gone");
		const job = await context.store.get(jobId);
		if (!job || job.deletedAt || job.state !== "succeeded" || !job.taskId)
			throw new Refusal({ code: "delete_gone" });
		const adapter = context.registry.get(job.provider);
		if (!adapter?.freshVideoUrl)
			throw new Refusal({ code: "link_provider_not_configured", params: { provider: job.provider } });
		await interaction.deferReply({ flags: MessageFlags.Ephemeral });
		const url = await adapter.freshVideoUrl(job.taskId);
		if (!url) throw new Refusal({ code: "link_unavailable" });
		await interaction.editReply({ content: memberWords(interaction)("reply.fresh_link", { url }) });
	},
};
