import { type Language, LOCALE_FILES, localeFile } from "./catalogue.js";
import type { LanguageInfo } from "./languageInfo.js";

export type { Language } from "./catalogue.js";

/**
 * The languages the bot speaks, by catalogue code, with the Discord locales each one answers.
 * Discord has one French and one German but two Spanish and two English locales; Latin-American
 * Spanish reads the Spain catalogue rather than falling back to English.
 */
export const LANGUAGE_CODES: readonly Language[] = LOCALE_FILES.map(({ language }) => language.code);
export const FALLBACK_LANGUAGE: Language = "en";

/** What a shipped language says about itself (English's, for a code the bot does not ship). */
export function languageInfo(code: Language): LanguageInfo {
	return localeFile(code).language;
}

export function isLanguage(value: unknown): boolean {
	return typeof value === "string" && LANGUAGE_CODES.includes(value);
}

const BY_DISCORD_LOCALE = new Map<string, Language>(
	LANGUAGE_CODES.flatMap((language) =>
		languageInfo(language).discordLocales.map((locale) => [locale.toLowerCase(), language] as const),
	),
);

/**
 * The catalogue for a Discord locale (`fr`, `es-419`, `en-GB`), or a catalogue code itself; a
 * region Discord may add later (`fr-CA`) reads its language's catalogue, anything else English.
 */
export function languageOf(locale: string | null | undefined): Language {
	if (!locale) return FALLBACK_LANGUAGE;
	if (isLanguage(locale)) return locale;
	const lower = locale.toLowerCase();
	const exact = BY_DISCORD_LOCALE.get(lower);
	if (exact) return exact;
	const base = lower.split("-")[0] ?? "";
	const sameLanguage = LANGUAGE_CODES.find((language) => language.toLowerCase().split("-")[0] === base);
	return sameLanguage ?? FALLBACK_LANGUAGE;
}
