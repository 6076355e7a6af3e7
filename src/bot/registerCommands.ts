import { createHash } from "node:crypto";
import type { REST } from "@discordjs/rest";
import { type RESTPostAPIApplicationCommandsJSONBody, Routes } from "discord.js";
import type Keyv from "keyv";
import type { Logger } from "../logger.js";
import { discordCode } from "./discordErrors.js";

export interface RegisterOptions {
	rest: REST;
	applicationId: string;
	/**
	 * Register to this guild only (instant, for testing), and remove the bot's global commands;
	 * otherwise globally, removing the commands of the guild the last guild-scoped run used.
	 */
	guildId?: string;
	commands: readonly RESTPostAPIApplicationCommandsJSONBody[];
	/** Remembers what was last registered, and where, so unchanged definitions are not sent on every start. */
	meta: Keyv<string>;
	force?: boolean;
	logger: Logger;
}

type Scope = { guildId?: string | undefined };

export function commandsHash(commands: readonly RESTPostAPIApplicationCommandsJSONBody[]): string {
	return createHash("sha256").update(JSON.stringify(commands)).digest("hex");
}

const scopeName = ({ guildId }: Scope) => (guildId ? `guild:${guildId}` : "global");
const hashKey = (applicationId: string, scope: Scope) => `commands:${applicationId}:${scopeName(scope)}`;
/** The guild whose commands the bot registered last, so a global run can remove them. */
const guildKey = (applicationId: string) => `commands:${applicationId}:guild`;
const routeOf = (applicationId: string, { guildId }: Scope) =>
	guildId
		? Routes.applicationGuildCommands(applicationId, guildId)
		: Routes.applicationCommands(applicationId);

/** Unknown Guild and Missing Access: the bot is no longer in that guild, so nothing of it is left there. */
const GONE_FROM_GUILD: ReadonlySet<number | undefined> = new Set([10004, 50001]);

/**
 * Bulk-overwrites the command list when it differs from the last registration (Discord limits
 * command creates per day, so a plain restart must not re-register), then removes the other
 * scope's commands, so a guild never shows each command twice after `DISCORD_GUILD_ID` is set
 * or unset: with a guild, the bot's global commands (and those of a guild used before); without
 * one, the commands of the guild the last guild-scoped run registered in (kept in `meta`).
 */
export async function registerCommands(options: RegisterOptions): Promise<"registered" | "unchanged"> {
	const { applicationId, meta, logger } = options;
	const scope: Scope = { guildId: options.guildId };
	const key = hashKey(applicationId, scope);
	const hash = commandsHash(options.commands);
	let outcome: "registered" | "unchanged" = "unchanged";
	if (!options.force && (await meta.get(key)) === hash) {
		logger.debug({ scope: scopeName(scope) }, "commands unchanged");
	} else {
		await options.rest.put(routeOf(applicationId, scope), { body: options.commands });
		await meta.set(key, hash);
		logger.info({ scope: scopeName(scope), count: options.commands.length }, "commands registered");
		outcome = "registered";
	}

	const lastGuild = await meta.get(guildKey(applicationId));
	// Removing the other scope's commands is tidying up: a failure is logged and retried next start.
	try {
		if (options.guildId) {
			if (lastGuild && lastGuild !== options.guildId) await clearGuild(options, lastGuild);
			await meta.set(guildKey(applicationId), options.guildId);
			// Read first: a start in guild mode usually finds no global commands and sends nothing.
			const global = (await options.rest.get(routeOf(applicationId, {}))) as unknown[];
			if (global.length > 0) await clearScope(options, {});
		} else if (lastGuild) {
			await clearGuild(options, lastGuild);
		}
	} catch (error) {
		logger.warn({ err: error }, "removing the other scope's commands failed; the next start tries again");
	}
	return outcome;
}

/** Removes every command of the bot in one scope and forgets its registration. */
async function clearScope(options: Omit<RegisterOptions, "commands">, scope: Scope): Promise<void> {
	await options.rest.put(routeOf(options.applicationId, scope), { body: [] });
	await options.meta.delete(hashKey(options.applicationId, scope));
	options.logger.info({ scope: scopeName(scope) }, "commands removed");
}

/** Clears a guild the bot registered in before; a guild the bot has left has nothing to clear. */
async function clearGuild(options: Omit<RegisterOptions, "commands">, guildId: string): Promise<void> {
	try {
		await clearScope(options, { guildId });
	} catch (error) {
		if (!GONE_FROM_GUILD.has(discordCode(error))) throw error;
		await options.meta.delete(hashKey(options.applicationId, { guildId }));
		options.logger.info({ scope: scopeName({ guildId }) }, "the bot is no longer in that guild");
	}
	if ((await options.meta.get(guildKey(options.applicationId))) === guildId)
		await options.meta.delete(guildKey(options.applicationId));
}

/**
 * `deploy-commands --clear`: removes the bot's commands globally and in `guildIds` plus the guild
 * remembered from the last guild-scoped run. Returns the scopes cleared.
 */
export async function clearCommands(options: {
	rest: REST;
	applicationId: string;
	guildIds: readonly string[];
	meta: Keyv<string>;
	logger: Logger;
}): Promise<string[]> {
	const remembered = await options.meta.get(guildKey(options.applicationId));
	const guilds = [...new Set([...options.guildIds, ...(remembered ? [remembered] : [])])];
	await clearScope(options, {});
	for (const guildId of guilds) await clearGuild(options, guildId);
	return ["global", ...guilds.map((guildId) => scopeName({ guildId }))];
}

/** The application id from the API, for when DISCORD_APPLICATION_ID is not set. */
export async function fetchApplicationId(rest: REST): Promise<string> {
	const application = (await rest.get(Routes.currentApplication())) as { id: string };
	return application.id;
}
