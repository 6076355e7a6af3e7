import { createHash } from "node:crypto";
import type { REST } from "@discordjs/rest";
import { type RESTPostAPIApplicationCommandsJSONBody, Routes } from "discord.js";
import type Keyv from "keyv";
import type { Logger } from "../logger.js";

export interface RegisterOptions {
	rest: REST;
	applicationId: string;
	/** Register to this guild only (instant, for testing); otherwise globally. */
	guildId?: string;
	commands: readonly RESTPostAPIApplicationCommandsJSONBody[];
	/** Remembers what was last registered, so unchanged definitions are not sent on every start. */
	meta: Keyv<string>;
	force?: boolean;
	logger: Logger;
}

export function commandsHash(commands: readonly RESTPostAPIApplicationCommandsJSONBody[]): string {
	return createHash("sha256").update(JSON.stringify(commands)).digest("hex");
}

/**
 * Bulk-overwrites the command list when it differs from the last registration. Discord limits
 * command creates per day, so a plain restart must not re-register.
 */
export async function registerCommands(options: RegisterOptions): Promise<"registered" | "unchanged"> {
	const scope = options.guildId ? `guild:${options.guildId}` : "global";
	const key = `commands:${options.applicationId}:${scope}`;
	const hash = commandsHash(options.commands);
	if (!options.force && (await options.meta.get(key)) === hash) {
		options.logger.debug({ scope }, "commands unchanged");
		return "unchanged";
	}
	const route = options.guildId
		? Routes.applicationGuildCommands(options.applicationId, options.guildId)
		: Routes.applicationCommands(options.applicationId);
	await options.rest.put(route, { body: options.commands });
	await options.meta.set(key, hash);
	options.logger.info({ scope, count: options.commands.length }, "commands registered");
	return "registered";
}

/** The application id from the API, for when DISCORD_APPLICATION_ID is not set. */
export async function fetchApplicationId(rest: REST): Promise<string> {
	const application = (await rest.get(Routes.currentApplication())) as { id: string };
	return application.id;
}
