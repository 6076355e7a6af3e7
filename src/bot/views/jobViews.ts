import { ActionRowBuilder, ButtonBuilder, EmbedBuilder } from "@discordjs/builders";
import type { RawFile } from "@discordjs/rest";
import {
	type APIActionRowComponent,
	type APIAllowedMentions,
	type APIComponentInMessageActionRow,
	type APIEmbed,
	type APIEmbedField,
	ButtonStyle,
} from "discord.js";
import type { Job } from "../../jobs/job.js";
import { CAPABILITIES } from "../../providers/capabilities.js";
import { PROVIDER_LABELS } from "../../providers/names.js";
import { encodeCustomId } from "../customId.js";
import type { Translator } from "../i18n/translate.js";
import { formatDuration, truncate, unixSeconds } from "../text.js";
import { failureText } from "./failureText.js";

export const COLORS = { pending: 0x5865f2, success: 0x57f287, failure: 0xed4245 } as const;

/** What a message shows; the same shape goes to interaction replies and REST edits. */
export interface MessageView {
	content: string;
	embeds: APIEmbed[];
	components: APIActionRowComponent<APIComponentInMessageActionRow>[];
	allowed_mentions: APIAllowedMentions;
	attachments?: { id: number; filename: string }[];
	files?: RawFile[];
}

/**
 * Names what a job should currently look like, so a view is written once per change. Being sent
 * and waiting at the provider look the same: an edit for that moment alone would cost one more
 * Discord request per video for nothing the requester can act on.
 */
export function viewKey(job: Job): string {
	if (job.state === "succeeded") return "result";
	if (job.state === "failed") return "failed";
	return job.state === "submitted" && job.progress === "running" ? "pending:running" : "pending:queued";
}

/** The options a job was made with, as a list of tags ("16:9 · loop"). */
function optionsLine(t: Translator, request: Job["request"]): string {
	const parts: string[] = [];
	if (request.aspectRatio) parts.push(request.aspectRatio);
	if (request.duration) parts.push(request.duration);
	if (request.resolution) parts.push(request.resolution);
	if (request.direction === "backward") parts.push(t("job.option_backward"));
	if (request.loop) parts.push(t("job.option_loop"));
	if (request.enhance === true) parts.push(t("job.option_enhance_on"));
	if (request.enhance === false) parts.push(t("job.option_enhance_off"));
	return parts.join(" · ") || t("job.options_default");
}

/** Which provider (and model) made the clip, and why, when it was not the first choice. */
function madeWith(t: Translator, job: Job): APIEmbedField {
	const made = `${PROVIDER_LABELS[job.provider]}${job.request.model ? ` · ${job.request.model}` : ""}`;
	const value = job.failover
		? t("job.made_with_failover", { made, from: PROVIDER_LABELS[job.failover.from] })
		: made;
	return { name: t("job.made_with"), value, inline: true };
}

function frameEmbeds(t: Translator, request: Job["request"]): APIEmbed[] {
	const frames: [string, Job["request"]["startFrame"]][] = [
		[t("job.start_frame"), request.startFrame],
		[t("job.end_frame"), request.endFrame],
	];
	return frames.flatMap(([title, frame]) =>
		frame
			? [new EmbedBuilder().setColor(COLORS.pending).setTitle(title).setThumbnail(frame.url).toJSON()]
			: [],
	);
}

const quiet: APIAllowedMentions = { parse: [] };

/** Who made the clip: an extension credits both its requester and the clip it continues. */
function creditFields(t: Translator, job: Job): APIEmbedField[] {
	const user = `<@${job.userId}>`;
	if (job.kind !== "extend") return [{ name: t("job.requested_by"), value: user, inline: true }];
	const parent = job.parent;
	const credits = parent?.userId
		? parent.userId === job.userId
			? t("job.credits_own", { user })
			: t("job.credits_other", { user, parent: `<@${parent.userId}>` })
		: t("job.credits_elsewhere", { user, url: parent?.videoUrl ?? "" });
	const fields: APIEmbedField[] = [{ name: t("job.credits"), value: credits, inline: false }];
	if (job.chain) {
		const { part, rootUrl } = job.chain;
		const value = rootUrl ? t("job.chain_part_link", { part, url: rootUrl }) : t("job.chain_part", { part });
		fields.push({ name: t("job.chain"), value, inline: true });
	}
	return fields;
}

export function pendingView(t: Translator, job: Job): MessageView {
	const state = viewKey(job) === "pending:running" ? t("job.state_running") : t("job.state_queued");
	const embed = new EmbedBuilder()
		.setColor(COLORS.pending)
		.setTitle(job.kind === "extend" ? t("job.title_extend") : t("job.title_generate"))
		.setDescription(truncate(job.request.prompt, 4000))
		.addFields(
			...creditFields(t, job),
			{ name: t("job.state"), value: state, inline: true },
			{ name: t("job.started"), value: `<t:${unixSeconds(job.createdAt)}:R>`, inline: true },
			{ name: t("job.options"), value: optionsLine(t, job.request), inline: false },
		)
		.setFooter({ text: t("job.footer", { id: job.id }) });
	return {
		content: "",
		embeds: [embed.toJSON(), ...frameEmbeds(t, job.request)],
		components: [],
		allowed_mentions: quiet,
	};
}

/** `video` is the file to upload when it fits the channel's limit; otherwise the link is posted. */
export function resultView(t: Translator, job: Job, video?: { data: Buffer; filename: string }): MessageView {
	const result = job.result!;
	const embed = new EmbedBuilder()
		.setColor(COLORS.success)
		.setTitle(job.kind === "extend" ? t("job.title_extended") : t("job.title_ready"))
		.setDescription(truncate(job.request.prompt, 4000))
		.addFields(...creditFields(t, job));
	if (result.width && result.height)
		embed.addFields({ name: t("job.resolution"), value: `${result.width}×${result.height}`, inline: true });
	embed.addFields({
		name: t("job.made_in"),
		value: formatDuration(t.language, (job.finishedAt ?? job.updatedAt) - job.createdAt),
		inline: true,
	});
	embed.addFields(madeWith(t, job));
	if (result.videoId)
		embed.addFields({ name: t("job.video_id"), value: `\`${result.videoId}\``, inline: false });
	// A link that expires within the hour is no lasting delivery: offer a fresh one on demand.
	const expiring = CAPABILITIES[job.provider].expiringOutput;
	if (expiring && !video) embed.addFields({ name: t("job.video"), value: t("job.too_large"), inline: false });
	if (result.thumbnailUrl) embed.setThumbnail(result.thumbnailUrl);
	embed.setFooter({ text: t("job.footer_options", { id: job.id, options: optionsLine(t, job.request) }) });

	const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
		new ButtonBuilder()
			.setStyle(ButtonStyle.Primary)
			.setLabel(t("job.button_extend"))
			.setCustomId(encodeCustomId({ action: "extend", jobId: job.id })),
		expiring
			? new ButtonBuilder()
					.setStyle(ButtonStyle.Secondary)
					.setLabel(t("job.button_link"))
					.setCustomId(encodeCustomId({ action: "link", jobId: job.id }))
			: new ButtonBuilder().setStyle(ButtonStyle.Link).setLabel(t("job.button_open")).setURL(result.videoUrl),
		new ButtonBuilder()
			.setStyle(ButtonStyle.Danger)
			.setLabel(t("job.button_delete"))
			.setCustomId(encodeCustomId({ action: "delete", jobId: job.id })),
	);
	const view: MessageView = {
		// Discord plays an .mp4 link inline too, so a file too big to upload still shows as video.
		content: video || expiring ? "" : result.videoUrl,
		embeds: [embed.toJSON()],
		components: [buttons.toJSON()],
		allowed_mentions: quiet,
		attachments: [],
	};
	if (video) {
		view.attachments = [{ id: 0, filename: video.filename }];
		view.files = [{ name: video.filename, data: video.data, contentType: "video/mp4" }];
	}
	return view;
}

export function failureView(t: Translator, job: Job): MessageView {
	const embed = new EmbedBuilder()
		.setColor(COLORS.failure)
		.setTitle(t("job.title_failed"))
		.setDescription(failureText(t, job.error))
		.addFields(
			{ name: t("job.prompt"), value: truncate(job.request.prompt, 1024), inline: false },
			...creditFields(t, job),
		)
		.setFooter({ text: t("job.footer", { id: job.id }) });
	return { content: "", embeds: [embed.toJSON()], components: [], allowed_mentions: quiet };
}

/** A new message has to say whom it is for, since it is no longer a reply to their command. */
export function asNewMessage(view: MessageView, userId: string): MessageView {
	const content = [`<@${userId}>`, view.content].filter(Boolean).join(" ");
	return { ...view, content, allowed_mentions: { parse: [], users: [userId] } };
}
