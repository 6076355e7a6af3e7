import { Client, Events, GatewayIntentBits, type Interaction } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/index.js";
import { guildIdOnShard, shardOfGuild } from "../fakes/discord/snowflake.js";

type Packet = { op: number; t?: string; s?: number; d?: Record<string, unknown> };

let fake: FakeDiscord | undefined;
const sockets: WebSocket[] = [];
afterEach(async () => {
	for (const ws of sockets.splice(0)) ws.terminate();
	await fake?.close();
	fake = undefined;
});

/** A raw gateway client that identifies with `shard` (none: leaves the field out). */
async function connect(discord: FakeDiscord, shard?: unknown) {
	const url = `${discord.apiBase.replace(/^http/, "ws").replace(/\/api$/, "")}/gateway?v=10&encoding=json`;
	const ws = new WebSocket(url);
	sockets.push(ws);
	const packets: Packet[] = [];
	ws.on("message", (data: Buffer) => packets.push(JSON.parse(data.toString()) as Packet));
	const closed = new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));
	await new Promise((resolve) => ws.once("open", resolve));
	ws.send(
		JSON.stringify({
			op: 2,
			d: { token: discord.token, intents: 1, properties: {}, ...(shard !== undefined && { shard }) },
		}),
	);
	const next = async (match: (p: Packet) => boolean) => {
		for (let i = 0; i < 200; i++) {
			const found = packets.find(match);
			if (found) return found;
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
		throw new Error("packet not received");
	};
	const events = (t: string) => packets.filter((p) => p.t === t);
	return { ws, next, events, closed };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("the fake Discord's shards", () => {
	const onShard0 = guildIdOnShard(0, 2);
	const onShard1 = guildIdOnShard(1, 2);

	it("makes guild ids for a chosen shard, by Discord's formula", () => {
		expect([shardOfGuild(onShard0, 2), shardOfGuild(onShard1, 2)]).toEqual([0, 1]);
		for (let shard = 0; shard < 5; shard++) expect(shardOfGuild(guildIdOnShard(shard, 5), 5)).toBe(shard);
		expect(guildIdOnShard(1, 2)).toMatch(/^\d{17,20}$/);
	});

	it("recommends the configured shards and identify concurrency on GET /gateway/bot", async () => {
		fake = await startFakeDiscord({ recommendedShards: 3, maxConcurrency: 4 });
		const gatewayBot = async () =>
			(await (
				await fetch(`${fake!.apiBase}/v10/gateway/bot`, { headers: { authorization: `Bot ${fake!.token}` } })
			).json()) as { shards: number; session_start_limit: { remaining: number; max_concurrency: number } };
		const before = await gatewayBot();
		expect(before.shards).toBe(3);
		expect(before.session_start_limit.max_concurrency).toBe(4);
		const client = await connect(fake, [2, 3]);
		await client.next((p) => p.t === "READY");
		expect((await gatewayBot()).session_start_limit.remaining).toBe(before.session_start_limit.remaining - 1);
	});

	it("gives each shard's session its own guilds in READY and GUILD_CREATE", async () => {
		fake = await startFakeDiscord({ guilds: [{ id: onShard0 }, { id: onShard1 }] });
		const zero = await connect(fake, [0, 2]);
		const one = await connect(fake, [1, 2]);
		const readyZero = await zero.next((p) => p.t === "READY");
		const readyOne = await one.next((p) => p.t === "READY");
		expect(readyZero.d?.shard).toEqual([0, 2]);
		expect(readyOne.d?.shard).toEqual([1, 2]);
		expect(readyZero.d?.guilds).toEqual([{ id: onShard0, unavailable: true }]);
		expect(readyOne.d?.guilds).toEqual([{ id: onShard1, unavailable: true }]);
		await zero.next((p) => p.t === "GUILD_CREATE");
		await one.next((p) => p.t === "GUILD_CREATE");
		await settle();
		expect(zero.events("GUILD_CREATE").map((p) => p.d?.id)).toEqual([onShard0]);
		expect(one.events("GUILD_CREATE").map((p) => p.d?.id)).toEqual([onShard1]);
		expect(fake.identified.map((r) => r.shard)).toEqual([
			[0, 2],
			[1, 2],
		]);
	});

	it("sends an interaction only to the session of the shard that owns its guild", async () => {
		fake = await startFakeDiscord({ guilds: [{ id: onShard0 }, { id: onShard1 }] });
		const zero = await connect(fake, [0, 2]);
		const one = await connect(fake, [1, 2]);
		await zero.next((p) => p.t === "READY");
		await one.next((p) => p.t === "READY");
		const toOne = fake.sendSlashCommand({ name: "luma", guildId: onShard1 });
		const toZero = fake.sendSlashCommand({ name: "luma", guildId: onShard0 });
		expect(toOne.shards).toEqual([1]);
		expect(toZero.shards).toEqual([0]);
		await one.next((p) => p.t === "INTERACTION_CREATE");
		await zero.next((p) => p.t === "INTERACTION_CREATE");
		await settle();
		expect(one.events("INTERACTION_CREATE").map((p) => p.d?.id)).toEqual([toOne.id]);
		expect(zero.events("INTERACTION_CREATE").map((p) => p.d?.id)).toEqual([toZero.id]);
	});

	it("sends what has no guild (DMs) to shard 0", async () => {
		fake = await startFakeDiscord({ guilds: [{ id: onShard0 }, { id: onShard1 }] });
		const zero = await connect(fake, [0, 2]);
		const one = await connect(fake, [1, 2]);
		await zero.next((p) => p.t === "READY");
		await one.next((p) => p.t === "READY");
		expect(fake.dispatchEvent("INTERACTION_CREATE", { id: "1", channel_id: "2" })).toEqual([0]);
		await zero.next((p) => p.t === "INTERACTION_CREATE");
		await settle();
		expect(one.events("INTERACTION_CREATE")).toEqual([]);
	});

	it("refuses an interaction whose shard has no session, rather than losing it", async () => {
		fake = await startFakeDiscord({ guilds: [{ id: onShard0 }, { id: onShard1 }] });
		const zero = await connect(fake, [0, 2]);
		await zero.next((p) => p.t === "READY");
		expect(() => fake!.sendSlashCommand({ name: "luma", guildId: onShard1 })).toThrow(/guild's shard/);
	});

	it("treats an IDENTIFY without a shard as [0, 1]: every guild, every event", async () => {
		fake = await startFakeDiscord({ guilds: [{ id: onShard0 }, { id: onShard1 }] });
		const only = await connect(fake);
		const ready = await only.next((p) => p.t === "READY");
		expect(ready.d?.shard).toEqual([0, 1]);
		expect((ready.d?.guilds as unknown[]).length).toBe(2);
		expect(fake.sendSlashCommand({ name: "luma", guildId: onShard1 }).shards).toEqual([0]);
		expect(fake.identified[0]?.shard).toEqual([0, 1]);
	});

	it("serves two discord.js clients, one per shard, each with its own guild and interactions", async () => {
		fake = await startFakeDiscord({ guilds: [{ id: onShard0 }, { id: onShard1 }] });
		const discord = fake;
		const clients = [0, 1].map(
			(shard) =>
				new Client({
					intents: [GatewayIntentBits.Guilds],
					rest: { api: discord.apiBase },
					shards: [shard],
					shardCount: 2,
				}),
		);
		const received: [number, string][] = [];
		try {
			await Promise.all(
				clients.map(async (client, shard) => {
					client.on(Events.InteractionCreate, (interaction: Interaction) => {
						received.push([shard, interaction.guildId ?? ""]);
						if (interaction.isChatInputCommand()) void interaction.reply("ok");
					});
					const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
					await client.login(discord.token);
					await ready;
				}),
			);
			expect(clients.map((client) => [...client.guilds.cache.keys()])).toEqual([[onShard0], [onShard1]]);
			const one = discord.sendSlashCommand({ name: "luma", guildId: onShard1 });
			const zero = discord.sendSlashCommand({ name: "luma", guildId: onShard0 });
			await Promise.all([one.response(), zero.response()]);
			expect(received.sort()).toEqual([
				[0, onShard0],
				[1, onShard1],
			]);
		} finally {
			await Promise.all(clients.map((client) => client.destroy()));
		}
	});

	it("closes with 4010 on an invalid shard", async () => {
		fake = await startFakeDiscord();
		for (const shard of [[2, 2], [0, 0], [-1, 2], [0], "0,1", [0.5, 2]]) {
			const client = await connect(fake, shard);
			expect(await client.closed, JSON.stringify(shard)).toBe(4010);
		}
		expect(fake.identified).toEqual([]);
	});
});
