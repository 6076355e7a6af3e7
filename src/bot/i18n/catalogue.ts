import * as de from "./locales/de.js";
import * as en from "./locales/en.js";
import * as esES from "./locales/es-ES.js";
import * as fr from "./locales/fr.js";
import * as ja from "./locales/ja.js";
import * as ptBR from "./locales/pt-BR.js";
import type { Message } from "./message.js";

export type MessageKey = keyof typeof en.messages;
/** What a language file's `messages` must hold: every English key, and nothing else. */
export type Catalogue = Readonly<Record<MessageKey, Message>>;

/**
 * Every shipped language file. Adding a language is adding its file under locales/ (a copy of
 * en.ts with its `language` and sentences) and naming it here; the rest follows from this list.
 */
export const LOCALE_FILES = [en, de, fr, esES, ptBR, ja] as const;

export type Language = (typeof LOCALE_FILES)[number]["language"]["code"];

export const CATALOGUES = Object.fromEntries(
	LOCALE_FILES.map((file) => [file.language.code, file.messages]),
) as Readonly<Record<Language, Catalogue>>;

export function isMessageKey(key: string): key is MessageKey {
	return Object.hasOwn(en.messages, key);
}
