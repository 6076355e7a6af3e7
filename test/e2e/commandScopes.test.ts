import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness.js";

const GUILD_A = "111111111111111111";
const GUILD_B = "222222222222222222";
const root = join(import.meta.dirname, "..", "..");
const tsxLoader = pathToFileURL(createRequire(join(root, "package.json")).resolve("tsx")).href;

let h: Harness;
afterEach(async () => {
	expect(h.discord.violations).toEqual([]);
	await h.close();
});

const start = (env: Record<string, string> = {}) =>
	startHarness({ env, discord: { guilds: [{ id: GUILD_A }, { id: GUILD_B }] } });

const names = (list: unknown[] | undefined) => (list ?? []).map((c) => (c as { name: string }).name).sort();
/** Command names per scope, as Discord stores them. */
const scopes = () => ({
	global: names(h.discord.commands.global),
	[GUILD_A]: names(h.discord.commands.guild.get(GUILD_A)),
	[GUILD_B]: names(h.discord.commands.guild.get(GUILD_B)),
});
const puts = () => h.discord.requests.filter((r) => r.method === "PUT" && r.path.endsWith("/commands"));

/** `npm run deploy-commands` from source, on the harness's store, in a folder without a .env. */
async function deployCommands(args: string[], env: Record<string, string> = {}) {
	const cwd = mkdtempSync(join(tmpdir(), "luma-deploy-"));
	try {
		return await promisify(execFile)(
			process.execPath,
			["--import", tsxLoader, join(root, "scripts", "deploy-commands.ts"), ...args],
			{
				cwd,
				env: {
					PATH: process.env.PATH ?? "",
					DISCORD_TOKEN: h.discord.token,
					DISCORD_API_BASE: h.discord.apiBase,
					STORE_URL: h.env.STORE_URL,
					LOG_LEVEL: "info",
					...env,
				},
			},
		);
	} finally {
		rmSync(cwd, { recursive: true, force: true });
	}
}

describe("command scopes", () => {
	it("switching DISCORD_GUILD_ID on and off leaves the commands in one scope only", async () => {
		h = await start();
		const all = scopes().global;
		expect(all).toEqual(expect.arrayContaining(["luma", "luma-admin"]));
		expect(scopes()).toEqual({ global: all, [GUILD_A]: [], [GUILD_B]: [] });

		await h.restart({ DISCORD_GUILD_ID: GUILD_A });
		expect(scopes()).toEqual({ global: [], [GUILD_A]: all, [GUILD_B]: [] });

		// Another test server: the first one is cleared too.
		await h.restart({ DISCORD_GUILD_ID: GUILD_B });
		expect(scopes()).toEqual({ global: [], [GUILD_A]: [], [GUILD_B]: all });

		await h.restart({ DISCORD_GUILD_ID: "" });
		expect(scopes()).toEqual({ global: all, [GUILD_A]: [], [GUILD_B]: [] });

		// And back: the guild is registered again although its definitions did not change.
		await h.restart({ DISCORD_GUILD_ID: GUILD_A });
		expect(scopes()).toEqual({ global: [], [GUILD_A]: all, [GUILD_B]: [] });
	});

	it("a plain restart in a guild sends no command writes", async () => {
		h = await start({ DISCORD_GUILD_ID: GUILD_A });
		expect(puts().map((r) => r.path)).toEqual([
			`/api/v10/applications/${h.discord.applicationId}/guilds/${GUILD_A}/commands`,
		]);
		await h.restart();
		await h.restart();
		expect(puts()).toHaveLength(1);
		expect(scopes()[GUILD_A]).toContain("luma");
	});

	it("removes global commands left by someone else when a guild is set", async () => {
		h = await start({ DISCORD_GUILD_ID: GUILD_A });
		// Say, `deploy-commands` run earlier with another store.
		await h.app.client.rest.put(`/applications/${h.discord.applicationId}/commands`, {
			body: [{ name: "luma", description: "old" }],
		});
		expect(scopes().global).toEqual(["luma"]);
		await h.restart();
		expect(scopes().global).toEqual([]);
		expect(scopes()[GUILD_A]).toContain("luma");
	});

	it("a guild the bot has left is forgotten without stopping the start", async () => {
		h = await start();
		const gone = "333333333333333333";
		// As if the last guild-scoped run used a guild the bot has been removed from since.
		await h.app.store.openNamespace<string>("meta").set(`commands:${h.discord.applicationId}:guild`, gone);
		await h.restart();
		expect(h.logs.join("")).toContain("the bot is no longer in that guild");
		expect(scopes().global).toContain("luma");
		const before = h.discord.requests.length;
		await h.restart();
		expect(h.discord.requests.slice(before).filter((r) => r.path.includes(gone))).toEqual([]);
	});

	it("deploy-commands registers in the bot's scope and clears the other", { timeout: 60_000 }, async () => {
		h = await start();
		await h.app.stop();
		await deployCommands([], { DISCORD_GUILD_ID: GUILD_A, DISCORD_APPLICATION_ID: h.discord.applicationId });
		expect(scopes()).toEqual({ global: [], [GUILD_A]: expect.arrayContaining(["luma"]), [GUILD_B]: [] });
		await deployCommands([]);
		expect(scopes()).toEqual({ global: expect.arrayContaining(["luma"]), [GUILD_A]: [], [GUILD_B]: [] });
	});

	it("deploy-commands --clear removes the commands in both scopes", { timeout: 60_000 }, async () => {
		h = await start({ DISCORD_GUILD_ID: GUILD_A });
		await h.app.client.rest.put(`/applications/${h.discord.applicationId}/commands`, {
			body: [{ name: "luma", description: "left over" }],
		});
		await h.app.stop();
		// Without DISCORD_GUILD_ID: the store remembers the guild of the last guild-scoped run.
		const { stdout } = await deployCommands(["--clear"]);
		expect(stdout).toContain("commands cleared");
		expect(scopes()).toEqual({ global: [], [GUILD_A]: [], [GUILD_B]: [] });

		// The next start registers them again, although their definitions did not change.
		await h.restart({ DISCORD_GUILD_ID: "" });
		expect(scopes().global).toContain("luma");
	});

	it("deploy-commands refuses an unknown argument", { timeout: 60_000 }, async () => {
		h = await start();
		const failed = await deployCommands(["--clean"]).catch(
			(error: { code: number; stderr: string }) => error,
		);
		expect(failed).toMatchObject({
			code: 1,
			stderr: "Unknown argument --clean: the only option is --clear\n",
		});
	});
});
