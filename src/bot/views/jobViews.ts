import type { RawFile } from "@discordjs/rest";
import {
	type APIActionRowComponent,
	type APIAllowedMentions,
	type APIButtonComponent,
	type APIComponentInMessageActionRow,
	type APIEmbed,
	type APIEmbedField,
	ButtonStyle,
	ComponentType,
} from "discord.js";
import type { Job } from "../../jobs/job.js";
import { CAPABILITIES } from "../../providers/capabilities.js";
import { PROVIDER_LABELS } from "../../providers/names.js";
import { encodeCustomId } from "../customId.js";
import type { Translator } from "../i18n/translate.js";
import { formatDuration, truncate, unixSeconds } from "../text.js";
import { failureText } from "./failureText.js";

export const COLORS = { pending: 0x5865f2, success: 0x57f287, failure: 0xed4245 } as const;

/**
 * An embed within Discord's limits. These views are drawn for every request and every update, so
 * they are plain objects rather than builders, whose checks cost more than the rest of a request's
 * answer; the limits those checks enforce are applied here instead.
 */
function embed(parts: {
	color: number;
	title: string;
	description?: string;
	fields?: APIEmbedField[];
	thumbnail?: string;
	footer?: string;
}): APIEmbed {
	return {
		color: parts.color,
		title: truncate(parts.title, 256),
		...(parts.description && { description: truncate(parts.description, 4096) }),
		...(parts.fields && {
			fields: parts.fields.slice(0, 25).map((field) => ({
				name: truncate(field.name, 256),
				value: truncate(field.value, 1024),
				...(field.inline !== undefined && { inline: field.inline }),
			})),
		}),
		...(parts.thumbnail && { thumbnail: { url: parts.thumbnail } }),
		...(parts.footer && { footer: { text: truncate(parts.footer, 2048) } }),
	};
}

function button(
	style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Danger,
	label: string,
	customId: string,
): APIButtonComponent {
	return { type: ComponentType.Button, style, label: truncate(label, 80), custom_id: customId };
}

function linkButton(label: string, url: string): APIButtonComponent {
	return { type: ComponentType.Button, style: ButtonStyle.Link, label: truncate(label, 80), url };
}

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
		frame ? [embed({ color: COLORS.pending, title, thumbnail: frame.url })] : [],
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
	const view = embed({
		color: COLORS.pending,
		title: job.kind === "extend" ? t("job.title_extend") : t("job.title_generate"),
		description: truncate(job.request.prompt, 4000),
		fields: [
			...creditFields(t, job),
			{ name: t("job.state"), value: state, inline: true },
			{ name: t("job.started"), value: `<t:${unixSeconds(job.createdAt)}:R>`, inline: true },
			{ name: t("job.options"), value: optionsLine(t, job.request), inline: false },
		],
		footer: t("job.footer", { id: job.id }),
	});
	return {
		content: "",
		embeds: [view, ...frameEmbeds(t, job.request)],
		components: [],
		allowed_mentions: quiet,
	};
}

/** `video` is the file to upload when it fits the channel's limit; otherwise the link is posted. */
export function resultView(t: Translator, job: Job, video?: { data: Buffer; filename: string }): MessageView {
	const result = job.result!;
	const fields = creditFields(t, job);
	if (result.width && result.height)
		fields.push({ name: t("job.resolution"), value: `${result.width}×${result.height}`, inline: true });
	fields.push({
		name: t("job.made_in"),
		value: formatDuration(t.language, (job.finishedAt ?? job.updatedAt) - job.createdAt),
		inline: true,
	});
	fields.push(madeWith(t, job));
	if (result.videoId) fields.push({ name: t("job.video_id"), value: `\`${result.videoId}\``, inline: false });
	// A link that expires within the hour is no lasting delivery: offer a fresh one on demand.
	const expiring = CAPABILITIES[job.provider].expiringOutput;
	if (expiring && !video) fields.push({ name: t("job.video"), value: t("job.too_large"), inline: false });
	const view = embed({
		color: COLORS.success,
		title: job.kind === "extend" ? t("job.title_extended") : t("job.title_ready"),
		description: truncate(job.request.prompt, 4000),
		fields,
		...(result.thumbnailUrl && { thumbnail: result.thumbnailUrl }),
		footer: t("job.footer_options", { id: job.id, options: optionsLine(t, job.request) }),
	});
	const buttons: APIActionRowComponent<APIComponentInMessageActionRow> = {
		type: ComponentType.ActionRow,
		components: [
			button(
				ButtonStyle.Primary,
				t("job.button_extend"),
				encodeCustomId({ action: "extend", jobId: job.id }),
			),
			expiring
				? button(
						ButtonStyle.Secondary,
						t("job.button_link"),
						encodeCustomId({ action: "link", jobId: job.id }),
					)
				: linkButton(t("job.button_open"), result.videoUrl),
			button(ButtonStyle.Danger, t("job.button_delete"), encodeCustomId({ action: "delete", jobId: job.id })),
		],
	};
	const message: MessageView = {
		// Discord plays an .mp4 link inline too, so a file too big to upload still shows as video.
		content: video || expiring ? "" : result.videoUrl,
		embeds: [view],
		components: [buttons],
		allowed_mentions: quiet,
		attachments: [],
	};
	if (video) {
		message.attachments = [{ id: 0, filename: video.filename }];
		message.files = [{ name: video.filename, data: video.data, contentType: "video/mp4" }];
	}
	return message;
}

export function failureView(t: Translator, job: Job): MessageView {
	const view = embed({
		color: COLORS.failure,
		title: t("job.title_failed"),
		description: failureText(t, job.error),
		fields: [
			{ name: t("job.prompt"), value: truncate(job.request.prompt, 1024), inline: false },
			...creditFields(t, job),
		],
		footer: t("job.footer", { id: job.id }),
	});
	return { content: "", embeds: [view], components: [], allowed_mentions: quiet };
}

/** A new message has to say whom it is for, since it is no longer a reply to their command. */
export function asNewMessage(view: MessageView, userId: string): MessageView {
	const content = [`<@${userId}>`, view.content].filter(Boolean).join(" ");
	return { ...view, content, allowed_mentions: { parse: [], users: [userId] } };
}
