import Keyv from "keyv";
import { describe, expect, it } from "vitest";
import { NO_LIMIT_SETTINGS } from "../support/noLimits.js";
import { GuildLanguages } from "../../src/bot/i18n/guildLanguages.js";
import { LANGUAGE_CODES } from "../../src/bot/i18n/languages.js";
import { GuildSettingsStore } from "../../src/settings/guildSettings.js";

const defaults = NO_LIMIT_SETTINGS;

function setup(cache: Record<string, string> = {}) {
	const keyv = new Keyv();
	const settings = new GuildSettingsStore({ keyv, defaults, languages: LANGUAGE_CODES });
	const languages = new GuildLanguages({ settings, discordLocaleOf: (guildId) => cache[guildId] });
	return { keyv, settings, languages };
}

describe("a server's language", () => {
	it("is the admin's choice, else the gateway's, else the last seen, else English", async () => {
		const cache: Record<string, string> = { g: "ja" };
		const { settings, languages } = setup(cache);
		expect(await languages.of("g")).toBe("ja");
		expect(await languages.of("other")).toBe("en");
		expect(await languages.of(null)).toBe("en");
		await settings.update("g", (s) => ({ ...s, language: "pt-BR" }));
		expect(await languages.of("g")).toBe("pt-BR");

		await languages.observe("seen", "es-419");
		expect(await languages.of("seen")).toBe("es-ES");
	});

	it("remembers the Discord language across a restart, writing only when it changes", async () => {
		const { keyv, languages } = setup();
		await languages.observe("g", "fr");
		await languages.observe("g", "fr");
		const restarted = new GuildLanguages({
			settings: new GuildSettingsStore({ keyv, defaults, languages: LANGUAGE_CODES }),
		});
		expect(await restarted.of("g")).toBe("fr");
		expect(((await keyv.get("g")) as { discordLocale?: string }).discordLocale).toBe("fr");
	});

	it("drops a stored language the bot does not ship", async () => {
		const { keyv, settings } = setup();
		await keyv.set("g", { language: "tlh" });
		expect((await settings.get("g")).language).toBeUndefined();
	});
});
