import { execFile } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/index.js";
import {
	loadSpecValidator,
	missingSpecNote,
	REPOSITORY_SPEC_PATH,
	specAvailable,
} from "../fakes/discord/openapi.js";

const root = join(import.meta.dirname, "..", "..");
const missing = (name: string) => join(tmpdir(), `luma-no-spec-${process.pid}-${name}`, "openapi.json");

/**
 * A fresh clone has no ../shared/discord-api-spec/openapi.json beside it. The fake Discord then
 * skips its OpenAPI checks with one note, still enforces Discord's own limits, and the tests that
 * use it pass the same.
 */
describe("a fresh clone without the OpenAPI spec", () => {
	let fake: FakeDiscord;
	const post = (body: unknown) =>
		fetch(`${fake.apiBase}/v10/channels/${fake.guild.channelId}/messages`, {
			method: "POST",
			headers: { authorization: `Bot ${fake.token}`, "content-type": "application/json" },
			body: JSON.stringify(body),
		});

	beforeAll(async () => {
		// Loaded once quietly first, so this file adds no note of its own to a run that has the spec.
		loadSpecValidator(missing("fake"), () => undefined);
		fake = await startFakeDiscord({ openapiSpecPath: missing("fake") });
	});
	afterAll(() => fake?.close());

	it("says once that the checks are skipped, and names the file", () => {
		const notes: string[] = [];
		const path = missing("note");
		expect(loadSpecValidator(path, (p) => notes.push(missingSpecNote(p)))).toBeNull();
		expect(loadSpecValidator(path, (p) => notes.push(missingSpecNote(p)))).toBeNull();
		expect(notes).toHaveLength(1);
		expect(notes[0]).toContain(path);
		expect(notes[0]).toMatch(/^note: .* skips the OpenAPI checks/);
	});

	it("reports the skip and still rejects what breaks Discord's own limits", async () => {
		expect(fake.openapi).toEqual({ path: missing("fake"), checks: "skipped" });
		const tooLong = await post({ content: "x".repeat(2001) });
		expect(tooLong.status).toBe(400);
		expect(((await tooLong.json()) as { code: number }).code).toBe(50035);
		expect(fake.violations.at(-1)).toMatchObject({ operation: "fake-limits", rejected: true });
		expect(fake.violations.at(-1)?.errors.join("\n")).toMatch(/content/);
	});

	it("lets through, unrecorded, what only the spec would catch", async () => {
		const before = fake.violations.length;
		const answer = await post({ content: "ok", embeds: [{ color: "red" }] });
		expect(answer.status).toBe(200);
		expect(fake.violations).toHaveLength(before);
	});

	it.skipIf(!specAvailable(REPOSITORY_SPEC_PATH))(
		"with the spec beside the repository, checks it",
		async () => {
			const checked = await startFakeDiscord({ openapiSpecPath: REPOSITORY_SPEC_PATH });
			try {
				expect(checked.openapi.checks).toBe("checked");
				await fetch(`${checked.apiBase}/v10/channels/${checked.guild.channelId}/messages`, {
					method: "POST",
					headers: { authorization: `Bot ${checked.token}`, "content-type": "application/json" },
					body: JSON.stringify({ content: "ok", embeds: [{ color: "red" }] }),
				});
				expect(checked.violations.at(-1)?.errors.join("\n")).toMatch(/color must be integer/);
			} finally {
				await checked.close();
			}
		},
	);

	it(
		"runs the spec-dependent tests with LUMA_OPENAPI_SPEC at a missing file: they pass, with one note",
		{ timeout: 120_000 },
		async () => {
			const vitest = join(root, "node_modules", "vitest", "vitest.mjs");
			const path = missing("suite");
			// The fake Discord's own test (which holds the spec-only checks) and two end-to-end files
			// that check every body the bot sends, each in its own worker as in a full run.
			const files = [
				"test/unit/fakeDiscord.test.ts",
				"test/e2e/generate.test.ts",
				"test/e2e/moderation.test.ts",
			];
			const { stdout, stderr } = await promisify(execFile)(
				process.execPath,
				[vitest, "run", "--reporter=dot", ...files],
				{
					cwd: root,
					env: { ...process.env, LUMA_OPENAPI_SPEC: path, FORCE_COLOR: "0", NO_COLOR: "1" },
					maxBuffer: 16 * 1024 * 1024,
				},
			).catch((error: { stdout?: string; stderr?: string; message: string }) => {
				throw new Error(`the run failed: ${error.message}\n${error.stdout ?? ""}\n${error.stderr ?? ""}`);
			});
			const output = `${stdout}\n${stderr}`;
			expect(output).toMatch(/Test Files\s+3 passed/);
			expect(output.split(missingSpecNote(path))).toHaveLength(2);
		},
	);
});
