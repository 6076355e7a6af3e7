import { describe, expect, it } from "vitest";
import { translator } from "../../src/bot/i18n/translate.js";
import { refusalText } from "../../src/bot/views/failureText.js";
import { UserError } from "../../src/errors.js";
import { detectImageType } from "../../src/media/imageType.js";
import { MAX_FRAME_BYTES, validateGenerate } from "../../src/requests/validateGenerate.js";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const WEBP = new TextEncoder().encode("RIFF\u0000\u0000\u0000\u0000WEBP");
const GIF = new TextEncoder().encode("GIF89a......");

const frame = (url: string, size = 1000) => ({ url, filename: `${url}.png`, contentType: "image/png", size });
const heads: Record<string, Uint8Array> = { png: PNG, jpeg: JPEG, webp: WEBP, gif: GIF };
const readHead = async (url: string) => {
	const head = heads[url];
	if (head) return { head, ...(url === "png" && { size: 1000 }) };
	// A JPEG whose attachment claims 1000 bytes; its server says 11 MB.
	if (url === "big") return { head: JPEG, size: 11 * 1024 * 1024 };
	throw new Error("unreachable");
};

async function refusal(promise: Promise<unknown>): Promise<string> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(UserError);
	const { code, params } = error as UserError;
	return refusalText(translator("en"), { code, ...(params && { params }) });
}

describe("detectImageType", () => {
	it("recognises images by their first bytes", () => {
		expect(detectImageType(PNG)).toBe("png");
		expect(detectImageType(JPEG)).toBe("jpeg");
		expect(detectImageType(WEBP)).toBe("webp");
		expect(detectImageType(GIF)).toBeUndefined();
		expect(detectImageType(new Uint8Array())).toBeUndefined();
	});
});

describe("validateGenerate", () => {
	it("refuses a prompt of only characters that show nothing, and keeps one with any visible letter", async () => {
		const invisible = [
			"\u200B\u200C\u200D",
			"\u202E\u2066\u2069\uFEFF",
			"\u0000\u0007\u001B",
			"\u3000\u00A0\u2028",
			"\u3164\u115F",
		];
		for (const prompt of invisible)
			expect(await refusal(validateGenerate({ prompt }, readHead)), JSON.stringify(prompt)).toMatch(
				/prompt/i,
			);
		expect(await validateGenerate({ prompt: "\u200Bcat\u200B" }, readHead)).toEqual({
			prompt: "\u200Bcat\u200B",
		});
		expect(await validateGenerate({ prompt: "🐱" }, readHead)).toEqual({ prompt: "🐱" });
	});

	it("keeps only what the user set, with a trimmed prompt", async () => {
		expect(await validateGenerate({ prompt: "  a cat  " }, readHead)).toEqual({ prompt: "a cat" });
		const full = await validateGenerate(
			{
				prompt: "a cat",
				aspectRatio: "9:16",
				loop: false,
				enhance: true,
				startFrame: frame("png"),
				endFrame: frame("webp"),
			},
			readHead,
		);
		expect(full).toMatchObject({
			aspectRatio: "9:16",
			loop: false,
			enhance: true,
			startFrame: { url: "png" },
			endFrame: { url: "webp" },
		});
	});

	it("refuses empty and over-long prompts, naming the rule", async () => {
		expect(await refusal(validateGenerate({ prompt: "   " }, readHead))).toMatch(/prompt is empty/);
		expect(await refusal(validateGenerate({ prompt: "x".repeat(2001) }, readHead))).toBe(
			"Your prompt is 2,001 characters; the limit is 2,000. Shorten it and try again.",
		);
	});

	it("checks frames by content and size", async () => {
		expect(await refusal(validateGenerate({ prompt: "p", startFrame: frame("gif") }, readHead))).toMatch(
			/The start frame \(gif.png\) is not a PNG, JPEG or WebP image/,
		);
		expect(
			await refusal(validateGenerate({ prompt: "p", endFrame: frame("png", MAX_FRAME_BYTES + 1) }, readHead)),
		).toMatch(/end frame is 10\.0 MB; frames can be at most 10\.0 MB/);
		expect(await refusal(validateGenerate({ prompt: "p", startFrame: frame("big") }, readHead))).toMatch(
			/start frame is 11\.0 MB; frames can be at most 10\.0 MB/,
		);
		expect(await refusal(validateGenerate({ prompt: "p", endFrame: frame("missing") }, readHead))).toMatch(
			/could not be read/,
		);
		expect(await validateGenerate({ prompt: "p", startFrame: frame("jpeg") }, readHead)).toHaveProperty(
			"startFrame.url",
			"jpeg",
		);
	});
});
