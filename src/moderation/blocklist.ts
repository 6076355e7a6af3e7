/**
 * A guild's prompt blocklist. An entry is a word or phrase, matched case-insensitively as whole
 * words ("ass" does not block "class"), or a `/pattern/` regular expression, always
 * case-insensitive. Prompts and words are compared after NFKC normalization, so full-width
 * and other compatibility forms of a letter count as the letter.
 */

export const MAX_WORD_LENGTH = 100;
export const MAX_PATTERN_LENGTH = 200;

/** Why an entry can't be used, as a code (`blocklist_…`) and its parameters for the views. */
export interface BlocklistProblem {
	code: string;
	params?: Record<string, string | number>;
}
export type BlocklistParse = { ok: true; entry: string } | { ok: false; reason: BlocklistProblem };

const REGEX_ENTRY = /^\/(.*)\/([a-z]*)$/s;
const ALLOWED_FLAGS = new Set(["i", "m", "s", "u"]);
/** A group that repeats and is itself repeated, such as `(a+)+`: can take exponential time. */
const NESTED_REPETITION = /\((?:[^()\\]|\\.)*[+*}]\)(?:[+*]|\{\d*,)/;
/** Letters, digits and marks of any script count as word characters. */
const WORD_CHAR = "[\\p{L}\\p{M}\\p{N}_]";

/** Checks an entry an admin typed and returns it in its stored form. */
export function parseBlocklistEntry(raw: string): BlocklistParse {
	const text = raw.trim();
	const regex = REGEX_ENTRY.exec(text);
	if (regex && text.length > 2) {
		const [, pattern = "", flags = ""] = regex;
		if (pattern.length > MAX_PATTERN_LENGTH)
			return {
				ok: false,
				reason: { code: "blocklist_pattern_too_long", params: { max: MAX_PATTERN_LENGTH } },
			};
		const bad = [...flags].find((flag) => !ALLOWED_FLAGS.has(flag));
		if (bad) return { ok: false, reason: { code: "blocklist_bad_flag", params: { flag: bad } } };
		if (NESTED_REPETITION.test(pattern))
			return { ok: false, reason: { code: "blocklist_nested_repetition" } };
		let compiled: RegExp;
		try {
			compiled = new RegExp(pattern, withIgnoreCase(flags));
		} catch (error) {
			// The engine's own explanation is technical and English, but it is what an admin can act on.
			const detail = (error as Error).message;
			return { ok: false, reason: { code: "blocklist_does_not_compile", params: { error: detail } } };
		}
		if (compiled.test("")) return { ok: false, reason: { code: "blocklist_matches_everything" } };
		return { ok: true, entry: text };
	}
	const word = text.normalize("NFKC").replace(/\s+/g, " ").toLowerCase();
	if (word === "") return { ok: false, reason: { code: "blocklist_empty" } };
	if (word.length > MAX_WORD_LENGTH)
		return { ok: false, reason: { code: "blocklist_word_too_long", params: { max: MAX_WORD_LENGTH } } };
	return { ok: true, entry: word };
}

function withIgnoreCase(flags: string): string {
	return flags.includes("i") ? flags : `${flags}i`;
}

/** Compiled form of one stored entry; `null` when it cannot be used (it is then skipped). */
function compile(entry: string): RegExp | null {
	try {
		const regex = REGEX_ENTRY.exec(entry);
		if (regex && entry.length > 2) {
			const [, pattern = "", flags = ""] = regex;
			return new RegExp(
				pattern,
				withIgnoreCase([...new Set(flags)].filter((f) => ALLOWED_FLAGS.has(f)).join("")),
			);
		}
		const word = entry.normalize("NFKC").trim();
		if (word === "") return null;
		const body = word
			.split(/\s+/)
			// Only syntax characters may be escaped in a `u` regex (so not "-").
			.map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))
			.join("\\s+");
		return new RegExp(`(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})`, "iu");
	} catch {
		return null;
	}
}

const CACHE_LIMIT = 10_000;
const compiled = new Map<string, RegExp | null>();

function matcher(entry: string): RegExp | null {
	let regex = compiled.get(entry);
	if (regex === undefined) {
		if (compiled.size >= CACHE_LIMIT) compiled.clear();
		regex = compile(entry);
		compiled.set(entry, regex);
	}
	return regex;
}

/** The first entry that matches `prompt`, or undefined. Never throws on a bad stored entry. */
export function findBlocked(prompt: string, entries: readonly string[]): string | undefined {
	if (entries.length === 0) return undefined;
	const text = prompt.normalize("NFKC");
	for (const entry of entries) {
		const regex = matcher(entry);
		if (!regex) continue;
		regex.lastIndex = 0;
		if (regex.test(text)) return entry;
	}
	return undefined;
}
