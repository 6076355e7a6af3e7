/**
 * One catalogue entry: a sentence with `{name}` placeholders, or plural forms chosen by the
 * `count` parameter with `Intl.PluralRules` (`=0` is the exact-zero form some sentences need).
 */
export type PluralMessage = {
	readonly "=0"?: string;
	readonly zero?: string;
	readonly one?: string;
	readonly two?: string;
	readonly few?: string;
	readonly many?: string;
	readonly other: string;
};
export type Message = string | PluralMessage;

/** Values a sentence is filled with; numbers are formatted for the language. */
export type MessageParams = Readonly<Record<string, string | number | undefined>>;

const PLACEHOLDER = /\{([a-zA-Z0-9_]+)\}/g;

/** Every placeholder name a message uses, across its plural forms. */
export function placeholders(message: Message): Set<string> {
	const texts = typeof message === "string" ? [message] : Object.values(message);
	return new Set(texts.flatMap((text) => [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!)));
}

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(cache: Map<string, T>, locale: string, make: () => T): T {
	let value = cache.get(locale);
	if (!value) cache.set(locale, (value = make()));
	return value;
}

export function formatNumber(locale: string, value: number): string {
	return cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(value);
}

/** Fills a message in `locale`; a missing parameter stays visible as `{name}` rather than vanishing. */
export function fill(locale: string, message: Message, params: MessageParams = {}): string {
	let text: string;
	if (typeof message === "string") text = message;
	else {
		const count = Number(params.count ?? 0);
		const category = cached(pluralRules, locale, () => new Intl.PluralRules(locale)).select(count);
		text = (count === 0 ? message["=0"] : undefined) ?? message[category] ?? message.other;
	}
	return text.replace(PLACEHOLDER, (whole, name: string) => {
		const value = params[name];
		if (value === undefined) return whole;
		return typeof value === "number" ? formatNumber(locale, value) : value;
	});
}
