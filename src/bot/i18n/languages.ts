import type { LocaleString } from "discord.js";

/**
 * The languages the bot speaks, as catalogue codes, and the Discord locales each one answers.
 * Discord has one French and one German but two Spanish and two English locales; Latin-American
 * Spanish reads the Spain catalogue rather than falling back to English.
 */
export const LANGUAGES = {
	en: { name: "English", discordLocales: ["en-US", "en-GB"] },
	de: { name: "Deutsch", discordLocales: ["de"] },
	fr: { name: "Français", discordLocales: ["fr"] },
	"es-ES": { name: "Español (España)", discordLocales: ["es-ES", "es-419"] },
	"pt-BR": { name: "Português (Brasil)", discordLocales: ["pt-BR"] },
	ja: { name: "日本語", discordLocales: ["ja"] },
} as const satisfies Record<string, { name: string; discordLocales: readonly LocaleString[] }>;

export type Language = keyof typeof LANGUAGES;
export const LANGUAGE_CODES = Object.keys(LANGUAGES) as Language[];
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
