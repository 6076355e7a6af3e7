import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { localeFile, type MessageKey } from "../../src/bot/i18n/catalogue.js";
import { messages as en } from "../../src/bot/i18n/locales/en.js";
import { LANGUAGE_CODES, languageInfo, languageOf } from "../../src/bot/i18n/languages.js";
import { placeholders } from "../../src/bot/i18n/message.js";
import { t, translator } from "../../src/bot/i18n/translate.js";
import { failureText, refusalText } from "../../src/bot/views/failureText.js";
import { PROVIDER_ERROR_CODES } from "../../src/errors.js";

const root = join(import.meta.dirname, "..", "..");

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
	});
}

/** The bot's own code, without the catalogues themselves. */
const code = [...sources(join(root, "src")), ...sources(join(root, "commands"))]
	// zod's issue codes (env.ts) are not the bot's.
	.filter((file) => !file.endsWith("env.ts"))
	.filter((file) => !file.includes(join("i18n", "locales")))
	.map((file) => readFileSync(file, "utf8"))
	.join("\n");

/** Every code the source hands to a view: refusals, job failures and admin phrases. */
const writtenCodes = new Set(
	[
		...code.matchAll(/\bcode: "([a-zA-Z_]+)"/g),
		...code.matchAll(/new (?:UserError|AccessError)\("([a-z_]+)"/g),
	].map((match) => match[1]!),
);

const keys = Object.keys(en) as MessageKey[];
const en_ = translator("en");

describe("catalogues", () => {
	it("every language has every key, with the same placeholders, and nothing else", () => {
		for (const language of LANGUAGE_CODES) {
			const catalogue = localeFile(language).messages;
			expect(Object.keys(catalogue).sort(), language).toEqual([...keys].sort());
			for (const key of keys) {
				const message = catalogue[key];
				expect([...placeholders(message)].sort(), `${language} ${key}`).toEqual(
					[...placeholders(en[key])].sort(),
				);
				if (typeof message !== "string") expect(message.other, `${language} ${key}`).toBeTruthy();
			}
		}
	});

	it("every entry is used: by its key, or by a code the source writes under a prefix it words", () => {
		const dynamicPrefixes = new Set(
			[...code.matchAll(/`([a-z]+)\.\$\{|\.code\("([a-z]+)"/g)].map((match) => match[1] ?? match[2]!),
		);
		const unused = keys.filter((key) => {
			if (code.includes(`"${key}"`)) return false;
			const dot = key.indexOf(".");
			const [prefix, rest] = [key.slice(0, dot), key.slice(dot + 1)];
			return !(dynamicPrefixes.has(prefix) && code.includes(`"${rest}"`));
		});
		expect(unused).toEqual([]);
	});

	it("every code the source writes has words", () => {
		expect(writtenCodes.size).toBeGreaterThan(60);
		const worded = (c: string) =>
			[`failure.${c}`, `refusal.${c}`, `admin.${c}`].some((key) => Object.hasOwn(en, key));
		expect([...writtenCodes].filter((written) => !worded(written))).toEqual([]);
		for (const failure of PROVIDER_ERROR_CODES) expect(en, failure).toHaveProperty(`failure.${failure}`);
	});

	it("command names follow Discord's rules in every language", () => {
		const name = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
		for (const language of LANGUAGE_CODES)
			for (const key of keys.filter((k) => k.startsWith("cmd.") && k.endsWith(".name"))) {
				const text = t(language, key);
				// The context menu's name is the one exception: it may have spaces and capitals.
				if (key === "cmd.extend_video.name") expect([...text].length).toBeLessThanOrEqual(32);
				else {
					expect(text, `${language} ${key}`).toMatch(name);
					expect(text, `${language} ${key}`).toBe(text.toLowerCase());
				}
			}
	});
});

describe("languages", () => {
	it("each language file names its own code and Discord locales, none shared", () => {
		const locales = LANGUAGE_CODES.flatMap((code) => [...languageInfo(code).discordLocales]);
		expect(new Set(locales).size).toBe(locales.length);
		expect(new Set(LANGUAGE_CODES).size).toBe(LANGUAGE_CODES.length);
		// Every file in locales/ is a language, named by its code: adding one is adding its file.
		const files = readdirSync(new URL("../../src/bot/i18n/locales/", import.meta.url))
			.filter((name) => name.endsWith(".ts"))
			.map((name) => name.slice(0, -".ts".length));
		expect([...LANGUAGE_CODES].sort()).toEqual(files.sort());
		expect(LANGUAGE_CODES).toEqual(["en", "de", "es-ES", "fr", "ja", "pt-BR"]);
	});

	it("maps Discord's locales to catalogues, English for anything else", () => {
		expect(languageOf("fr")).toBe("fr");
		expect(languageOf("fr-FR")).toBe("fr");
		expect(languageOf("es-ES")).toBe("es-ES");
		expect(languageOf("es-419")).toBe("es-ES");
		expect(languageOf("pt-BR")).toBe("pt-BR");
		expect(languageOf("ja")).toBe("ja");
		expect(languageOf("de")).toBe("de");
		expect(languageOf("en-US")).toBe("en");
		expect(languageOf("en-GB")).toBe("en");
		expect(languageOf("zh-CN")).toBe("en");
		expect(languageOf("tlh")).toBe("en");
		expect(languageOf(undefined)).toBe("en");
	});

	it("chooses plural forms and formats numbers for the language", () => {
		expect(t("en", "admin.usage_today", { count: 1, resets: "x" })).toBe("**Today:** 1 video (resets x)");
		expect(t("en", "admin.usage_today", { count: 1200, resets: "x" })).toBe(
			"**Today:** 1,200 videos (resets x)",
		);
		expect(t("de", "admin.usage_today", { count: 1200, resets: "x" })).toContain("1.200");
		expect(t("fr", "admin.usage_today", { count: 1200, resets: "x" })).toMatch(/1\s200/);
	});
});

describe("words for codes", () => {
	it("fills parameters, never shows raw provider text, and keeps old records readable", () => {
		expect(failureText(en_, { code: "timeout_waiting", params: { minutes: 20 } })).toMatch(
			/within 20 minutes/,
		);
		expect(failureText(en_, { code: "provider_not_configured", params: { provider: "luma" } })).toMatch(
			/Luma Dream Machine, which this bot no longer uses/,
		);
		expect(failureText(en_, { code: "forbidden", message: "old text" })).toMatch(/moderation/);
		expect(failureText(en_, { code: "something_old", message: "An older record's sentence." })).toBe(
			"An older record's sentence.",
		);
		expect(
			refusalText(en_, {
				code: "unsupported_option",
				params: { provider: "302ai", option: "aspect_ratio", value: "21:9" },
			}),
		).toBe(
			"302.AI, the video provider this bot uses, does not support a choice of aspect ratio (21:9). Run the command again without it.",
		);
		expect(
			refusalText(en_, {
				code: "frame_too_large",
				params: { frame: "start", size: 12 * 1024 * 1024, max: 10 * 1024 * 1024 },
			}),
		).toBe("The start frame is 12.0 MB; frames can be at most 10.0 MB. Attach a smaller image.");
	});

	it("words the same codes in the member's language", () => {
		const de = translator("de");
		expect(refusalText(de, { code: "delete_gone" })).not.toBe(refusalText(en_, { code: "delete_gone" }));
		expect(failureText(translator("ja"), { code: "moderated" })).toBe(t("ja", "failure.moderated"));
	});
});
