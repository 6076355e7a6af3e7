import { RE2JS } from "re2js";

/**
 * A guild's prompt blocklist. An entry is a word or phrase, matched case-insensitively as whole
 * words ("ass" does not block "class"), or a `/pattern/` regular expression, always
 * case-insensitive. Prompts and words are compared after NFKC normalization, so full-width
 * and other compatibility forms of a letter count as the letter.
 *
 * Patterns run on RE2 (re2js, a pure JavaScript port): its time is linear in the prompt's
 * length whatever the pattern, so no admin can write one that stalls the bot for every server,
 * as `(.*a){12}$` or `(a|aa)+$` did on JavaScript's backtracking engine. RE2 has no
 * backreferences or lookaround; such patterns are refused when they are added.
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
		try {
			// Written in JavaScript's syntax, so what JavaScript cannot read is a typo, not a limit.
			new RegExp(pattern, flags);
		} catch (error) {
			// The engine's own explanation is technical and English, but it is what an admin can act on.
			const detail = (error as Error).message;
			return { ok: false, reason: { code: "blocklist_does_not_compile", params: { error: detail } } };
		}
		let compiled: RE2JS;
		try {
			compiled = compilePattern(pattern, flags);
		} catch (error) {
			return {
				ok: false,
				reason: { code: "blocklist_unsupported", params: { error: (error as Error).message } },
			};
		}
		if (compiled.matcher("").find()) return { ok: false, reason: { code: "blocklist_matches_everything" } };
		return { ok: true, entry: text };
	}
	const word = text.normalize("NFKC").replace(/\s+/g, " ").toLowerCase();
	if (word === "") return { ok: false, reason: { code: "blocklist_empty" } };
	if (word.length > MAX_WORD_LENGTH)
		return { ok: false, reason: { code: "blocklist_word_too_long", params: { max: MAX_WORD_LENGTH } } };
	return { ok: true, entry: word };
}

/** A pattern on RE2, always case-insensitive; `u` needs nothing (RE2 reads code points). */
function compilePattern(pattern: string, flags: string): RE2JS {
	let options = RE2JS.CASE_INSENSITIVE;
	if (flags.includes("m")) options |= RE2JS.MULTILINE;
	if (flags.includes("s")) options |= RE2JS.DOTALL;
	return RE2JS.compile(pattern, options);
}

/** Tests a prompt against an entry, whichever engine it runs on. */
interface Matcher {
	test(text: string): boolean;
}

/** Compiled form of one stored entry; `null` when it cannot be used (it is then skipped). */
function compile(entry: string): Matcher | null {
	try {
		const regex = REGEX_ENTRY.exec(entry);
		if (regex && entry.length > 2) {
			const [, pattern = "", flags = ""] = regex;
			const re2 = compilePattern(pattern, flags);
			return { test: (text) => re2.matcher(text).find() };
		}
		const word = entry.normalize("NFKC").trim();
		if (word === "") return null;
		const body = word
			.split(/\s+/)
			// Only syntax characters may be escaped in a `u` regex (so not "-").
			.map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))
			.join("\\s+");
		// An escaped word between fixed one-character look-arounds: linear on any engine.
		return new RegExp(`(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})`, "iu");
	} catch {
		return null;
	}
}

const CACHE_LIMIT = 10_000;
const compiled = new Map<string, Matcher | null>();

function matcher(entry: string): Matcher | null {
	let found = compiled.get(entry);
	if (found === undefined) {
		if (compiled.size >= CACHE_LIMIT) compiled.clear();
		found = compile(entry);
		compiled.set(entry, found);
	}
	return found;
}

/** The first entry that matches `prompt`, or undefined. Never throws on a bad stored entry. */
export function findBlocked(prompt: string, entries: readonly string[]): string | undefined {
	if (entries.length === 0) return undefined;
	const text = prompt.normalize("NFKC");
	for (const entry of entries) {
		if (matcher(entry)?.test(text)) return entry;
	}
	return undefined;
}
