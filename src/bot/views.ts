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
import type { Job } from "../jobs/job.js";
import { CAPABILITIES } from "../providers/capabilities.js";
import { PROVIDER_LABELS } from "../providers/names.js";
import { encodeCustomId } from "./customId.js";
import { failureText } from "./failureText.js";
import { formatDuration, truncate, unixSeconds } from "./text.js";

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

const STATE_LINES: Record<string, string> = {
	"pending:queued": "⏳ Queued",
	"pending:running": "🎬 Generating",
};

function optionsLine(request: Job["request"]): string {
	const parts: string[] = [];
	if (request.aspectRatio) parts.push(request.aspectRatio);
	if (request.duration) parts.push(request.duration);
	if (request.resolution) parts.push(request.resolution);
	if (request.direction === "backward") parts.push("leads into the clip");
	if (request.loop) parts.push("loop");
	if (request.enhance === true) parts.push("prompt enhancement on");
	if (request.enhance === false) parts.push("prompt enhancement off");
	return parts.join(" · ") || "default options";
}

/** Which provider (and model) made the clip, and why, when it was not the first choice. */
function madeWith(job: Job): APIEmbedField {
	const model = job.request.model ? ` · ${job.request.model}` : "";
	const note = job.failover ? ` (${PROVIDER_LABELS[job.failover.from]} was unavailable)` : "";
	return { name: "Made with", value: `${PROVIDER_LABELS[job.provider]}${model}${note}`, inline: true };
}

function frameEmbeds(request: Job["request"]): APIEmbed[] {
	const frames: [string, Job["request"]["startFrame"]][] = [
		["Start frame", request.startFrame],
		["End frame", request.endFrame],
	];
	return frames.flatMap(([title, frame]) =>
		frame
			? [new EmbedBuilder().setColor(COLORS.pending).setTitle(title).setThumbnail(frame.url).toJSON()]
			: [],
	);
}

const quiet: APIAllowedMentions = { parse: [] };

/** Who made the clip: an extension credits both its requester and the clip it continues. */
function creditFields(job: Job): APIEmbedField[] {
	if (job.kind !== "extend") return [{ name: "Requested by", value: `<@${job.userId}>`, inline: true }];
	const parent = job.parent;
	const from = parent?.userId
		? parent.userId === job.userId
			? "their own clip"
			: `<@${parent.userId}>'s clip`
		: `[a video made elsewhere](${parent?.videoUrl ?? ""})`;
	const fields: APIEmbedField[] = [
		{ name: "Credits", value: `Extended by <@${job.userId}> from ${from}`, inline: false },
	];
	if (job.chain) {
		const chain = job.chain.rootUrl ? `[this chain](${job.chain.rootUrl})` : "this chain";
		fields.push({ name: "Chain", value: `Part ${job.chain.part} of ${chain}`, inline: true });
	}
	return fields;
}

export function pendingView(job: Job): MessageView {
	const embed = new EmbedBuilder()
		.setColor(COLORS.pending)
		.setTitle(job.kind === "extend" ? "Extending a video" : "Making your video")
		.setDescription(truncate(job.request.prompt, 4000))
		.addFields(
			...creditFields(job),
			{ name: "State", value: STATE_LINES[viewKey(job)] ?? STATE_LINES["pending:queued"]!, inline: true },
			{ name: "Started", value: `<t:${unixSeconds(job.createdAt)}:R>`, inline: true },
			{ name: "Options", value: optionsLine(job.request), inline: false },
		)
		.setFooter({ text: `Job ${job.id}` });
	return {
		content: "",
		embeds: [embed.toJSON(), ...frameEmbeds(job.request)],
		components: [],
		allowed_mentions: quiet,
	};
}

/** `video` is the file to upload when it fits the channel's limit; otherwise the link is posted. */
export function resultView(job: Job, video?: { data: Buffer; filename: string }): MessageView {
	const result = job.result!;
	const embed = new EmbedBuilder()
		.setColor(COLORS.success)
		.setTitle(job.kind === "extend" ? "Video extended" : "Video ready")
		.setDescription(truncate(job.request.prompt, 4000))
		.addFields(...creditFields(job));
	if (result.width && result.height)
		embed.addFields({ name: "Resolution", value: `${result.width}×${result.height}`, inline: true });
	embed.addFields({
		name: "Made in",
		value: formatDuration((job.finishedAt ?? job.updatedAt) - job.createdAt),
		inline: true,
	});
	embed.addFields(madeWith(job));
	if (result.videoId) embed.addFields({ name: "Video ID", value: `\`${result.videoId}\``, inline: false });
	// A link that expires within the hour is no lasting delivery: offer a fresh one on demand.
	const expiring = CAPABILITIES[job.provider].expiringOutput;
	if (expiring && !video)
		embed.addFields({
			name: "Video",
			value: "Too large to upload in this channel. Use **Get link** for a fresh download link.",
			inline: false,
		});
	if (result.thumbnailUrl) embed.setThumbnail(result.thumbnailUrl);
	embed.setFooter({ text: `Job ${job.id} · ${optionsLine(job.request)}` });

	const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
		new ButtonBuilder()
			.setStyle(ButtonStyle.Primary)
			.setLabel("Extend")
			.setCustomId(encodeCustomId({ action: "extend", jobId: job.id })),
		expiring
			? new ButtonBuilder()
					.setStyle(ButtonStyle.Secondary)
					.setLabel("Get link")
					.setCustomId(encodeCustomId({ action: "link", jobId: job.id }))
			: new ButtonBuilder().setStyle(ButtonStyle.Link).setLabel("Open video").setURL(result.videoUrl),
		new ButtonBuilder()
			.setStyle(ButtonStyle.Danger)
			.setLabel("Delete")
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

export function failureView(job: Job): MessageView {
	const embed = new EmbedBuilder()
		.setColor(COLORS.failure)
		.setTitle("Video failed")
		.setDescription(failureText(job.error))
		.addFields(
			{ name: "Prompt", value: truncate(job.request.prompt, 1024), inline: false },
			...creditFields(job),
		)
		.setFooter({ text: `Job ${job.id}` });
	return { content: "", embeds: [embed.toJSON()], components: [], allowed_mentions: quiet };
}

/** A new message has to say whom it is for, since it is no longer a reply to their command. */
export function asNewMessage(view: MessageView, userId: string): MessageView {
	const content = [`<@${userId}>`, view.content].filter(Boolean).join(" ");
	return { ...view, content, allowed_mentions: { parse: [], users: [userId] } };
}
