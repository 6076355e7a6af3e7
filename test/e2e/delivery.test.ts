import type { APIEmbed } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import type { Job } from "../../src/jobs/job.js";
import { waitFor } from "../support/wait.js";
import { ALL_PERMISSIONS } from "../fakes/discord/state.js";
import { type Harness, startHarness } from "./harness.js";

const GENERAL = "500000000000000001";
const LOGS = "500000000000000002";

let h: Harness;
afterEach(async () => {
	expect(h.discord.violations).toEqual([]);
	await h.close();
});

const start = (env: Record<string, string> = {}) =>
	startHarness({
		env,
		discord: {
			guilds: [
				{
					channels: [
						{ id: GENERAL, name: "general" },
						{ id: LOGS, name: "logs" },
					],
				},
			],
		},
	});

const title = (m: { embeds: APIEmbed[] }) => m.embeds[0]?.title;
const stored = (id: string) => h.app.store.openNamespace<Job>("jobs").get(id);

/** Makes a video whose token has aged out, and takes the bot's access to the general channel. */
async function finishedWithoutAccess(): Promise<{ jobId: string; requester: string }> {
	h.ace.setBehaviour({ mode: "manual" });
	const requester = h.discord.guild.memberIds[1]!;
	const interaction = h.discord.sendSlashCommand({
		name: "luma",
		subcommand: "generate",
		options: { prompt: "nobody can see this channel" },
		userId: requester,
		channelId: GENERAL,
	});
	await interaction.response();
	await waitFor(() => h.ace.tasks.size === 1);
	expect(await quotaText(requester)).toMatch(/\*\*You today:\*\* (\*\*4\*\* of 5 left|no limit \(1 used\))/);
	const jobId = h.app.engine.active()[0]!.id;
	h.discord.expireToken(interaction.id);
	h.discord.injectError(
		{ pathPattern: new RegExp(`/channels/${GENERAL}/messages`) },
		{ status: 403, code: 50001, message: "Missing Access", times: 1000 },
	);
	h.ace.completeTask([...h.ace.tasks.keys()][0]!);
	return { jobId, requester };
}

async function quotaText(userId: string): Promise<string> {
	const response = await h.discord.sendSlashCommand({ name: "luma", subcommand: "quota", userId }).response();
	return (response.data as { content: string }).content;
}

describe("an outcome always ends somewhere a person sees it", () => {
	it("sends the video to the requester directly when the bot lost the channel", async () => {
		h = await start();
		const { jobId } = await finishedWithoutAccess();
		const dm = await h.discord.waitForMessage(
			(m) => m.channel_id !== GENERAL && title(m) === "Video ready" && m.content.includes(`<#${GENERAL}>`),
		);
		expect(dm.components).toEqual([]);
		await waitFor(async () => (await stored(jobId))?.deliveredVia !== undefined);
		expect((await stored(jobId))?.deliveredVia).toBe("dm");
		// Refused channel calls were not repeated: each of the two channel steps was tried once.
		const channelCalls = h.discord.requests.filter((r) => r.path.includes(`/channels/${GENERAL}/messages`));
		expect(channelCalls.length).toBeLessThanOrEqual(2);
	});

	it("sends the outcome directly when the bot may no longer post in the channel (50013) and its message is gone", async () => {
		h = await start();
		h.ace.setBehaviour({ mode: "manual" });
		const requester = h.discord.guild.memberIds[1]!;
		const interaction = h.discord.sendSlashCommand({
			name: "luma",
			subcommand: "generate",
			options: { prompt: "a moderator tidied up" },
			userId: requester,
			channelId: GENERAL,
		});
		await interaction.response();
		await waitFor(() => h.ace.tasks.size === 1);
		const jobId = h.app.engine.active()[0]!.id;
		h.discord.expireToken(interaction.id);
		h.discord.deleteMessage(GENERAL, interaction.originalMessage()!.id);
		h.discord.injectError(
			{ method: "POST", pathPattern: new RegExp(`/channels/${GENERAL}/messages$`) },
			{ status: 403, code: 50013, message: "Missing Permissions", times: 1000 },
		);
		h.ace.completeTask([...h.ace.tasks.keys()][0]!);
		await h.discord.waitForMessage((m) => m.channel_id !== GENERAL && title(m) === "Video ready");
		await waitFor(async () => (await stored(jobId))?.deliveredVia !== undefined);
		expect((await stored(jobId))?.deliveredVia).toBe("dm");
	});

	it("posts in the audit log channel when the requester's DMs are closed too", async () => {
		h = await start();
		const owner = h.discord.guild.ownerId;
		const set = await h.discord
			.sendSlashCommand({
				name: "luma-admin",
				subcommandGroup: "log-channel",
				subcommand: "set",
				options: { channel: LOGS },
				userId: owner,
			})
			.response();
		expect((set.data as { content: string }).content).toContain(`<#${LOGS}>`);
		h.discord.injectError(
			{ method: "POST", pathPattern: /\/users\/@me\/channels$/ },
			{ status: 403, code: 50007, message: "Cannot send messages to this user", times: 1000 },
		);
		const { jobId, requester } = await finishedWithoutAccess();
		const logged = await h.discord.waitForMessage((m) => m.channel_id === LOGS && title(m) === "Video ready");
		expect(logged.content).toContain(`<@${requester}>`);
		expect(logged.content).toContain(`<#${GENERAL}>`);
		await waitFor(async () => (await stored(jobId))?.deliveredVia === "audit_log");
	});

	it("records an outcome nobody could see as undeliverable, logs it and gives the unit back", async () => {
		h = await start({ USER_DAILY_LIMIT: "5" });
		h.discord.injectError(
			{ method: "POST", pathPattern: /\/users\/@me\/channels$/ },
			{ status: 403, code: 50007, message: "Cannot send messages to this user", times: 1000 },
		);
		const { jobId, requester } = await finishedWithoutAccess();
		await waitFor(() => h.logs.some((line) => line.includes("job outcome reached nobody")));
		const line = JSON.parse(h.logs.find((l) => l.includes("job outcome reached nobody"))!) as Record<
			string,
			unknown
		>;
		expect(line).toMatchObject({ level: 50, jobId, reason: "status 403, code 50001" });
		await waitFor(async () => /\*\*5\*\* of 5 left/.test(await quotaText(requester)));
		expect(await quotaText(requester)).toContain("(0 used)");
		await waitFor(async () => (await stored(jobId))?.deliveredVia !== undefined);
		expect((await stored(jobId))?.deliveredVia).toBe("nobody");
	});
});

/** The bot's permissions in the channel without Send Messages (it can still see the channel). */
const WITHOUT_SEND = (BigInt(ALL_PERMISSIONS) & ~(1n << 11n)).toString();

describe("the bot's own permissions in the channel (app_permissions)", () => {
	it("takes a video where it cannot post, and tells the requester privately where it will go", async () => {
		h = await start();
		const interaction = h.discord.sendSlashCommand({
			name: "luma",
			subcommand: "generate",
			options: { prompt: "a channel the bot may not post in" },
			channelId: GENERAL,
			appPermissions: WITHOUT_SEND,
		});
		const response = await interaction.response();
		expect(((response.data as { flags?: number }).flags ?? 0) & 64).toBe(0);
		const note = await h.discord.waitForMessage(
			(m) => (m.flags & 64) !== 0 && m.content.includes("missing: Send Messages"),
		);
		expect(note.content).toMatch(/direct message/);
		await h.discord.waitForMessage(
			(m) => m.id === interaction.originalMessage()?.id && title(m) === "Video ready",
		);
		expect(h.ace.submittedBodies()).toHaveLength(1);
	});

	it("refuses an extension where it cannot post its message, naming the permission, at no cost", async () => {
		h = await start({ USER_DAILY_LIMIT: "5" });
		const first = h.discord.sendSlashCommand({
			name: "luma",
			subcommand: "generate",
			options: { prompt: "the first clip" },
			channelId: GENERAL,
		});
		await first.response();
		const clip = await h.discord.waitForMessage(
			(m) => m.id === first.originalMessage()?.id && title(m) === "Video ready",
		);
		const jobId = /luma:extend:([a-z0-9]+)/.exec(JSON.stringify(clip.components))![1]!;
		const submit = h.discord.sendModalSubmit({
			customId: `luma:extend-modal:${jobId}`,
			fields: { prompt: "and then" },
			messageId: clip.id,
			appPermissions: WITHOUT_SEND,
		});
		await submit.response();
		const answer = await h.discord.waitForMessage(
			(m) => m.id === submit.originalMessage()?.id && m.content !== "",
		);
		expect(answer.content).toContain("missing: Send Messages");
		expect(h.ace.submittedBodies()).toHaveLength(1);
		expect(await quotaText(h.discord.guild.ownerId)).toContain("**4** of 5 left");
	});
});
