import type { APIEmbed } from "discord.js";
import { refusedPort, waitFor } from "../support/wait.js";
import { afterEach, describe, expect, it } from "vitest";
import { PROVIDER_LABELS } from "../../src/providers/names.js";
import type { FakeSubmitError } from "../fakes/common/fakeProvider.js";
import type { StoredMessage } from "../fakes/discord/index.js";
import { type Harness, type HarnessOptions, startHarness } from "./harness.js";

let h: Harness;
afterEach(async () => {
	expect(h.discord.violations).toEqual([]);
	expect(h.provider.violations).toEqual([]);
	expect(h.fallback?.violations ?? []).toEqual([]);
	await h.close();
});

const EPHEMERAL = 1 << 6;
const LOGS = "444444444444444403";
const embed = (m: StoredMessage | undefined): APIEmbed | undefined => m?.embeds[0];
const fieldsOf = (m: StoredMessage | undefined) => JSON.stringify(embed(m)?.fields ?? []);

async function start(options: HarnessOptions): Promise<void> {
	h = await startHarness({
		...options,
		discord: {
			guilds: [
				{
					channels: [
						{ id: "444444444444444401", name: "general" },
						{ id: LOGS, name: "logs" },
					],
				},
			],
		},
	});
}

/** Sends /luma generate and waits for its outcome message. */
async function generate(options: Record<string, string | boolean>): Promise<StoredMessage> {
	const interaction = h.discord.sendSlashCommand({ name: "luma", subcommand: "generate", options });
	const response = await interaction.response();
	expect((response.data as { flags?: number }).flags ?? 0).toBe(0);
	const id = interaction.originalMessage()!.id;
	return h.discord.waitForMessage(
		(m) => m.id === id && ["Video ready", "Video failed"].includes(embed(m)?.title ?? ""),
		20_000,
	);
}

const PAIRS = [
	["acedatacloud", "302ai"],
	["302ai", "acedatacloud"],
] as const;

describe.each(PAIRS)("primary %s, fallback %s", (primary, fallback) => {
	const moved = `${PROVIDER_LABELS[fallback]} (${PROVIDER_LABELS[primary]} was unavailable)`;

	// Answers that prove the primary created no task: the job may move without paying twice.
	it.each<[FakeSubmitError, number]>([
		["invalid_key", 1],
		["no_credits", 1],
		["unavailable", 1],
		// A rate limit moves only after the primary's retries (the first try and three more).
		["rate_limited", 4],
	])("a %s answer moves the job to the fallback, and the result says so", async (error, times) => {
		await start({ provider: primary, fallback });
		h.provider.injectSubmitError(error, times);
		const result = await generate({ prompt: "a lantern floating away" });
		expect(embed(result)?.title).toBe("Video ready");
		expect(fieldsOf(result)).toContain(`"Made with","value":"${moved}"`);
		expect(h.provider.taskIds()).toHaveLength(0);
		expect(h.provider.submissions()).toHaveLength(times);
		expect(h.fallback!.taskIds()).toHaveLength(1);
		expect(JSON.stringify(h.fallback!.submissions()[0]?.fields)).toContain("a lantern floating away");
	});

	it("a primary that refuses connections moves the job too", async () => {
		await start({
			provider: primary,
			fallback,
			env: { LUMA_API_BASE: `http://127.0.0.1:${await refusedPort()}` },
		});
		const result = await generate({ prompt: "unreachable" });
		expect(fieldsOf(result)).toContain(moved);
		expect(h.fallback!.taskIds()).toHaveLength(1);
	});

	// Answers after which the task may exist, or that are the request's own fault: never moved.
	it.each<[FakeSubmitError, RegExp]>([
		["moderated", /moderation rejected/],
		["server_error", /had a problem/],
	])("a %s answer fails the job honestly and nothing goes to the fallback", async (error, words) => {
		await start({ provider: primary, fallback });
		h.provider.injectSubmitError(error);
		const result = await generate({ prompt: "stays put" });
		expect(embed(result)?.title).toBe("Video failed");
		expect(embed(result)?.description).toMatch(words);
		expect(h.fallback!.submissions()).toHaveLength(0);
	});
});

describe("failover limits", () => {
	it("does not move a request whose options the fallback cannot do", async () => {
		await start({ provider: "acedatacloud", fallback: "302ai" });
		h.provider.injectSubmitError("unavailable");
		const result = await generate({ prompt: "wide", aspect_ratio: "21:9" });
		expect(embed(result)?.title).toBe("Video failed");
		expect(embed(result)?.description).toMatch(/cannot take new videos right now/);
		expect(h.fallback!.submissions()).toHaveLength(0);
	});

	it("an extension always goes to the provider that made the clip", async () => {
		await start({ provider: "acedatacloud", fallback: "302ai" });
		const clip = await generate({ prompt: "a fox" });
		const videoId = /"Video ID","value":"`([^`]+)`"/.exec(fieldsOf(clip))![1]!;
		h.provider.injectSubmitError("unavailable");
		const command = h.discord.sendSlashCommand({
			name: "luma",
			subcommand: "extend",
			options: { video: videoId, prompt: "it runs" },
		});
		await command.response();
		const failed = await h.discord.waitForMessage(
			(m) => embed(m)?.title === "Video failed" && JSON.stringify(m.embeds).includes("it runs"),
		);
		expect(embed(failed)?.description).toMatch(/cannot take new videos/);
		expect(h.fallback!.submissions()).toHaveLength(0);
	});

	it("an account problem holds the primary: the admins are told and new requests go straight to the fallback", async () => {
		await start({ provider: "acedatacloud", fallback: "302ai" });
		const owner = h.discord.guild.memberIds[0]!;
		await h.discord
			.sendSlashCommand({
				name: "luma-admin",
				subcommandGroup: "log-channel",
				subcommand: "set",
				options: { channel: LOGS },
				userId: owner,
			})
			.response();
		h.provider.injectSubmitError("no_credits");
		await generate({ prompt: "first" });
		const second = await generate({ prompt: "second" });
		expect(fieldsOf(second)).toContain("302.AI (AceDataCloud was unavailable)");
		expect(h.provider.submissions()).toHaveLength(1);
		expect(h.fallback!.taskIds()).toHaveLength(2);
		const notice = await h.discord.waitForMessage(
			(m) => m.channel_id === LOGS && embed(m)?.title === "Video provider refused the bot's account",
		);
		expect(embed(notice)?.description).toMatch(/AceDataCloud's credits for this bot are used up/);
	});

	it("with no fallback, a held provider refuses new requests privately and charges nothing", async () => {
		await start({ provider: "acedatacloud" });
		h.provider.injectSubmitError("invalid_key");
		const first = h.discord.sendSlashCommand({
			name: "luma",
			subcommand: "generate",
			options: { prompt: "first" },
		});
		await first.response();
		// The refused key is the bot's problem: told privately, never as a public failure.
		await h.discord.waitForMessage(
			(m) => Boolean((m.flags ?? 0) & EPHEMERAL) && /provider key was refused/.test(m.content),
		);
		const response = await h.discord
			.sendSlashCommand({ name: "luma", subcommand: "generate", options: { prompt: "second" } })
			.response();
		const data = response.data as { flags: number; content: string };
		expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
		expect(data.content).toMatch(/AceDataCloud refused the bot's account/);
		expect(h.provider.submissions()).toHaveLength(1);
	});
});

describe("changing LUMA_PROVIDER with jobs in flight", () => {
	it("a job stays with the provider that made it, and fails with its unit back once that provider is gone", async () => {
		await start({ provider: "acedatacloud", fallback: "302ai", env: { USER_DAILY_LIMIT: "2" } });
		const ace = h.provider;
		const ai = h.fallback!;
		ace.setBehaviour({ mode: "manual" });
		const run = async (prompt: string) => {
			const interaction = h.discord.sendSlashCommand({
				name: "luma",
				subcommand: "generate",
				options: { prompt },
			});
			await interaction.response();
			return interaction.originalMessage()!.id;
		};
		const first = await run("made by AceDataCloud");
		const second = await run("left behind");
		await waitFor(() => ace.taskIds().length === 2);

		// 302.AI becomes the primary; AceDataCloud stays as the fallback and finishes its job.
		await h.restart({
			LUMA_PROVIDER: "302ai",
			LUMA_API_KEY: ai.apiKey,
			LUMA_API_BASE: ai.baseUrl,
			LUMA_FALLBACK_PROVIDER: "acedatacloud",
			LUMA_FALLBACK_API_KEY: ace.apiKey,
			LUMA_FALLBACK_API_BASE: ace.baseUrl,
		});
		// Both were submitted at about the same time: the task is found by its prompt, not its place.
		const firstTask = h.app.engine
			.active()
			.find((job) => job.request.prompt === "made by AceDataCloud")?.taskId;
		ace.completeTask(firstTask!);
		const done = await h.discord.waitForMessage((m) => m.id === first && embed(m)?.title === "Video ready");
		expect(fieldsOf(done)).toContain('"Made with","value":"AceDataCloud"');

		// AceDataCloud is dropped: its last job cannot be finished; it fails and the unit comes back.
		await h.restart({
			LUMA_PROVIDER: "302ai",
			LUMA_API_KEY: ai.apiKey,
			LUMA_API_BASE: ai.baseUrl,
			LUMA_FALLBACK_PROVIDER: "",
			LUMA_FALLBACK_API_KEY: "",
			LUMA_FALLBACK_API_BASE: "",
		});
		const failed = await h.discord.waitForMessage(
			(m) => m.id === second && embed(m)?.title === "Video failed",
		);
		expect(embed(failed)?.description).toMatch(/AceDataCloud, which this bot no longer uses/);
		// Its clips can't be extended any more: only the provider that made a clip can continue it.
		const videoId = /"Video ID","value":"`([^`]+)`"/.exec(fieldsOf(done))![1]!;
		const extend = h.discord.sendSlashCommand({
			name: "luma",
			subcommand: "extend",
			options: { video: videoId },
		});
		const refusal = await h.discord.waitForMessage(
			(m) => m.id === extend.originalMessage()?.id && m.content !== "",
		);
		expect(refusal.content).toMatch(
			/made with AceDataCloud, which this bot no longer uses, so it can't be extended/,
		);
		// Two units a day: one spent on the delivered video, one given back, so one more works.
		const third = await generate({ prompt: "made by 302.AI" });
		expect(fieldsOf(third)).toContain('"Made with","value":"302.AI"');
		expect(ai.taskIds()).toHaveLength(1);
	});
});
