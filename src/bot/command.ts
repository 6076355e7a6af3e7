import type {
	AutocompleteInteraction,
	ButtonInteraction,
	ChatInputCommandInteraction,
	MessageContextMenuCommandInteraction,
	ModalSubmitInteraction,
	RESTPostAPIChatInputApplicationCommandsJSONBody,
	RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord.js";
import type { GuildAdmin } from "../admin/guildAdmin.js";
import type { Clock } from "../clock.js";
import type { JobIndex } from "../jobs/jobIndex.js";
import type { JobEngine } from "../jobs/jobEngine.js";
import type { JobStore } from "../jobs/jobStore.js";
import type { StartJobDeps } from "../jobs/startJob.js";
import type { JobEvents } from "../jobs/events.js";
import type { ProviderRegistry } from "../providers/registry.js";
import type { Logger } from "../logger.js";
import type { AuditLog } from "../moderation/auditLog.js";
import type { RequestGate } from "../moderation/requestGate.js";
import type { QuotaService } from "../quota/quotaService.js";
import type { GuildSettingsStore } from "../settings/guildSettings.js";
import type { ReadHead } from "../requests/validateGenerate.js";
import type { CustomIdAction } from "./customId.js";
import type { GuildLanguages } from "./i18n/guildLanguages.js";
import type { DiscordPresenter } from "./presenter.js";
import type { AnswerQueue } from "./responder.js";

/** What handlers may use; passed in, never imported as globals. */
export interface BotContext {
	engine: JobEngine;
	/** What `startJob` needs; every way of starting a job passes this. */
	start: StartJobDeps;
	store: JobStore;
	registry: ProviderRegistry;
	events: JobEvents;
	index: JobIndex;
	presenter: DiscordPresenter;
	gate: RequestGate;
	quota: QuotaService;
	settings: GuildSettingsStore;
	audit: AuditLog;
	admin: GuildAdmin;
	/** The language of each server's public messages. */
	languages: GuildLanguages;
	/** Interactions still waiting for their first answer: a burst answers cheaply first. */
	answers: AnswerQueue;
	readHead: ReadHead;
	clock: Clock;
	logger: Logger;
}

/** A message context-menu command ("Apps" menu on a message). */
export interface MessageCommand {
	data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
	execute(interaction: MessageContextMenuCommandInteraction, context: BotContext): Promise<void>;
}

/** Handlers for the bot's persistent buttons and modals, by the action in their custom id. */
export type ComponentHandlers = Partial<
	Record<
		CustomIdAction,
		(
			interaction: ButtonInteraction | ModalSubmitInteraction,
			context: BotContext,
			jobId: string,
		) => Promise<void>
	>
>;

/** A top-level slash command: its definition as data and a thin handler. */
export interface Command {
	data: RESTPostAPIChatInputApplicationCommandsJSONBody;
	execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>;
	autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
}
