import { readdirSync } from "node:fs";
import type { LanguageInfo } from "./languageInfo.js";
import * as en from "./locales/en.js";
import type { Message } from "./message.js";

export type MessageKey = keyof typeof en.messages;
/** What a language file's `messages` must hold: every English key, and nothing else. */
export type Catalogue = Readonly<Record<MessageKey, Message>>;

/** A catalogue's code, as its file's `language.code` says: `en`, `de`, `es-ES`. */
export type Language = string;

/** One file of locales/: what the language says about itself, and its sentences. */
export interface LocaleFile {
	language: LanguageInfo;
	messages: Catalogue;
}

const LOCALES = new URL("./locales/", import.meta.url);
/** A language file as it lies beside this one: compiled (`de.js`), or the source in tests (`de.ts`). */
const LOCALE_FILE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*\.(js|ts)$/;

/**
 * Every language file in locales/, English first. Adding a language is adding its file there (a
 * copy of en.ts with its own `language` and sentences; its `satisfies Catalogue` makes the
 * compiler check it against English's keys). Nothing lists the files, so nothing else changes.
 */
export const LOCALE_FILES: readonly LocaleFile[] = [
	en,
	...(await Promise.all(
		readdirSync(LOCALES)
			.filter((name) => LOCALE_FILE.test(name) && !name.startsWith("en."))
			.sort()
			.map(async (name) => (await import(new URL(name, LOCALES).href)) as LocaleFile),
	)),
];

const BY_CODE = new Map(LOCALE_FILES.map((file) => [file.language.code, file]));

/** The file of a shipped language, English's for any other code. */
export function localeFile(language: Language): LocaleFile {
	return BY_CODE.get(language) ?? en;
}

export function isMessageKey(key: string): key is MessageKey {
	return Object.hasOwn(en.messages, key);
}
