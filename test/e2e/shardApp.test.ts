import { afterEach, describe, expect, it } from "vitest";
import { guildIdOnShard } from "../fakes/discord/snowflake.js";
import { askShard } from "../../src/shard/managerRequests.js";
import { ipcChannel } from "../support/ipcChannel.js";
import { type Harness, startHarness } from "./harness.js";

/**
 * The app as a shard process runs it, in this process: the sharding manager and the several
 * processes are covered by test/e2e/sharding.test.ts.
 */
describe("the app serving one shard of two", () => {
	const onShard0 = guildIdOnShard(0, 2);
	const onShard1 = guildIdOnShard(1, 2);
	let h: Harness | undefined;
	afterEach(async () => {
		await h?.close();
		h = undefined;
	});

	it(
		"identifies as its shard, gets its own servers, registers no command and opens no port",
		{ timeout: 20_000 },
		async () => {
			const channel = ipcChannel();
			h = await startHarness({
				discord: { guilds: [{ id: onShard0 }, { id: onShard1 }] },
				app: { shards: { ids: [1], count: 2 }, registerCommands: false, managerPort: channel.shard },
				env: { HTTP_PORT: "0" },
			});
			expect(h.app.shards).toEqual({ ids: [1], count: 2 });
			expect(h.discord.identified.map((r) => r.shard)).toEqual([[1, 2]]);
			expect([...h.app.client.guilds.cache.keys()]).toEqual([onShard1]);
			expect(h.discord.requests.filter((r) => r.path.includes("/commands"))).toEqual([]);
			// The manager serves the port, and asks this process for its part.
			expect(h.app.http).toBeUndefined();
			const health = (await askShard(channel.manager, { kind: "health" }, 5_000)) as { ok: boolean };
			expect(health.ok).toBe(true);
			const quota = h.discord.sendSlashCommand({ name: "luma", subcommand: "quota", guildId: onShard1 });
			expect(quota.shards).toEqual([1]);
			expect((await quota.response()).type).toBe(4);
			// Shard 0 has no session here: Discord would send that server's interactions elsewhere.
			expect(() => h!.discord.sendSlashCommand({ name: "luma", guildId: onShard0 })).toThrow(/shard/);
		},
	);

	it("unsharded, it serves shard 0 of 1 with every server, and registers the commands", async () => {
		h = await startHarness({ discord: { guilds: [{ id: onShard0 }, { id: onShard1 }] } });
		expect(h.app.shards).toEqual({ ids: [0], count: 1 });
		expect(h.discord.identified.map((r) => r.shard)).toEqual([[0, 1]]);
		expect(h.app.client.guilds.cache.size).toBe(2);
		expect(h.discord.requests.filter((r) => r.method === "PUT" && r.path.endsWith("/commands"))).toHaveLength(
			1,
		);
	});
});
