import type { GuildSettingsStore } from "../../settings/guildSettings.js";
import { FALLBACK_LANGUAGE, type Language, languageOf } from "./languages.js";
import { type Translator, translator } from "./translate.js";

/**
 * The language of a server's public messages: the one an admin chose, else the server's own
 * Discord language. Asked each time a message is drawn, so a job shows in the server's language
 * of the moment, not the one of its request.
 */
export class GuildLanguages {
	readonly #settings: GuildSettingsStore;
	readonly #discordLocaleOf: (guildId: string) => string | undefined;
	/** What this process has already seen or written, so a burst of interactions writes once. */
	readonly #seen = new Map<string, string>();

	constructor(deps: {
		settings: GuildSettingsStore;
		/** The server's preferred locale from the gateway's guild cache, when it is there. */
		discordLocaleOf?: (guildId: string) => string | undefined;
	}) {
		this.#settings = deps.settings;
		this.#discordLocaleOf = deps.discordLocaleOf ?? (() => undefined);
	}

	async of(guildId: string | null): Promise<Language> {
		if (!guildId) return FALLBACK_LANGUAGE;
		const settings = await this.#settings.get(guildId);
		if (settings.language) return languageOf(settings.language);
		return languageOf(this.#discordLocaleOf(guildId) ?? settings.discordLocale);
	}

	async translator(guildId: string | null): Promise<Translator> {
		return translator(await this.of(guildId));
	}

	/**
	 * Remembers the server's Discord language from an interaction's `guild_locale`. Outcomes can be
	 * shown after a restart before the gateway has sent the guild, and must not fall back to English
	 * then; the record is written only when the language changes.
	 */
	async observe(guildId: string | null, locale: string | null | undefined): Promise<void> {
		if (!guildId || !locale || this.#seen.get(guildId) === locale) return;
		this.#seen.set(guildId, locale);
		const settings = await this.#settings.get(guildId);
		if (settings.discordLocale === locale) return;
		await this.#settings.update(guildId, (current) => ({ ...current, discordLocale: locale }));
	}
}
