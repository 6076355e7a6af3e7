import type { Attachment, ChatInputCommandInteraction } from "discord.js";
import { MessageFlags } from "discord.js";
import type { BotContext, Command } from "../../src/bot/command.js";
import { channelDeliveryGaps, permissionNames } from "../../src/bot/appPermissions.js";
import { startExtension } from "../../src/bot/extendFlow.js";
import { memberWords } from "../../src/bot/i18n/memberWords.js";
import { requesterOf } from "../../src/bot/requester.js";
import { Responder } from "../../src/bot/responder.js";
import { formatAge, truncate } from "../../src/bot/text.js";
import { describeQuota } from "../../src/bot/views/adminText.js";
import { pendingView } from "../../src/bot/views/jobViews.js";
import { UserError } from "../../src/errors.js";
import { resolveVideo } from "../../src/jobs/resolveVideo.js";
import { startJob } from "../../src/jobs/startJob.js";
import { isExempt } from "../../src/moderation/accessRules.js";
import type { AspectRatio, ProviderCapabilities } from "../../src/providers/types.js";
import type { FrameInput, GenerateInput } from "../../src/requests/validateGenerate.js";
import { lumaCommandData } from "./data.js";

export function frameOf(attachment: Attachment | null): FrameInput | undefined {
	if (!attachment) return undefined;
	return {
		url: attachment.url,
		filename: attachment.name,
		contentType: attachment.contentType,
		size: attachment.size,
	};
}

/**
 * Every option a registration of `/luma` has had, by subcommand. One the configured provider lacks
 * is refused by the checks against the provider, naming it; one outside these was never the bot's.
 */
const KNOWN_OPTIONS: Readonly<Record<string, ReadonlySet<string>>> = {
	generate: new Set([
		"prompt",
		"start_frame",
		"end_frame",
		"aspect_ratio",
		"loop",
		"enhance",
		"model",
		"duration",
		"resolution",
	]),
	extend: new Set(["video", "prompt", "end_frame", "direction"]),
};

function assertKnownOptions(interaction: ChatInputCommandInteraction, sub: string): void {
	const known = KNOWN_OPTIONS[sub];
	const given = interaction.options.data.find((option) => option.name === sub)?.options ?? [];
	if (known && given.some((option) => !known.has(option.name))) throw new UserError("command_gone");
}

/** Reads the options as typed; the job engine checks them against the provider. */
function generateInput(interaction: ChatInputCommandInteraction): GenerateInput {
	const { options } = interaction;
	const text = (name: string) => options.getString(name) ?? undefined;
	const startFrame = frameOf(options.getAttachment("start_frame"));
	const endFrame = frameOf(options.getAttachment("end_frame"));
	const loop = options.getBoolean("loop");
	const enhance = options.getBoolean("enhance");
	const [aspectRatio, model, duration, resolution] = ["aspect_ratio", "model", "duration", "resolution"].map(
		text,
	);
	// A choice is passed on as given, even empty: the checks against the provider refuse what it
	// does not offer, instead of a request being made without it.
	return {
		prompt: options.getString("prompt", true),
		...(aspectRatio !== undefined && { aspectRatio: aspectRatio as AspectRatio }),
		...(loop !== null && { loop }),
		...(enhance !== null && { enhance }),
		...(model !== undefined && { model }),
		...(duration !== undefined && { duration }),
		...(resolution !== undefined && { resolution }),
		...(startFrame && { startFrame }),
		...(endFrame && { endFrame }),
	};
}

async function generate(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
	const responder = new Responder(interaction, {
		answers: context.answers,
		onViewFailed: (error) =>
			context.logger.warn(
				{ err: error, interactionId: interaction.id },
				"could not show the pending message; the outcome will replace the first answer",
			),
	});
	const missing = channelDeliveryGaps(interaction.appPermissions);
	await startJob(
		context.start,
		{ kind: "generate", input: generateInput(interaction) },
		{
			requester: requesterOf(interaction),
			interaction: {
				id: interaction.id,
				applicationId: interaction.applicationId,
				token: interaction.token,
				createdAt: interaction.createdTimestamp,
				locale: interaction.locale,
			},
			attachmentSizeLimit: interaction.attachmentSizeLimit,
			withinDeadline: (work) => responder.within(work),
			// Public: the server's language, like every later view of the same message. The request
			// gate has read the server's settings by now, so this waits on nothing.
			show: async (job) => {
				const shown = await responder.show(async () =>
					pendingView(await context.languages.translator(job.guildId), job),
				);
				// Shown during a burst: the view is still on its way, and nothing may land over it.
				if (shown.later) context.presenter.afterFirstView(job.id, shown.later);
				return shown.id;
			},
			retract: () => responder.retract(),
		},
	);
	// The token carries the outcome for 15 minutes; after that the channel is the bot's own to
	// post in, which it cannot here. The requester hears where the video will go instead.
	if (missing.length > 0)
		await interaction.followUp({
			content: memberWords(interaction)("job.channel_note", { permissions: permissionNames(missing) }),
			flags: MessageFlags.Ephemeral,
			allowedMentions: { parse: [] },
		});
}

async function quota(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
	if (!interaction.guildId) throw new UserError("quota_server_only");
	const settings = await context.settings.get(interaction.guildId);
	const exempt = isExempt(settings, requesterOf(interaction).memberRoleIds);
	const status = await context.quota.status(interaction.guildId, interaction.user.id, exempt);
	await interaction.reply({
		content: describeQuota(memberWords(interaction), status),
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
	const endFrame = frameOf(interaction.options.getAttachment("end_frame"));
	const direction = interaction.options.getString("direction");
	// Every registration offers these two choices only.
	if (direction !== null && direction !== "forward" && direction !== "backward")
		throw new UserError("command_gone");
	await startExtension(interaction, context, {
		source,
		prompt: interaction.options.getString("prompt"),
		...(endFrame && { endFrame }),
		...(direction !== null && { direction }),
	});
}

/** `/luma` for a provider with these capabilities. */
export function createLumaCommand(caps: ProviderCapabilities): Command {
	return {
		data: lumaCommandData(caps),
		async execute(interaction, context) {
			const sub = interaction.options.getSubcommand(true);
			assertKnownOptions(interaction, sub);
			if (sub === "generate") return generate(interaction, context);
			if (sub === "extend" && caps.extend) return extend(interaction, context);
			if (sub === "quota") return quota(interaction, context);
			throw new UserError("subcommand_unavailable");
		},
		async autocomplete(interaction, context) {
			// What the member typed so far; Discord sends it as text, but nothing here depends on that.
			const typed = String(interaction.options.getFocused()).trim().toLowerCase();
			const videos = interaction.guildId ? await context.index.recent(interaction.guildId) : [];
			const now = context.clock();
			const t = memberWords(interaction);
			const choices = videos
				.filter(
					(video) => !typed || video.prompt.toLowerCase().includes(typed) || video.jobId.startsWith(typed),
				)
				.slice(0, 25)
				.map((video) => ({
					name: `${truncate(video.prompt, 80)} · ${formatAge(t.language, now - video.finishedAt, t("job.just_now"))}`,
					value: video.jobId,
				}));
			await interaction.respond(choices);
		},
	};
}
