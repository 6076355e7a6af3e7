import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { AccessError, checkAccess, isExempt } from "../../src/moderation/accessRules.js";
import { findBlocked, parseBlocklistEntry } from "../../src/moderation/blocklist.js";
import { type GuildSettings, normalizeSettings } from "../../src/settings/guildSettings.js";
import { translator } from "../../src/bot/i18n/translate.js";
import { refusalText } from "../../src/bot/views/failureText.js";

/** A refusal as an English-speaking member reads it. */
const words = (error: UserError) =>
	refusalText(translator("en"), { code: error.code, ...(error.params && { params: error.params }) });

describe("blocklist", () => {
	it("matches words as whole words, case-insensitively", () => {
		expect(findBlocked("a kick in the ASS", ["ass"])).toBe("ass");
		expect(findBlocked("a classy class of assets", ["ass"])).toBeUndefined();
		expect(findBlocked("ass-kicking", ["ass"])).toBe("ass");
		expect(findBlocked("a Gore-tex jacket", ["gore"])).toBe("gore");
		expect(findBlocked("Café scene", ["café"])).toBe("café");
		expect(findBlocked("cafés", ["café"])).toBeUndefined();
	});

	it("matches phrases across any whitespace, and words with symbols", () => {
		expect(findBlocked("a Blood\n  Bath at dawn", ["blood bath"])).toBe("blood bath");
		expect(findBlocked("bloodbath", ["blood bath"])).toBeUndefined();
		expect(findBlocked("written in c++ today", ["c++"])).toBe("c++");
		expect(findBlocked("ＡＳＳ", ["ass"])).toBe("ass");
	});

	it("matches regex entries case-insensitively and returns the first matching entry", () => {
		expect(findBlocked("Nude beach", ["/nud(e|ity)/"])).toBe("/nud(e|ity)/");
		expect(findBlocked("NUDITY", ["boat", "/nud(e|ity)/i", "nudity"])).toBe("/nud(e|ity)/i");
		expect(findBlocked("a calm lake", ["/nud(e|ity)/", "storm"])).toBeUndefined();
	});

	it("cannot be stalled by a pattern: patterns that backtrack for ever on JavaScript's engine run in linear time", () => {
		// On a backtracking engine the first takes seconds on 31 characters and the second grows
		// exponentially with the prompt: either would outlast this test's timeout.
		for (const pattern of ["/(.*a){12}$/", "/(a|aa)+$/", "/(a+)+$/", "/(x+x+)+y/"])
			expect(parseBlocklistEntry(pattern), pattern).toEqual({ ok: true, entry: pattern });
		const prompts = ["a".repeat(30) + "b", "a".repeat(10_000) + "!", "x".repeat(10_000)];
		for (const prompt of prompts)
			expect(findBlocked(prompt, ["/(.*a){12}$/", "/(a|aa)+$/", "/(a+)+$/", "/(x+x+)+y/"])).toBeUndefined();
		expect(findBlocked("a".repeat(40), ["/(.*a){12}$/"])).toBe("/(.*a){12}$/");
		expect(findBlocked("x".repeat(5_000) + "y", ["/(x+x+)+y/"])).toBe("/(x+x+)+y/");
	});

	it("reads patterns with their flags and Unicode letters, on the linear-time engine", () => {
		expect(findBlocked("a DRAGÓN here", ["/drag[oó]n/"])).toBe("/drag[oó]n/");
		expect(findBlocked("first\nsecond line", ["/^second/m"])).toBe("/^second/m");
		expect(findBlocked("first\nsecond line", ["/^second/"])).toBeUndefined();
		expect(findBlocked("one\ntwo", ["/one.two/s"])).toBe("/one.two/s");
		expect(findBlocked("one\ntwo", ["/one.two/"])).toBeUndefined();
	});

	it("skips bad stored entries instead of throwing", () => {
		expect(findBlocked("anything (", ["/(unclosed/", "", "   ", "anything"])).toBe("anything");
	});

	it("parses entries an admin types", () => {
		expect(parseBlocklistEntry("  Blood   Bath ")).toEqual({ ok: true, entry: "blood bath" });
		expect(parseBlocklistEntry("/gor(e|y)/i")).toEqual({ ok: true, entry: "/gor(e|y)/i" });
		expect(parseBlocklistEntry("/gore/")).toEqual({ ok: true, entry: "/gore/" });
		const rejected = [
			"   ",
			"x".repeat(101),
			`/${"a".repeat(201)}/`,
			"/(unclosed/",
			"/a/g",
			"/a*/",
			"/(a)\\1/",
			"/(?<!x)a/",
		];
		for (const raw of rejected) {
			const result = parseBlocklistEntry(raw);
			expect(result.ok, raw).toBe(false);
			if (!result.ok) expect(result.reason.code).toMatch(/^blocklist_/);
		}
		const invalid = parseBlocklistEntry("/(unclosed/");
		expect(invalid.ok === false && invalid.reason.code).toBe("blocklist_does_not_compile");
		// Valid JavaScript, but beyond a linear-time engine: said so, with the engine's reason.
		const backreference = parseBlocklistEntry("/(a)\\1/");
		expect(backreference.ok === false && backreference.reason.code).toBe("blocklist_unsupported");
		expect(parseBlocklistEntry("x".repeat(100)).ok).toBe(true);
		expect(parseBlocklistEntry(`/${"a".repeat(200)}/`).ok).toBe(true);
	});
});

function settings(change: Partial<GuildSettings>): GuildSettings {
	return { ...normalizeSettings({}), ...change };
}

function refusal(run: () => void): AccessError {
	try {
		run();
	} catch (error) {
		if (error instanceof AccessError) return error;
		throw error;
	}
	throw new Error("expected a refusal");
}

describe("access rules", () => {
	const base = { userId: "u", channelId: "c1", memberRoleIds: [] as string[] };

	it("lets everyone in everywhere by default", () => {
		expect(() => checkAccess({ ...base, settings: settings({}) })).not.toThrow();
	});

	it("refuses banned users first", () => {
		const error = refusal(() =>
			checkAccess({ ...base, settings: settings({ bannedUsers: ["u"], allowedChannels: ["other"] }) }),
		);
		expect(error).toBeInstanceOf(UserError);
		expect(error.rule).toBe("banned");
		expect(words(error)).toBe(
			"You are banned from making videos in this server. Ask a server admin if you think this is a mistake.",
		);
	});

	it("allows only listed channels, and threads of them", () => {
		const s = settings({ allowedChannels: ["1", "2"] });
		const error = refusal(() => checkAccess({ ...base, settings: s }));
		expect(error.rule).toBe("channel");
		expect(words(error)).toBe("Videos can't be made in this channel. Use one of: <#1>, <#2>.");
		expect(() => checkAccess({ ...base, channelId: "2", settings: s })).not.toThrow();
		expect(() =>
			checkAccess({ ...base, channelId: "thread", parentChannelId: "1", settings: s }),
		).not.toThrow();
	});

	it("requires any one of the required roles; an exempt role also counts", () => {
		const s = settings({ requiredRoles: ["1", "2"], exemptRoles: ["9"] });
		const error = refusal(() => checkAccess({ ...base, memberRoleIds: ["5"], settings: s }));
		expect(error.rule).toBe("role");
		expect(words(error)).toMatch(/^You need one of these roles to make videos: <@&1>, <@&2>\./);
		expect(() => checkAccess({ ...base, memberRoleIds: ["5", "2"], settings: s })).not.toThrow();
		expect(() => checkAccess({ ...base, memberRoleIds: ["9"], settings: s })).not.toThrow();
	});

	it("tells exempt members apart", () => {
		const s = settings({ exemptRoles: ["9"] });
		expect(isExempt(s, ["1", "9"])).toBe(true);
		expect(isExempt(s, ["1"])).toBe(false);
		expect(isExempt(settings({}), ["9"])).toBe(false);
	});
});
