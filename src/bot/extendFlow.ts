import { LabelBuilder, ModalBuilder, TextInputBuilder } from "@discordjs/builders";
import {
	ComponentType,
	MessageFlags,
	type ButtonInteraction,
	type ChatInputCommandInteraction,
	type MessageContextMenuCommandInteraction,
	type ModalSubmitInteraction,
	TextInputStyle,
} from "discord.js";
import { UserError } from "../errors.js";
import type { Job } from "../jobs/job.js";
import type { ExtendSource } from "../jobs/chain.js";
import { startJob } from "../jobs/startJob.js";
import { assertExtendable, messageUrl } from "../jobs/resolveVideo.js";
import { type FrameInput, MAX_PROMPT_LENGTH } from "../requests/validateGenerate.js";
import type { BotContext } from "./command.js";
import { encodeCustomId } from "./customId.js";
import { memberWords } from "./i18n/memberWords.js";
import type { Translator } from "./i18n/translate.js";
import { requesterOf } from "./requester.js";
import { channelDeliveryGaps, permissionNames } from "./appPermissions.js";
import { isPermanent } from "./discordErrors.js";
import { truncate } from "./text.js";

export const EXTEND_PROMPT_FIELD = "prompt";

/** The modal of the Extend button and the context menu: the clip's prompt, ready to edit. */
export function extendModal(t: Translator, job: Job): ModalBuilder {
	const input = new TextInputBuilder()
		.setCustomId(EXTEND_PROMPT_FIELD)
		.setStyle(TextInputStyle.Paragraph)
		.setRequired(false)
		.setMaxLength(MAX_PROMPT_LENGTH)
		.setValue(truncate(job.request.prompt, MAX_PROMPT_LENGTH));
	return new ModalBuilder()
		.setCustomId(encodeCustomId({ action: "extend-modal", jobId: job.id }))
		.setTitle(t("extend.modal_title"))
		.addLabelComponents(
			new LabelBuilder()
				.setLabel(t("extend.modal_label"))
				.setDescription(t("extend.modal_hint"))
				.setTextInputComponent(input),
		);
}

/**
 * Opens the modal for a clip. A modal must be the interaction's first answer, so only a store
 * read (no network) happens before it.
 */
export async function openExtendModal(
	interaction: ButtonInteraction | MessageContextMenuCommandInteraction,
	context: BotContext,
	jobId: string,
): Promise<void> {
	const job = await context.store.get(jobId);
	if (!job) throw new UserError("video_unknown");
	await interaction.showModal(
		extendModal(memberWords(interaction), assertExtendable(job, interaction.guildId)),
	);
}

export async function extendFromModal(
	interaction: ModalSubmitInteraction,
	context: BotContext,
	jobId: string,
): Promise<void> {
	await interaction.deferReply({ flags: MessageFlags.Ephemeral });
	const job = await context.store.get(jobId);
	if (!job) throw new UserError("video_unknown");
	// The form's own field, as a text: anything else is not the form the bot showed.
	const field = interaction.fields.getField(EXTEND_PROMPT_FIELD, ComponentType.TextInput);
	const prompt = "value" in field ? field.value : undefined;
	if (typeof prompt !== "string") throw new UserError("form_gone");
	await startExtension(interaction, context, {
		source: { job: assertExtendable(job, interaction.guildId) },
		prompt,
	});
}

/**
 * Starts an extension and posts its pending message in the channel as a reply to the parent's
 * message, so Discord links the two. The requester gets a private note pointing to it.
 */
export async function startExtension(
	interaction: ChatInputCommandInteraction | ModalSubmitInteraction,
	context: BotContext,
	input: {
		source: ExtendSource;
		prompt?: string | null;
		endFrame?: FrameInput;
		direction?: "forward" | "backward";
	},
): Promise<void> {
	if (!interaction.deferred && !interaction.replied)
		await interaction.deferReply({ flags: MessageFlags.Ephemeral });
	const channelId = interaction.channelId;
	if (!channelId) throw new UserError("extend_needs_channel");
	// The extension's pending message is the bot's own post in the channel: without these it has
	// nowhere to start, so nothing is counted or sent.
	const missing = channelDeliveryGaps(interaction.appPermissions);
	if (missing.length > 0)
		throw new UserError("extend_missing_permissions", { permissions: permissionNames(missing) });
	const { source } = input;
	const parent = "job" in source ? source.job : undefined;
	const rootUrl =
		parent && !parent.chain && parent.messageId
			? messageUrl(parent.guildId, parent.channelId, parent.messageId)
			: undefined;
	await startJob(
		context.start,
		{
			kind: "extend",
			source,
			prompt: input.prompt ?? null,
			...(input.endFrame && { endFrame: input.endFrame }),
			...(input.direction && { direction: input.direction }),
			...(rootUrl && { rootUrl }),
		},
		{
			requester: requesterOf(interaction),
			privateReply: {
				applicationId: interaction.applicationId,
				token: interaction.token,
				createdAt: interaction.createdTimestamp,
				locale: interaction.locale,
			},
			attachmentSizeLimit: interaction.attachmentSizeLimit,
			show: async (job) => {
				let messageId: string;
				try {
					const replyTo = parent?.channelId === channelId ? parent.messageId : undefined;
					messageId = await context.presenter.postPending(job, replyTo);
				} catch (error) {
					if (!isPermanent(error)) throw error;
					throw new UserError("cannot_post");
				}
				const url = messageUrl(interaction.guildId, channelId, messageId);
				await interaction.editReply({ content: memberWords(interaction)("extend.follow", { url }) });
				return messageId;
			},
			retract: (messageId) => context.presenter.deleteMessage({ channelId, messageId }),
		},
	);
}
