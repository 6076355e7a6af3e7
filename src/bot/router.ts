import {
	DiscordjsErrorCodes,
	DiscordjsTypeError,
	type Interaction,
	type RepliableInteraction,
} from "discord.js";
import { UserError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { BotContext, Command, ComponentHandlers, MessageCommand } from "./command.js";
import { decodeCustomId } from "./customId.js";
import { discordCode } from "./discordErrors.js";
import { memberWords } from "./i18n/memberWords.js";
import { malformedOption } from "./malformedOptions.js";
import { t } from "./i18n/translate.js";
import { replyPrivately } from "./responder.js";
import { refusalText } from "./views/failureText.js";

/** The generic answer to an unexpected error, in English (members get it in their language). */
export const GENERIC_ERROR = t("en", "error.generic");

/** discord.js reading an option the command, as registered, would always have sent. */
const COMMAND_SHAPE_ERRORS: ReadonlySet<string> = new Set([
	DiscordjsErrorCodes.CommandInteractionOptionNotFound,
	DiscordjsErrorCodes.CommandInteractionOptionType,
	DiscordjsErrorCodes.CommandInteractionOptionEmpty,
	DiscordjsErrorCodes.CommandInteractionOptionNoSubcommand,
	DiscordjsErrorCodes.CommandInteractionOptionNoSubcommandGroup,
	DiscordjsErrorCodes.AutocompleteInteractionOptionNoFocusedOption,
]);

/** discord.js reading a field the bot's own form always has. */
const FORM_SHAPE_ERRORS: ReadonlySet<string> = new Set([
	DiscordjsErrorCodes.ModalSubmitInteractionFieldNotFound,
	DiscordjsErrorCodes.ModalSubmitInteractionFieldType,
	DiscordjsErrorCodes.ModalSubmitInteractionFieldEmpty,
	DiscordjsErrorCodes.ModalSubmitInteractionFieldInvalidChannelType,
]);

/**
 * A command or form that does not have the shape the bot registered or showed (an older
 * registration, a forged payload) is refused like any other request, not treated as a fault.
 */
function asMalformed(error: unknown): UserError | undefined {
	if (!(error instanceof DiscordjsTypeError)) return undefined;
	if (COMMAND_SHAPE_ERRORS.has(error.code)) return new UserError("command_gone");
	if (FORM_SHAPE_ERRORS.has(error.code)) return new UserError("form_gone");
	return undefined;
}

/** How long Discord accepts answers to an interaction: a delivery after that cannot matter. */
const INTERACTION_LIFETIME_MS = 15 * 60 * 1000;
/** Discord's code for an answer to an interaction that already has its first answer. */
const ALREADY_ACKNOWLEDGED = 40060;

/**
 * The one entry for interactions and the one error boundary: a `UserError` is answered with its
 * code worded in the member's language, anything else is logged with context and answered with a
 * generic sentence.
 */
export class InteractionRouter {
	readonly #commands: Map<string, Command>;
	readonly #messageCommands: Map<string, MessageCommand>;
	readonly #components: ComponentHandlers;
	readonly #context: BotContext;
	readonly #logger: Logger;
	readonly #inFlight = new Set<Promise<void>>();
	/** Interaction ids handled in the last 15 minutes, oldest first, with when they arrived. */
	readonly #seen = new Map<string, number>();
	#closing = false;
	readonly #onTaken: ((interactionId: string) => void) | undefined;

	constructor(deps: {
		commands: readonly Command[];
		messageCommands?: readonly MessageCommand[];
		components?: ComponentHandlers;
		context: BotContext;
		logger: Logger;
		/** Told of each interaction taken in to be answered (a repeated delivery is not). */
		onTaken?: (interactionId: string) => void;
	}) {
		this.#onTaken = deps.onTaken;
		this.#commands = new Map(deps.commands.map((command) => [command.data.name, command]));
		this.#messageCommands = new Map(
			(deps.messageCommands ?? []).map((command) => [command.data.name, command]),
		);
		this.#components = deps.components ?? {};
		this.#context = deps.context;
		this.#logger = deps.logger;
	}

	handle(interaction: Interaction): Promise<void> {
		if (this.#deliveredBefore(interaction.id)) {
			this.#logger.info({ interactionId: interaction.id }, "interaction delivered again");
			return Promise.resolve();
		}
		this.#onTaken?.(interaction.id);
		const task = this.#route(interaction).finally(() => this.#inFlight.delete(task));
		this.#inFlight.add(task);
		return task;
	}

	/**
	 * Remembers an interaction id, and whether it was seen already. A gateway may deliver an event
	 * twice (a reconnect); the first delivery was answered, and Discord takes one first answer per
	 * interaction, so a repeat is dropped unanswered. Across processes and restarts the same rule
	 * holds without this memory: every request that costs anything answers first (a pending
	 * message or a private "thinking…") and starts nothing when that answer is refused.
	 */
	#deliveredBefore(id: string): boolean {
		const now = this.#context.clock();
		for (const [seenId, at] of this.#seen) {
			if (now - at < INTERACTION_LIFETIME_MS) break;
			this.#seen.delete(seenId);
		}
		if (this.#seen.has(id)) return true;
		this.#seen.set(id, now);
		return false;
	}

	/** Refuses new interactions and waits for the ones being handled. */
	async close(): Promise<void> {
		this.#closing = true;
		await Promise.allSettled([...this.#inFlight]);
	}

	async #route(interaction: Interaction): Promise<void> {
		const context = {
			interactionId: interaction.id,
			userId: interaction.user.id,
			guildId: interaction.guildId,
			command: "commandName" in interaction ? interaction.commandName : undefined,
			customId: "customId" in interaction ? interaction.customId : undefined,
		};
		try {
			await this.#dispatch(interaction, context);
		} finally {
			// After the answer, so the first request of a server never waits on this write; within
			// the handling, so a shutdown finds it done.
			await this.#context.languages
				.observe(interaction.guildId, "guildLocale" in interaction ? interaction.guildLocale : null)
				.catch((error: unknown) => {
					this.#logger.warn({ ...context, err: error }, "could not remember the server's language");
				});
		}
	}

	async #dispatch(interaction: Interaction, context: Record<string, unknown>): Promise<void> {
		try {
			if (interaction.isAutocomplete()) {
				const command = this.#commands.get(interaction.commandName);
				if (this.#closing || !command?.autocomplete) await interaction.respond([]);
				else await command.autocomplete(interaction, this.#context);
				return;
			}
			if (!interaction.isRepliable()) return;
			if (this.#closing) {
				await replyPrivately(interaction, memberWords(interaction)("error.shutting_down"));
				return;
			}
			if (interaction.isChatInputCommand()) {
				const command = this.#commands.get(interaction.commandName);
				if (!command) throw new UserError("command_gone");
				const malformed = malformedOption(interaction.options.data, command.data.options);
				if (malformed !== undefined) {
					this.#logger.info({ ...context, option: malformed }, "command with a malformed option refused");
					throw new UserError("command_gone");
				}
				this.#logger.debug(context, "command received");
				await command.execute(interaction, this.#context);
			} else if (interaction.isMessageContextMenuCommand()) {
				const command = this.#messageCommands.get(interaction.commandName);
				if (!command) throw new UserError("command_gone");
				await command.execute(interaction, this.#context);
			} else if (interaction.isButton() || interaction.isModalSubmit()) {
				const id = decodeCustomId(interaction.customId);
				const handler = id && this.#components[id.action];
				if (!id || !handler) throw new UserError("control_gone");
				await handler(interaction, this.#context, id.jobId);
			} else if (interaction.isMessageComponent()) {
				// The bot shows buttons only: a select menu (or any other control) is not one of its own.
				throw new UserError("control_gone");
			} else {
				// A command type the bot never registered (a user menu, say).
				throw new UserError("command_gone");
			}
		} catch (error) {
			await this.#answerError(interaction, error, context);
		}
	}

	async #answerError(
		interaction: Interaction,
		error: unknown,
		context: Record<string, unknown>,
	): Promise<void> {
		if (
			discordCode(error) === ALREADY_ACKNOWLEDGED &&
			interaction.isRepliable() &&
			!interaction.deferred &&
			!interaction.replied
		) {
			// Its first answer was refused as a second one: this delivery repeats one another process
			// (or this one, before a restart) already answered, and it started nothing.
			this.#logger.info(context, "interaction delivered again");
			return;
		}
		const malformed = asMalformed(error);
		if (malformed) this.#logger.info({ ...context, err: error }, "malformed interaction refused");
		const refusal = malformed ?? (error instanceof UserError ? error : undefined);
		if (!refusal) this.#logger.error({ ...context, err: error }, "interaction failed");
		if (interaction.isAutocomplete()) {
			// Suggestions are all an autocomplete can be answered with: none, then.
			if (!interaction.responded)
				await interaction.respond([]).catch((respondError: unknown) => {
					this.#logger.warn({ ...context, err: respondError }, "could not answer an autocomplete");
				});
			return;
		}
		if (!interaction.isRepliable()) return;
		const t = memberWords(interaction);
		const text = refusal
			? refusalText(t, { code: refusal.code, ...(refusal.params && { params: refusal.params }) })
			: t("error.generic");
		try {
			await replyPrivately(interaction as RepliableInteraction, text);
		} catch (replyError) {
			this.#logger.warn({ ...context, err: replyError }, "could not tell the user about an error");
		}
	}
}
