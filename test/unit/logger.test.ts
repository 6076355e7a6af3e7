import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Writable } from "node:stream";
import { pathToFileURL } from "node:url";
import { DiscordAPIError } from "discord.js";
import { describe, expect, it } from "vitest";
import {
	createLogger,
	MAX_LINE_BYTES,
	prettyTransport,
	redactTokens,
	resolvePinoPretty,
} from "../../src/logger.js";

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

	it("masks the password of a URL such as a store's", () => {
		expect(redactTokens("connect redis://:hunter2@10.0.0.1:6379/0 failed")).toBe(
			"connect redis://:[redacted]@10.0.0.1:6379/0 failed",
		);
		expect(redactTokens("postgres://bot:p%40ss@db/luma?schema=x")).toBe(
			"postgres://bot:[redacted]@db/luma?schema=x",
		);
		expect(redactTokens("postgres://bot@db/luma and https://example.com/a:b@c")).toBe(
			"postgres://bot@db/luma and https://example.com/a:b@c",
		);
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

	it("masks a token in any field, and cuts a line over 16 KB down to its short fields", () => {
		const { logger, text } = capture();
		const token = "aW50ZXJhY3Rpb24.secret-token";
		logger.warn({ url: `https://discord.com/api/v10/webhooks/1234/${token}/messages/@original` }, "x");
		expect(text()).not.toContain(token);
		const { logger: second, text: long } = capture();
		second.error(
			{ jobId: "job1", bytes: Array.from({ length: 50_000 }, (_, i) => i % 256) },
			"upload refused",
		);
		const line = long().trim();
		expect(Buffer.byteLength(line)).toBeLessThanOrEqual(MAX_LINE_BYTES);
		expect(JSON.parse(line)).toMatchObject({
			level: 50,
			jobId: "job1",
			msg: "upload refused",
			truncated: { dropped: ["bytes"] },
		});
	});
});

const root = join(import.meta.dirname, "..", "..");
const tsxLoader = pathToFileURL(createRequire(join(root, "package.json")).resolve("tsx")).href;
const hasScript = spawnSync("script", ["--version"]).status === 0;

/**
 * Logs one line from a real process whose stdout is a terminal (through `script`, which gives it a
 * pseudo-terminal) or a pipe, as src/index.ts does: `pretty: process.stdout.isTTY`.
 */
function logFromProcess(options: { terminal: boolean; prettyInstalled: boolean }): string {
	const logger = pathToFileURL(join(root, "src", "logger.ts")).href;
	const program = [
		`const { createLogger } = await import(${JSON.stringify(logger)});`,
		"const logger = createLogger({ level: 'info', pretty: process.stdout.isTTY,",
		options.prettyInstalled ? "" : "resolvePretty: () => undefined,",
		"});",
		"logger.info({ answer: 42 }, 'hello');",
	].join(" ");
	const node = [process.execPath, "--import", tsxLoader, "--input-type=module", "-e", program];
	const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;
	const result = options.terminal
		? spawnSync("script", ["-qec", node.map(quote).join(" "), "/dev/null"], {
				encoding: "utf8",
				timeout: 20_000,
			})
		: spawnSync(node[0]!, node.slice(1), { encoding: "utf8", timeout: 20_000 });
	expect(result.status, result.stderr).toBe(0);
	return result.stdout;
}

describe("log format", () => {
	it("is pretty only for a terminal, and only when pino-pretty resolves", () => {
		expect(prettyTransport(false)).toBeUndefined();
		expect(prettyTransport(undefined)).toBeUndefined();
		expect(prettyTransport(true, () => undefined)).toBeUndefined();
		const transport = prettyTransport(true);
		expect(transport?.target).toBe(resolvePinoPretty());
		expect(existsSync(transport!.target!)).toBe(true);
	});

	it("writes JSON lines when stdout is not a terminal", { timeout: 30_000 }, () => {
		const line = JSON.parse(logFromProcess({ terminal: false, prettyInstalled: true }).trim()) as Record<
			string,
			unknown
		>;
		expect(line).toMatchObject({ msg: "hello", answer: 42, level: 30 });
	});

	it.skipIf(!hasScript)(
		"writes pretty lines to a terminal when pino-pretty is installed",
		{ timeout: 30_000 },
		() => {
			const output = logFromProcess({ terminal: true, prettyInstalled: true });
			expect(output).toMatch(/INFO.*hello/);
			expect(output).not.toMatch(/"msg":"hello"/);
		},
	);

	it.skipIf(!hasScript)(
		"writes JSON lines to a terminal, without crashing, when pino-pretty is not installed",
		{ timeout: 30_000 },
		() => {
			const output = logFromProcess({ terminal: true, prettyInstalled: false });
			expect(JSON.parse(output.trim())).toMatchObject({ msg: "hello", answer: 42 });
		},
	);
});
