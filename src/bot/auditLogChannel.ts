import { EmbedBuilder } from "@discordjs/builders";
import type { REST } from "@discordjs/rest";
import { Routes } from "discord.js";
import { messageUrl } from "../jobs/resolveVideo.js";
import type { Job } from "../jobs/job.js";
import type { Logger } from "../logger.js";
import type { AuditEvent, AuditLog } from "../moderation/auditLog.js";
import { PROVIDER_LABELS } from "../providers/names.js";
import type { GuildSettingsStore } from "../settings/guildSettings.js";
import type { GuildLanguages } from "./i18n/guildLanguages.js";
import type { Translator } from "./i18n/translate.js";
import { truncate } from "./text.js";
import { phraseText } from "./views/adminText.js";
import { failureText, refusalText } from "./views/failureText.js";
import { COLORS } from "./views/jobViews.js";

const jobLink = (job: Job) =>
	job.messageId ? messageUrl(job.guildId, job.channelId, job.messageId) : undefined;

const guildOf = (event: AuditEvent): string | null => ("job" in event ? event.job.guildId : event.guildId);

/** An event as the server's log channel shows it, in the server's language. */
function describe(t: Translator, event: AuditEvent): EmbedBuilder {
	const embed = new EmbedBuilder();
	switch (event.type) {
		case "accepted":
		case "finished":
		case "deleted": {
			const { job } = event;
			const link = jobLink(job);
			const title =
				event.type === "accepted"
					? job.kind === "extend"
						? t("audit.extension_requested")
						: t("audit.video_requested")
					: event.type === "deleted"
						? t("audit.video_deleted")
						: job.state === "succeeded"
							? t("audit.video_made")
							: t("audit.video_failed");
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
					{ name: t("audit.by"), value: `<@${job.userId}>`, inline: true },
					{ name: t("audit.channel"), value: `<#${job.channelId}>`, inline: true },
					...(link ? [{ name: t("audit.message"), value: link, inline: false }] : []),
					...(event.type === "finished" && job.error
						? [{ name: t("audit.reason"), value: truncate(failureText(t, job.error), 1000) }]
						: []),
					...(event.type === "deleted"
						? [{ name: t("audit.deleted_by"), value: `<@${event.by}>`, inline: true }]
						: []),
				)
				.setFooter({ text: t("job.footer", { id: job.id }) });
			return embed;
		}
		case "refused":
			return embed
				.setTitle(event.rule === "blocklist" ? t("audit.prompt_blocked") : t("audit.banned_refused"))
				.setColor(COLORS.failure)
				.setDescription(truncate(event.prompt, 1000))
				.addFields(
					{ name: t("audit.by"), value: `<@${event.userId}>`, inline: true },
					{ name: t("audit.channel"), value: `<#${event.channelId}>`, inline: true },
					...(event.detail
						? [{ name: t("audit.matched"), value: truncate(event.detail, 200), inline: true }]
						: []),
				);
		case "provider":
			return embed
				.setTitle(t("audit.provider_refused"))
				.setColor(COLORS.failure)
				.setDescription(
					refusalText(t, {
						code: "provider_account",
						params: { provider: event.provider, reason: event.code },
					}),
				)
				.addFields({ name: t("audit.provider"), value: PROVIDER_LABELS[event.provider], inline: true });
		case "admin":
			return embed
				.setTitle(t("audit.settings_changed"))
				.setColor(COLORS.pending)
				.setDescription(truncate(phraseText(t, event.change), 2000))
				.addFields({ name: t("audit.by"), value: `<@${event.userId}>`, inline: true });
	}
}

/**
 * Posts audit events to each server's log channel, if it has one. Posting happens in the
 * background: a missing channel or permission is logged for the operator and never breaks a request.
 */
export class ChannelAuditLog implements AuditLog {
	readonly #rest: REST;
	readonly #settings: GuildSettingsStore;
	readonly #languages: GuildLanguages;
	readonly #logger: Logger;
	readonly #pending = new Set<Promise<void>>();

	constructor(deps: { rest: REST; settings: GuildSettingsStore; languages: GuildLanguages; logger: Logger }) {
		this.#rest = deps.rest;
		this.#settings = deps.settings;
		this.#languages = deps.languages;
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
		const guildId = guildOf(event);
		if (!guildId) return;
		try {
			const settings = await this.#settings.get(guildId);
			if (!settings.logChannelId) return;
			const embed = describe(await this.#languages.translator(guildId), event);
			await this.#rest.post(Routes.channelMessages(settings.logChannelId), {
				body: { embeds: [embed.toJSON()], allowed_mentions: { parse: [] } },
			});
		} catch (error) {
			this.#logger.warn(
				{ err: error, guildId, event: event.type },
				"could not write to the audit log channel",
			);
		}
	}
}
