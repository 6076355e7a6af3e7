import { EmbedBuilder } from "@discordjs/builders";
import type { REST } from "@discordjs/rest";
import { Routes } from "discord.js";
import { messageUrl } from "../jobs/resolveVideo.js";
import type { Job } from "../jobs/job.js";
import type { Logger } from "../logger.js";
import type { AuditEvent, AuditLog } from "../moderation/auditLog.js";
import type { GuildSettingsStore } from "../settings/guildSettings.js";
import { PROVIDER_LABELS } from "../providers/names.js";
import { failureText, refusalText } from "./failureText.js";
import { truncate } from "./text.js";
import { COLORS } from "./views.js";

const jobLink = (job: Job) =>
	job.messageId ? messageUrl(job.guildId, job.channelId, job.messageId) : undefined;

function describe(event: AuditEvent): { guildId: string; embed: EmbedBuilder } | undefined {
	const embed = new EmbedBuilder();
	switch (event.type) {
		case "accepted":
		case "finished":
		case "deleted": {
			const { job } = event;
			if (!job.guildId) return undefined;
			const link = jobLink(job);
			const title =
				event.type === "accepted"
					? job.kind === "extend"
						? "Extension requested"
						: "Video requested"
					: event.type === "deleted"
						? "Video deleted"
						: job.state === "succeeded"
							? "Video made"
							: "Video failed";
			embed
				.setTitle(title)
				.setColor(
					event.type === "finished" && job.state === "failed"
						? COLORS.failure
						: event.type === "finished"
							? COLORS.success
							: COLORS.pending,
				)
				.setDescription(truncate(job.request.prompt, 1000))
				.addFields(
					{ name: "By", value: `<@${job.userId}>`, inline: true },
					{ name: "Channel", value: `<#${job.channelId}>`, inline: true },
					...(link ? [{ name: "Message", value: link, inline: false }] : []),
					...(event.type === "finished" && job.error
						? [{ name: "Reason", value: truncate(failureText(job.error), 1000) }]
						: []),
					...(event.type === "deleted"
						? [{ name: "Deleted by", value: `<@${event.by}>`, inline: true }]
						: []),
				)
				.setFooter({ text: `Job ${job.id}` });
			return { guildId: job.guildId, embed };
		}
		case "refused":
			embed
				.setTitle(event.rule === "blocklist" ? "Prompt blocked" : "Banned member refused")
				.setColor(COLORS.failure)
				.setDescription(truncate(event.prompt, 1000))
				.addFields(
					{ name: "By", value: `<@${event.userId}>`, inline: true },
					{ name: "Channel", value: `<#${event.channelId}>`, inline: true },
					...(event.detail ? [{ name: "Matched", value: truncate(event.detail, 200), inline: true }] : []),
				);
			return { guildId: event.guildId, embed };
		case "provider":
			embed
				.setTitle("Video provider refused the bot's account")
				.setColor(COLORS.failure)
				.setDescription(
					`${refusalText({ code: "provider_account", params: { provider: event.provider, reason: event.code } })}`,
				)
				.addFields({ name: "Provider", value: PROVIDER_LABELS[event.provider], inline: true });
			return { guildId: event.guildId, embed };
		case "admin":
			embed
				.setTitle("Settings changed")
				.setColor(COLORS.pending)
				.setDescription(truncate(event.change, 2000))
				.addFields({ name: "By", value: `<@${event.userId}>`, inline: true });
			return { guildId: event.guildId, embed };
	}
}

/**
 * Posts audit events to each server's log channel, if it has one. Posting happens in the
 * background: a missing channel or permission is logged for the operator and never breaks a request.
 */
export class ChannelAuditLog implements AuditLog {
	readonly #rest: REST;
	readonly #settings: GuildSettingsStore;
	readonly #logger: Logger;
	readonly #pending = new Set<Promise<void>>();

	constructor(deps: { rest: REST; settings: GuildSettingsStore; logger: Logger }) {
		this.#rest = deps.rest;
		this.#settings = deps.settings;
		this.#logger = deps.logger;
	}

	record(event: AuditEvent): void {
		const task = this.#post(event).finally(() => this.#pending.delete(task));
		this.#pending.add(task);
	}

	/** Waits for posts in progress (shutdown, tests). */
	async drain(): Promise<void> {
		while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
	}

	async #post(event: AuditEvent): Promise<void> {
		const described = describe(event);
		if (!described) return;
		try {
			const settings = await this.#settings.get(described.guildId);
			if (!settings.logChannelId) return;
			await this.#rest.post(Routes.channelMessages(settings.logChannelId), {
				body: { embeds: [described.embed.toJSON()], allowed_mentions: { parse: [] } },
			});
		} catch (error) {
			this.#logger.warn(
				{ err: error, guildId: described.guildId, event: event.type },
				"could not write to the audit log channel",
			);
		}
	}
}
