import { SlashCommandBuilder } from "@discordjs/builders";
import type { Attachment, ChatInputCommandInteraction } from "discord.js";
import { InteractionContextType, MessageFlags } from "discord.js";
import type { BotContext, Command } from "../src/bot/command.js";
import { describeQuota } from "../src/admin/adminText.js";
import { startExtension } from "../src/bot/extendFlow.js";
import { requesterOf } from "../src/bot/requester.js";
import { UserError } from "../src/errors.js";
import { isExempt } from "../src/moderation/accessRules.js";
import { Responder } from "../src/bot/responder.js";
import { formatAge, truncate } from "../src/bot/text.js";
import { resolveVideo } from "../src/jobs/resolveVideo.js";
import { pendingView } from "../src/bot/views.js";
import { ASPECT_RATIOS, type AspectRatio } from "../src/providers/types.js";
import { type FrameInput, MAX_PROMPT_LENGTH, validateGenerate } from "../src/requests/validateGenerate.js";

const data = new SlashCommandBuilder()
	.setName("luma")
	.setDescription("Make short AI videos with Luma")
	.setContexts(InteractionContextType.Guild)
	.addSubcommand((sub) =>
		sub
			.setName("generate")
			.setDescription("Make a video from a prompt, optionally between a start and an end frame")
			.addStringOption((o) =>
				o
					.setName("prompt")
					.setDescription("What should happen in the video")
					.setRequired(true)
					.setMaxLength(MAX_PROMPT_LENGTH),
			)
			.addAttachmentOption((o) =>
				o.setName("start_frame").setDescription("Image for the first frame (PNG, JPEG or WebP)"),
			)
			.addAttachmentOption((o) =>
				o.setName("end_frame").setDescription("Image for the last frame (PNG, JPEG or WebP)"),
			)
			.addStringOption((o) =>
				o
					.setName("aspect_ratio")
					.setDescription("Shape of the video (default 16:9)")
					.addChoices(...ASPECT_RATIOS.map((ratio) => ({ name: ratio, value: ratio }))),
			)
			.addBooleanOption((o) => o.setName("loop").setDescription("Make the video loop seamlessly"))
			.addBooleanOption((o) => o.setName("enhance").setDescription("Let the provider improve your prompt")),
	)
	.addSubcommand((sub) =>
		sub
			.setName("extend")
			.setDescription("Continue a video with a new prompt; anyone may extend anyone's clip")
			.addStringOption((o) =>
				o
					.setName("video")
					.setDescription("A recent video, its video ID, a link to the bot's message, or a video URL")
					.setRequired(true)
					.setAutocomplete(true),
			)
			.addStringOption((o) =>
				o
					.setName("prompt")
					.setDescription("What happens next (default: the clip's prompt)")
					.setMaxLength(MAX_PROMPT_LENGTH),
			)
			.addAttachmentOption((o) =>
				o.setName("end_frame").setDescription("Image for the last frame (PNG, JPEG or WebP)"),
			),
	)
	.addSubcommand((sub) =>
		sub
			.setName("quota")
			.setDescription("How many videos you and this server have left, and when limits reset"),
	)
	.toJSON();

function frame(attachment: Attachment | null): FrameInput | undefined {
	if (!attachment) return undefined;
	return {
		url: attachment.url,
		filename: attachment.name,
		contentType: attachment.contentType,
		size: attachment.size,
	};
}

async function generate(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
	const { options } = interaction;
	context.jobs.assertAvailable();
	const responder = new Responder(interaction);
	const startFrame = frame(options.getAttachment("start_frame"));
	const endFrame = frame(options.getAttachment("end_frame"));
	const loop = options.getBoolean("loop");
	const enhance = options.getBoolean("enhance");
	const request = await responder.within(
		validateGenerate(
			{
				prompt: options.getString("prompt", true),
				...(options.getString("aspect_ratio") && {
					aspectRatio: options.getString("aspect_ratio") as AspectRatio,
				}),
				...(loop !== null && { loop }),
				...(enhance !== null && { enhance }),
				...(startFrame && { startFrame }),
				...(endFrame && { endFrame }),
			},
			context.readHead,
		),
	);

	const jobId = context.jobs.newId();
	await context.gate.admit(requesterOf(interaction), { prompt: request.prompt, jobId });
	const job = await context.jobs.create({
		id: jobId,
		guildId: interaction.guildId,
		channelId: interaction.channelId,
		userId: interaction.user.id,
		interaction: {
			id: interaction.id,
			applicationId: interaction.applicationId,
			token: interaction.token,
			createdAt: interaction.createdTimestamp,
		},
		attachmentSizeLimit: interaction.attachmentSizeLimit,
		request,
	});
	let messageId: string;
	try {
		messageId = await responder.show(pendingView(job));
	} catch (error) {
		await context.jobs.abandon(job.id);
		throw error;
	}
	await context.jobs.submit(job.id, { messageId });
	context.audit.record({ type: "accepted", job: (await context.store.get(job.id)) ?? job });
}

async function quota(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
	if (!interaction.guildId) throw new UserError("Limits apply per server; use this command in a server.");
	const settings = await context.settings.get(interaction.guildId);
	const exempt = isExempt(settings, requesterOf(interaction).memberRoleIds);
	const status = await context.quota.status(interaction.guildId, interaction.user.id, exempt);
	await interaction.reply({
		content: describeQuota(status),
		flags: MessageFlags.Ephemeral,
		allowedMentions: { parse: [] },
	});
}

async function extend(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
	await interaction.deferReply({ flags: MessageFlags.Ephemeral });
	const source = await resolveVideo(
		interaction.options.getString("video", true),
		interaction.guildId,
		context.store,
	);
	const endFrame = frame(interaction.options.getAttachment("end_frame"));
	await startExtension(interaction, context, {
		source,
		prompt: interaction.options.getString("prompt"),
		...(endFrame && { endFrame }),
	});
}

export const luma = {
	data,
	async execute(interaction, context) {
		switch (interaction.options.getSubcommand(true)) {
			case "generate":
				return generate(interaction, context);
			case "extend":
				return extend(interaction, context);
			case "quota":
				return quota(interaction, context);
			default:
				return undefined;
		}
	},
	async autocomplete(interaction, context) {
		const typed = interaction.options.getFocused().trim().toLowerCase();
		const videos = interaction.guildId ? await context.index.recent(interaction.guildId) : [];
		const now = context.clock();
		const choices = videos
			.filter(
				(video) => !typed || video.prompt.toLowerCase().includes(typed) || video.jobId.startsWith(typed),
			)
			.slice(0, 25)
			.map((video) => ({
				name: `${truncate(video.prompt, 80)} · ${formatAge(now - video.finishedAt)}`,
				value: video.jobId,
			}));
		await interaction.respond(choices);
	},
} satisfies Command;
