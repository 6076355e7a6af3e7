/**
 * Calendar windows (day, month) in a guild's time zone, computed with `Intl` only. A window's
 * `key` names it ("2026-11-21", "2026-11") and `resetsAt` is the first instant of the next one,
 * which is local midnight, or the first instant after a DST gap when midnight does not exist.
 */
export interface Window {
	key: string;
	resetsAt: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
	let format = formatters.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat("en-US", {
			timeZone,
			hourCycle: "h23",
			year: "numeric",
			month: "numeric",
			day: "numeric",
			hour: "numeric",
			minute: "numeric",
			second: "numeric",
		});
		formatters.set(timeZone, format);
	}
	return format;
}

/**
 * A valid IANA name with Intl's capitalization ("america/new_york" → "America/New_York"), or
 * undefined. A name Intl maps to an older alias ("Asia/Kolkata" → "Asia/Calcutta") is kept as
 * given: both work, and the admin's spelling is the one they recognize.
 */
export function canonicalTimeZone(name: string): string | undefined {
	const given = name.trim();
	if (given === "") return undefined;
	try {
		const resolved = new Intl.DateTimeFormat("en-US", { timeZone: given }).resolvedOptions().timeZone;
		return resolved.toLowerCase() === given.toLowerCase() ? resolved : given;
	} catch {
		return undefined;
	}
}

export function isValidTimeZone(name: string): boolean {
	return canonicalTimeZone(name) !== undefined;
}

/** No zone, or one that is UTC all year: plain UTC arithmetic, no Intl call. */
function isUtc(timeZone: string | undefined): boolean {
	return timeZone === undefined || timeZone === "UTC" || timeZone === "Etc/UTC";
}

/** The local wall-clock time at `instant`, as milliseconds of a UTC date with the same fields. */
function wallClock(instant: number, timeZone: string | undefined): number {
	if (isUtc(timeZone)) return instant;
	const fields: Record<string, number> = {};
	for (const part of formatter(timeZone as string).formatToParts(instant)) {
		if (part.type !== "literal") fields[part.type] = Number(part.value);
	}
	const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
	const wholeSeconds = Date.UTC(year, month - 1, day, hour, minute, second);
	return wholeSeconds + (((instant % 1000) + 1000) % 1000);
}

/** The first instant whose local wall-clock time is at or after `wall` (e.g. a local midnight). */
function firstInstantAt(wall: number, timeZone: string | undefined): number {
	if (isUtc(timeZone)) return wall;
	const offsets = new Set(
		[wall - DAY_MS, wall, wall + DAY_MS].map((instant) => wallClock(instant, timeZone) - instant),
	);
	const candidates = [...offsets].map((offset) => wall - offset);
	// Usually one candidate maps back to `wall`; on a repeated hour two do, and the earlier wins.
	const exact = candidates.filter((instant) => wallClock(instant, timeZone) === wall);
	if (exact.length > 0) return Math.min(...exact);
	// `wall` falls in a DST gap: search for the transition between the two candidates.
	let before = Math.min(...candidates);
	let after = Math.max(...candidates);
	while (after - before > 1) {
		const middle = Math.floor((before + after) / 2);
		if (wallClock(middle, timeZone) >= wall) after = middle;
		else before = middle;
	}
	return after;
}

const pad = (value: number): string => String(value).padStart(2, "0");

export function dayWindow(now: number, timeZone?: string): Window {
	const local = new Date(wallClock(now, timeZone));
	const [year, month, day] = [local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()];
	return {
		key: `${year}-${pad(month + 1)}-${pad(day)}`,
		resetsAt: firstInstantAt(Date.UTC(year, month, day + 1), timeZone),
	};
}

export function monthWindow(now: number, timeZone?: string): Window {
	const local = new Date(wallClock(now, timeZone));
	const [year, month] = [local.getUTCFullYear(), local.getUTCMonth()];
	return {
		key: `${year}-${pad(month + 1)}`,
		resetsAt: firstInstantAt(Date.UTC(year, month + 1, 1), timeZone),
	};
}
