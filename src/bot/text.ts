/**
 * Cuts text to Discord's limits with an ellipsis, counting UTF-16 units as Discord does: at most
 * `max`, cut between characters (never inside an emoji's surrogate pair).
 */
export function truncate(text: string, max: number): string {
	if (text.length <= max) return text;
	let end = max - 1;
	const last = text.charCodeAt(end - 1);
	// A high surrogate at the end would be half of a character: leave the whole of it out.
	if (last >= 0xd800 && last <= 0xdbff) end--;
	return `${text.slice(0, end)}…`;
}

export function unixSeconds(ms: number): number {
	return Math.floor(ms / 1000);
}

/** Intl formatters cost a tenth of a millisecond each to build: one per locale and style is kept. */
const unitFormats = new Map<string, Intl.NumberFormat>();
const ageFormats = new Map<string, Intl.RelativeTimeFormat>();

function unit(locale: string, name: "minute" | "second", value: number): string {
	const key = `${locale} ${name}`;
	let format = unitFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "narrow" });
		unitFormats.set(key, format);
	}
	return format.format(value);
}

/** "2m 14s", "45s" (in English): how long a job took, for the result embed. */
export function formatDuration(locale: string, ms: number): string {
	const seconds = Math.max(0, Math.round(ms / 1000));
	const minutes = Math.floor(seconds / 60);
	return minutes > 0
		? `${unit(locale, "minute", minutes)} ${unit(locale, "second", seconds % 60)}`
		: unit(locale, "second", seconds);
}

/** "12 min. ago", "3 hr. ago", "2 days ago" (in English): ages in autocomplete lists; under a minute is `justNow`. */
export function formatAge(locale: string, ms: number, justNow: string): string {
	const minutes = Math.floor(ms / 60_000);
	if (minutes < 1) return justNow;
	let format = ageFormats.get(locale);
	if (!format) {
		format = new Intl.RelativeTimeFormat(locale, { style: "short", numeric: "always" });
		ageFormats.set(locale, format);
	}
	if (minutes < 60) return format.format(-minutes, "minute");
	const hours = Math.floor(minutes / 60);
	if (hours < 48) return format.format(-hours, "hour");
	return format.format(-Math.floor(hours / 24), "day");
}
