import { describe, expect, it } from "vitest";
import { truncate } from "../../src/bot/text.js";

describe("truncate", () => {
	it("keeps text that fits and marks a cut with an ellipsis, within the limit", () => {
		expect(truncate("short", 10)).toBe("short");
		expect(truncate("abcdefghij", 5)).toBe("abcd…");
		expect(truncate("abcdefghij", 5).length).toBe(5);
	});

	it("never cuts an emoji in half", () => {
		const cut = truncate("ab🐱cd", 4);
		expect(cut).toBe("ab…");
		expect(cut.length).toBeLessThanOrEqual(4);
		// Every code unit left is part of a whole character.
		expect([...truncate("🐱🐱🐱🐱", 4)].every((ch) => ch === "🐱" || ch === "…")).toBe(true);
		expect(truncate("🐱🐱🐱🐱", 5)).toBe("🐱🐱…");
	});
});
