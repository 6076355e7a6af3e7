import {
	type APIApplicationCommandOption,
	ApplicationCommandOptionType,
	type CommandInteractionOption,
} from "discord.js";

type Definition = readonly APIApplicationCommandOption[] | undefined;

/** Whether an option's value has the shape its type promises (a reference type: that it was resolved). */
function valueFits(option: CommandInteractionOption): boolean {
	const { value } = option;
	switch (option.type) {
		case ApplicationCommandOptionType.String:
			return typeof value === "string";
		case ApplicationCommandOptionType.Integer:
			return Number.isSafeInteger(value);
		case ApplicationCommandOptionType.Number:
			return typeof value === "number" && Number.isFinite(value);
		case ApplicationCommandOptionType.Boolean:
			return typeof value === "boolean";
		case ApplicationCommandOptionType.User:
			return option.user !== undefined;
		case ApplicationCommandOptionType.Channel:
			return option.channel !== undefined && option.channel !== null;
		case ApplicationCommandOptionType.Role:
			return option.role !== undefined && option.role !== null;
		case ApplicationCommandOptionType.Mentionable:
			return option.user !== undefined || (option.role !== undefined && option.role !== null);
		case ApplicationCommandOptionType.Attachment:
			return option.attachment !== undefined;
		default:
			return false;
	}
}

/** Whether a number is inside the bounds the registered option sets. */
function withinBounds(value: unknown, definition: APIApplicationCommandOption | undefined): boolean {
	if (typeof value !== "number" || !definition) return true;
	const bounds = definition as { min_value?: number; max_value?: number };
	if (bounds.min_value !== undefined && value < bounds.min_value) return false;
	return bounds.max_value === undefined || value <= bounds.max_value;
}

/**
 * The name of the first option the registered command could not have sent, or undefined: a value
 * whose type does not match, a user, channel, role or file that Discord did not resolve, a number
 * outside the registered bounds, an option or subcommand of another type than registered. Options
 * the definition does not name are left to the command (an older registration may still send
 * them, and the checks against the provider name them in their refusal).
 */
export function malformedOption(
	options: readonly CommandInteractionOption[],
	definition: Definition,
): string | undefined {
	for (const option of options) {
		const registered = definition?.find((candidate) => candidate.name === option.name);
		if (registered && registered.type !== option.type) return option.name;
		if (
			option.type === ApplicationCommandOptionType.Subcommand ||
			option.type === ApplicationCommandOptionType.SubcommandGroup
		) {
			const inner = registered && "options" in registered ? registered.options : undefined;
			const found = malformedOption(option.options ?? [], inner as Definition);
			if (found !== undefined) return found;
			continue;
		}
		if (!valueFits(option) || !withinBounds(option.value, registered)) return option.name;
	}
	return undefined;
}
