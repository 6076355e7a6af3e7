import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FAILURES, failureText, REFUSALS, refusalText } from "../../src/bot/failureText.js";
import { PROVIDER_ERROR_CODES } from "../../src/errors.js";

const root = join(import.meta.dirname, "..", "..");

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
	});
}

/** Every `code: "…"` written in the bot's own source: job failures and refusals alike. */
const writtenCodes = new Set(
	[...sources(join(root, "src")), ...sources(join(root, "commands"))]
		// zod's issue codes are not the bot's.
		.filter((file) => !file.endsWith("env.ts"))
		.flatMap((file) =>
			[...readFileSync(file, "utf8").matchAll(/\bcode: "([a-z_]+)"/g)].map((match) => match[1]!),
		),
);

describe("words for every code", () => {
	it("every provider error code and every code the engine writes on a job has a sentence", () => {
		for (const code of PROVIDER_ERROR_CODES) expect(FAILURES, code).toHaveProperty(code);
		for (const code of [
			"timeout_waiting",
			"interrupted_while_submitting",
			"interrupted_before_start",
			"not_started",
			"provider_not_configured",
			"internal",
		])
			expect(FAILURES, code).toHaveProperty(code);
	});

	it("every code written anywhere in the source is either a job failure or a refusal with words", () => {
		expect(writtenCodes.size).toBeGreaterThan(20);
		for (const code of writtenCodes) expect(code in FAILURES || code in REFUSALS, code).toBe(true);
	});

	it("fills parameters, never shows raw provider text, and keeps old records readable", () => {
		expect(failureText({ code: "timeout_waiting", params: { minutes: 20 } })).toMatch(/within 20 minutes/);
		expect(failureText({ code: "provider_not_configured", params: { provider: "luma" } })).toMatch(
			/Luma Dream Machine, which this bot no longer uses/,
		);
		expect(failureText({ code: "forbidden", message: "old text" })).toMatch(/moderation/);
		expect(failureText({ code: "something_old", message: "An older record's sentence." })).toBe(
			"An older record's sentence.",
		);
		expect(
			refusalText({
				code: "unsupported_option",
				params: { provider: "302ai", option: "aspect_ratio", value: "21:9" },
			}),
		).toBe(
			"302.AI, the video provider this bot uses, does not support a choice of aspect ratio (21:9). Run the command again without it.",
		);
	});
});
