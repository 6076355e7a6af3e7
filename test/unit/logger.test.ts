import { Writable } from "node:stream";
import { DiscordAPIError } from "discord.js";
import { describe, expect, it } from "vitest";
import { createLogger, redactTokens } from "../../src/logger.js";

function capture() {
	const lines: string[] = [];
	const destination = new Writable({
		write(chunk, _encoding, callback) {
			lines.push(String(chunk));
			callback();
		},
	});
	return { logger: createLogger({ level: "info", destination }), text: () => lines.join("") };
}

describe("logger", () => {
	it("masks interaction tokens in URLs", () => {
		expect(
			redactTokens(
				"PATCH https://discord.com/api/v10/webhooks/123/aW50ZXJhY3Rpb24.abc-_x/messages/@original",
			),
		).toBe("PATCH https://discord.com/api/v10/webhooks/123/[redacted]/messages/@original");
		expect(redactTokens("/interactions/456/tok3n/callback")).toBe("/interactions/456/[redacted]/callback");
	});

	it("never writes an interaction token from a Discord error or a job record", () => {
		const { logger, text } = capture();
		const token = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NQ.secret";
		const error = new DiscordAPIError(
			{ code: 0, message: "Internal Server Error" },
			0,
			500,
			"PATCH",
			`https://discord.com/api/v10/webhooks/123456789012345678/${token}/messages/@original`,
			{ body: undefined, files: undefined },
		);
		logger.error({ err: error, job: { interaction: { token } } }, "showing a job failed");
		expect(text()).toContain("webhooks/123456789012345678/[redacted]");
		expect(text()).not.toContain(token);
	});
});
