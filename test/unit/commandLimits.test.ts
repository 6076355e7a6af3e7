import { describe, expect, it } from "vitest";
import { checkCommandLimits } from "../fakes/discord/limits.js";

const option = (name: string, localized: Record<string, string>, description = "An option") => ({
	type: 3,
	name,
	name_localizations: localized,
	description,
	description_localizations: { de: description },
});
const command = (options: unknown[]) => ({ name: "luma", description: "Videos", type: 1, options });

describe("the fake Discord's command rules", () => {
	it("accepts lowercase localized names in any script", () => {
		const body = command([option("prompt", { de: "beschreibung", ja: "プロンプト", fr: "image_de_début" })]);
		expect(checkCommandLimits(body).errors).toEqual([]);
	});

	it("refuses localized names with capitals, spaces or too many characters", () => {
		for (const bad of ["Beschreibung", "zwei worte", "x".repeat(33), ""]) {
			expect(checkCommandLimits(command([option("prompt", { de: bad })])).errors, bad).toHaveLength(1);
		}
	});

	it("refuses two options with one name in the same locale, including a fallback to the default", () => {
		const clash = command([option("prompt", { de: "text" }), option("text", { fr: "texte" })]);
		expect(checkCommandLimits(clash).errors).toEqual([
			expect.stringMatching(/^\/options\/1\/name_localizations Option name text is already used/),
		]);
	});

	it("refuses a localized description over 100 characters, and counts the longest spelling in the size", () => {
		expect(checkCommandLimits(command([option("prompt", {}, "x".repeat(101))])).errors).toHaveLength(2);
		const big = command(
			Array.from({ length: 25 }, (_, i) => ({
				...option(`o${i}`, {}),
				description_localizations: { de: "y".repeat(100), ja: "z".repeat(100) },
				options: Array.from({ length: 25 }, (_, j) => ({
					...option(`p${j}`, {}),
					description_localizations: { fr: "w".repeat(100) },
				})),
			})),
		);
		expect(checkCommandLimits(big).errors).toContainEqual(expect.stringMatching(/exceeds maximum size/));
	});
});
