import { isMessageKey, localeFile, type MessageKey } from "./catalogue.js";
import { FALLBACK_LANGUAGE, type Language } from "./languages.js";
import { fill, type MessageParams } from "./message.js";

/** Intl wants a BCP 47 tag; the catalogue codes already are one. */
export function t(language: Language, key: MessageKey, params?: MessageParams): string {
	const message = localeFile(language).messages[key] ?? localeFile(FALLBACK_LANGUAGE).messages[key];
	return fill(language, message, params);
}

/**
 * A key made from a code (`refusal.<code>`); codes come from stored records and providers, so
 * one without words yet gets `fallback` rather than a raw key.
 */
export function tCode(
	language: Language,
	prefix: string,
	code: string,
	fallback: MessageKey,
	params?: MessageParams,
): string {
	const key = `${prefix}.${code}`;
	return t(language, isMessageKey(key) ? key : fallback, params);
}

/** Words in one language: what views are handed, so they never choose the language themselves. */
export interface Translator {
	readonly language: Language;
	(key: MessageKey, params?: MessageParams): string;
	code(prefix: string, code: string, fallback: MessageKey, params?: MessageParams): string;
	number(value: number, options?: Intl.NumberFormatOptions): string;
}

export function translator(language: Language): Translator {
	const words = (key: MessageKey, params?: MessageParams) => t(language, key, params);
	return Object.assign(words, {
		language,
		code: (prefix: string, code: string, fallback: MessageKey, params?: MessageParams) =>
			tCode(language, prefix, code, fallback, params),
		number: (value: number, options?: Intl.NumberFormatOptions) =>
			new Intl.NumberFormat(language, options).format(value),
	});
}
