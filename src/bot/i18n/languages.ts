import { type Language, LOCALE_FILES } from "./catalogue.js";

export type { Language } from "./catalogue.js";

/**
 * The languages the bot speaks, by catalogue code, with the Discord locales each one answers.
 * Discord has one French and one German but two Spanish and two English locales; Latin-American
 * Spanish reads the Spain catalogue rather than falling back to English.
 */
export const LANGUAGES = Object.fromEntries(
	LOCALE_FILES.map(({ language }) => [language.code, language]),
) as Readonly<Record<Language, (typeof LOCALE_FILES)[number]["language"]>>;

export const LANGUAGE_CODES: readonly Language[] = LOCALE_FILES.map(({ language }) => language.code);
export const FALLBACK_LANGUAGE: Language = "en";

export function isLanguage(value: unknown): value is Language {
	return typeof value === "string" && Object.hasOwn(LANGUAGES, value);
}

const BY_DISCORD_LOCALE = new Map<string, Language>(
	LANGUAGE_CODES.flatMap((language) =>
		LANGUAGES[language].discordLocales.map((locale) => [locale.toLowerCase(), language] as const),
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
