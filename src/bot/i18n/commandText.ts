import type { APIApplicationCommandOptionChoice, LocalizationMap } from "discord.js";
import type { MessageKey } from "./catalogue.js";
import { LANGUAGE_CODES, languageInfo } from "./languages.js";
import type { MessageParams } from "./message.js";
import { t } from "./translate.js";

/** A catalogue entry in every Discord locale of every shipped language. */
export function localized(key: MessageKey, params?: MessageParams): LocalizationMap {
	const map: LocalizationMap = {};
	for (const language of LANGUAGE_CODES) {
		const text = t(language, key, params);
		for (const locale of languageInfo(language).discordLocales) map[locale] = text;
	}
	return map;
}

/** Words that are the same in every language (a brand, a ratio such as 16:9). */
export function sameEverywhere(text: string): LocalizationMap {
	const map: LocalizationMap = {};
	for (const language of LANGUAGE_CODES)
		for (const locale of languageInfo(language).discordLocales) map[locale] = text;
	return map;
}

interface Nameable {
	setName(name: string): unknown;
	setNameLocalizations(names: LocalizationMap | null): unknown;
	setDescription(description: string): unknown;
	setDescriptionLocalizations(descriptions: LocalizationMap | null): unknown;
}

/** Names and describes a command, subcommand or option in English and in every shipped language. */
export function named<T extends Nameable>(
	builder: T,
	name: MessageKey | { fixed: string },
	description: MessageKey,
	params?: MessageParams,
): T {
	const english = typeof name === "string" ? t("en", name) : name.fixed;
	builder.setName(english);
	builder.setNameLocalizations(typeof name === "string" ? localized(name) : sameEverywhere(english));
	builder.setDescription(t("en", description, params));
	builder.setDescriptionLocalizations(localized(description, params));
	return builder;
}

export function choice(key: MessageKey, value: string): APIApplicationCommandOptionChoice<string> {
	return { name: t("en", key), name_localizations: localized(key), value };
}

/** A choice whose name is its value in every language (16:9, ray-2, 720p). */
export function fixedChoice(value: string): APIApplicationCommandOptionChoice<string> {
	return { name: value, name_localizations: sameEverywhere(value), value };
}
