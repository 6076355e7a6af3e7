import type {
	AutocompleteInteraction,
	ChatInputCommandInteraction,
	RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { JobService } from "../jobs/jobService.js";
import type { Logger } from "../logger.js";
import type { ReadHead } from "../requests/validateGenerate.js";

/** What command handlers may use; passed in, never imported as globals. */
export interface BotContext {
	jobs: JobService;
	readHead: ReadHead;
	logger: Logger;
}

/** A top-level slash command: its definition as data and a thin handler. */
export interface Command {
	data: RESTPostAPIChatInputApplicationCommandsJSONBody;
	execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>;
	autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
}
