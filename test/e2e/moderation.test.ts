import type { APIEmbed } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import type { StoredMessage } from "../fakes/discord/index.js";
import { type Harness, type HarnessOptions, startHarness } from "./harness.js";

const ARTIST = "222222222222222222";
const VIP = "333333333333333333";
const SEND_ONLY = "2048"; // Send Messages, and not Manage Messages
const EPHEMERAL = 1 << 6;
const GENERAL = "444444444444444401";
const ART = "444444444444444402";
const LOGS = "444444444444444403";

let h: Harness;
let ids: { owner: string; alice: string; bob: string; general: string; art: string; logs: string };
afterEach(async () => {
	expect(h.discord.violations).toEqual([]);
	await h.close();
});

async function start(options: HarnessOptions = {}): Promise<void> {
	h = await startHarness({
		...options,
		discord: {
			guilds: [
				{
					channels: [
						{ id: GENERAL, name: "general" },
						{ id: ART, name: "art" },
						{ id: LOGS, name: "logs" },
					],
					roles: [
						{ id: ARTIST, name: "artist" },
						{ id: VIP, name: "vip" },
					],
					members: [
						{ username: "owner" },
						{ username: "alice", roles: [ARTIST], permissions: SEND_ONLY },
						{ username: "bob", permissions: SEND_ONLY },
					],
				},
			],
		},
	});
	const [owner, alice, bob] = h.discord.guild.memberIds as [string, string, string];
	ids = { owner, alice, bob, general: GENERAL, art: ART, logs: LOGS };
}

const embed = (m: StoredMessage | undefined): APIEmbed | undefined => m?.embeds[0];

/** Sends /luma generate and returns "accepted" or the private refusal text. */
async function generate(prompt: string, userId: string, channelId = ids.general): Promise<string> {
	const interaction = h.discord.sendSlashCommand({
		name: "luma",
		subcommand: "generate",
		options: { prompt },
		userId,
		channelId,
	});
	const response = await interaction.response();
	const data = response.data as { flags?: number; content?: string };
	if ((data.flags ?? 0) & EPHEMERAL) return data.content ?? "";
	return "accepted";
}

async function admin(
	subcommand: string,
	options: Record<string, string | number> = {},
	group?: string,
): Promise<string> {
	const interaction = h.discord.sendSlashCommand({
		name: "luma-admin",
		subcommand,
		...(group && { subcommandGroup: group }),
		options,
		userId: ids.owner,
	});
	const response = await interaction.response();
	const data = response.data as { flags: number; content: string };
	expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
	return data.content;
}

async function quotaText(userId: string): Promise<string> {
	const response = await h.discord.sendSlashCommand({ name: "luma", subcommand: "quota", userId }).response();
	return (response.data as { content: string }).content;
}

const submissions = () => h.ace.submittedBodies().length;
const logMessages = () => h.discord.messages(ids.logs);

describe("moderated shared usage", () => {
	it("registers /luma-admin for Manage Server by default", async () => {
		await start();
		const adminCommand = (
			h.discord.commands.global as { name: string; default_member_permissions?: string }[]
		).find((c) => c.name === "luma-admin");
		expect(adminCommand?.default_member_permissions).toBe("32");
	});

	it("refuses by channel, role, ban and blocklist, naming the rule; bans and blocked prompts reach the audit log", async () => {
		await start();
		expect(await admin("set", { channel: ids.logs }, "log-channel")).toContain(`<#${ids.logs}>`);
		expect(await admin("allow", { channel: ids.art }, "channels")).toContain(`<#${ids.art}>`);
		expect(await generate("a cat", ids.alice, ids.general)).toMatch(
			new RegExp(`can't be made in this channel.*<#${ids.art}>`),
		);

		await admin("require", { role: ARTIST }, "roles");
		expect(await generate("a cat", ids.bob, ids.art)).toMatch(
			new RegExp(`need one of these roles.*<@&${ARTIST}>`),
		);

		await admin("ban", { user: ids.alice });
		expect(await generate("a cat", ids.alice, ids.art)).toMatch(/banned from making videos/);
		await admin("unban", { user: ids.alice });

		await admin("add", { entry: "forbidden fruit" }, "blocklist");
		expect(await generate("the Forbidden Fruit tree", ids.alice, ids.art)).toMatch(
			/contains "forbidden fruit"/,
		);
		expect(await generate("a cat", ids.alice, ids.art)).toBe("accepted");
		await waitUntil(async () => submissions() === 1);

		await h.discord.waitForMessage((m) => m.channel_id === ids.logs && embed(m)?.title === "Prompt blocked");
		const titles = () => logMessages().map((m) => embed(m)?.title);
		await h.discord.waitForMessage((m) => m.channel_id === ids.logs && embed(m)?.title === "Video requested");
		expect(titles()).toEqual(
			expect.arrayContaining([
				"Settings changed",
				"Banned member refused",
				"Prompt blocked",
				"Video requested",
			]),
		);
	});

	it("refuses over the daily limit, in progress, and within the cooldown, with the numbers and the reset time", async () => {
		await start({ env: { USER_DAILY_LIMIT: "2", USER_MAX_CONCURRENT: "1", USER_COOLDOWN_SECONDS: "0" } });
		h.ace.setBehaviour({ mode: "manual" });
		expect(await generate("one", ids.bob)).toBe("accepted");
		expect(await generate("two", ids.bob)).toMatch(/already have 1 video in progress \(limit 1\)/);
		await waitUntil(async () => submissions() === 1);
		const [first] = [...h.ace.tasks.keys()];
		h.ace.completeTask(first!);
		await h.discord.waitForMessage((m) => embed(m)?.title === "Video ready");
		await waitUntil(async () => /In progress:\*\* yours 0/.test(await quotaText(ids.bob)));
		expect(await generate("two", ids.bob)).toBe("accepted");
		expect(await generate("three", ids.bob)).toMatch(/used 2 of 2 videos today; your limit resets <t:\d+:R>/);
		expect(await quotaText(ids.bob)).toMatch(/You today:\*\* \*\*0\*\* of 2 left/);
		await admin("limits", { member_cooldown_seconds: 60, member_daily: 0, member_concurrent: 0 });
		expect(await generate("four", ids.alice)).toBe("accepted");
		expect(await generate("five", ids.alice)).toMatch(/Slow down: you can start another video <t:\d+:R>/);
	});

	it("100 simultaneous requests against a server limit of 10 accept exactly 10", async () => {
		await start({ env: { GUILD_DAILY_LIMIT: "10" } });
		h.ace.setBehaviour({ mode: "manual" });
		const members = [ids.owner, ids.alice, ids.bob];
		const answers = await Promise.all(
			Array.from({ length: 100 }, (_, i) =>
				h.discord
					.sendSlashCommand({
						name: "luma",
						subcommand: "generate",
						options: { prompt: `clip ${i}` },
						userId: members[i % 3]!,
					})
					.response(),
			),
		);
		const accepted = answers.filter((a) => !(((a.data as { flags?: number }).flags ?? 0) & EPHEMERAL));
		expect(accepted).toHaveLength(10);
		const refusals = answers.filter((a) => ((a.data as { flags?: number }).flags ?? 0) & EPHEMERAL);
		expect((refusals[0]?.data as { content: string }).content).toMatch(
			/This server has used 10 of 10 videos today/,
		);
		await waitUntil(async () => submissions() === 10);
	});

	it("gives the unit back when the provider fails, keeps it on a moderation rejection", async () => {
		await start({ env: { USER_DAILY_LIMIT: "1" } });
		h.ace.setBehaviour({
			mode: "auto",
			runningAfterMs: 5,
			completeAfterMs: 10,
			fail: { code: "api_error", message: "upstream" },
		});
		expect(await generate("first", ids.bob)).toBe("accepted");
		await h.discord.waitForMessage((m) => embed(m)?.title === "Video failed");
		await waitUntil(async () => /\*\*1\*\* of 1 left/.test(await quotaText(ids.bob)));

		h.ace.setBehaviour({
			mode: "auto",
			runningAfterMs: 5,
			completeAfterMs: 10,
			fail: { code: "forbidden", message: "moderation" },
		});
		expect(await generate("second", ids.bob)).toBe("accepted");
		await h.discord.waitForMessage(
			(m) => embed(m)?.description?.includes("moderation") === true && embed(m)?.title === "Video failed",
		);
		await waitUntil(async () => /\*\*0\*\* of 1 left/.test(await quotaText(ids.bob)));
		expect(await generate("third", ids.bob)).toMatch(/used 1 of 1 videos? today/);
	});

	it("turns the day over at midnight UTC (injected clock)", async () => {
		const clock = { now: Date.parse("2026-03-01T23:59:00Z") };
		await start({ env: { USER_DAILY_LIMIT: "1" }, clock: () => clock.now });
		expect(await generate("late", ids.bob)).toBe("accepted");
		expect(await generate("later", ids.bob)).toMatch(/resets <t:1772409600:R>/);
		clock.now = Date.parse("2026-03-02T00:00:30Z");
		expect(await generate("next day", ids.bob)).toBe("accepted");
	});

	it("keeps settings across a restart", async () => {
		await start();
		await admin("limits", { member_daily: 3, server_monthly: 200, time_zone: "Europe/Paris" });
		await admin("add", { entry: "/dr[a4]gons?/" }, "blocklist");
		await h.restart();
		const settings = await admin("show", {}, "settings");
		expect(settings).toMatch(/videos per day \(per member\): \*\*3\*\*/);
		expect(settings).toMatch(/videos per month \(server\): \*\*200\*\*/);
		expect(settings).toContain("Europe/Paris");
		expect(await generate("a dr4gon", ids.bob)).toMatch(/which this server does not allow/);
	});

	it("checks the blocklist on prompts from the Extend modal too", async () => {
		await start();
		expect(await generate("a quiet lake", ids.bob)).toBe("accepted");
		const clip = await h.discord.waitForMessage((m) => embed(m)?.title === "Video ready");
		await admin("add", { entry: "monster" }, "blocklist");
		const button = JSON.stringify(clip.components).match(/luma:extend:[a-z0-9]+/)![0];
		await h.discord.sendButton({ customId: button, messageId: clip.id, userId: ids.alice }).response();
		const submit = h.discord.sendModalSubmit({
			customId: button.replace("extend", "extend-modal"),
			fields: { prompt: "a lake MONSTER rises" },
			messageId: clip.id,
			userId: ids.alice,
		});
		await submit.response();
		const answer = await h.discord.waitForMessage(
			(m) => m.id === submit.originalMessage()?.id && m.content !== "",
		);
		expect(answer.content).toMatch(/contains "monster"/);
		expect(submissions()).toBe(1);
	});

	it("Delete works for the requester and for moderators, and is refused for anyone else", async () => {
		await start();
		const made: StoredMessage[] = [];
		for (const prompt of ["mine", "theirs"]) {
			expect(await generate(prompt, ids.bob)).toBe("accepted");
			made.push(
				await h.discord.waitForMessage(
					(m) => embed(m)?.title === "Video ready" && embed(m)?.description === prompt,
				),
			);
		}
		const deleteId = (m: StoredMessage) => JSON.stringify(m.components).match(/luma:delete:[a-z0-9]+/)![0];

		const refused = await h.discord
			.sendButton({ customId: deleteId(made[0]!), messageId: made[0]!.id, userId: ids.alice })
			.response();
		expect((refused.data as { content: string }).content).toMatch(
			/Only the person who asked for this video, or a member with Manage Messages/,
		);
		expect(h.discord.message(made[0]!.channel_id, made[0]!.id)).toBeDefined();

		await h.discord
			.sendButton({ customId: deleteId(made[0]!), messageId: made[0]!.id, userId: ids.bob })
			.response();
		await waitUntil(async () => h.discord.message(made[0]!.channel_id, made[0]!.id) === undefined);
		await h.discord
			.sendButton({ customId: deleteId(made[1]!), messageId: made[1]!.id, userId: ids.owner })
			.response();
		await waitUntil(async () => h.discord.message(made[1]!.channel_id, made[1]!.id) === undefined);

		const jobId = /^Job (\S+)/.exec(embed(made[0])?.footer?.text ?? "")![1]!;
		const extend = h.discord.sendSlashCommand({
			name: "luma",
			subcommand: "extend",
			options: { video: jobId },
			userId: ids.alice,
		});
		await extend.response();
		const answer = await h.discord.waitForMessage(
			(m) => m.id === extend.originalMessage()?.id && m.content !== "",
		);
		expect(answer.content).toMatch(/was deleted, so it can't be extended/);
	});
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error("condition not met in time");
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}
