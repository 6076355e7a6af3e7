import { de } from "./locales/de.js";
import { en } from "./locales/en.js";
import { esES } from "./locales/es-ES.js";
import { fr } from "./locales/fr.js";
import { ja } from "./locales/ja.js";
import { ptBR } from "./locales/pt-BR.js";
import type { Language } from "./languages.js";
import type { Message } from "./message.js";

export type MessageKey = keyof typeof en;
/** What a language file must hold: every English key, and nothing else. */
export type Catalogue = Readonly<Record<MessageKey, Message>>;

/** One entry per shipped language (see languages.ts); a new language adds its file here. */
export const CATALOGUES: Readonly<Record<Language, Catalogue>> = {
	en,
	de,
	fr,
	"es-ES": esES,
	"pt-BR": ptBR,
	ja,
};

export function isMessageKey(key: string): key is MessageKey {
	return Object.hasOwn(en, key);
}
