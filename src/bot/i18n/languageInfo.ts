import type { LocaleString } from "discord.js";

/** What a language file says about itself besides its sentences. */
export interface LanguageInfo {
	/** The catalogue's code (a BCP 47 tag Intl understands): `de`, `es-ES`. */
	code: string;
	/** The language's name in itself, as the settings choice shows it. */
	name: string;
	/** The Discord locales that read this catalogue, and get its command names. */
	discordLocales: readonly LocaleString[];
}
