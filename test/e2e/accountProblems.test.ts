import type { APIEmbed } from "discord.js";
import { waitFor } from "../support/wait.js";
import { afterEach, describe, expect, it } from "vitest";
import type { StoredMessage } from "../fakes/discord/index.js";
import { type Harness, startHarness } from "./harness.js";

let h: Harness;
afterEach(async () => {
	expect(h.discord.violations).toEqual([]);
	await h.close();
});

const EPHEMERAL = 1 << 6;
const LOGS = "444444444444444403";
const embed = (m: StoredMessage | undefined): APIEmbed | undefined => m?.embeds[0];
/** "Video failed" written anywhere but the admins' audit log channel. */
const publicFailures = () =>
	h.discord.requests.filter(
		(r) =>
			r.method !== "GET" &&
			!r.path.includes(`/channels/${LOGS}/`) &&
			JSON.stringify(r.body ?? "").includes("Video failed"),
	);

async function withLogChannel(env: Record<string, string> = {}): Promise<void> {
	h = await startHarness({
		env,
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
	await h.discord
		.sendSlashCommand({
			name: "luma-admin",
			subcommandGroup: "log-channel",
			subcommand: "set",
			options: { channel: LOGS },
			userId: h.discord.guild.memberIds[0]!,
		})
		.response();
}

describe("a provider that refuses the bot's account", () => {
	it("a wrong key is found at start: one clear log line, members refused privately, nothing sent", async () => {
		await withLogChannel({ LUMA_API_KEY: "sk-wrong-key-0123456789" });
		const lines = h.logs.filter((line) => line.includes("refused the bot's key"));
		expect(lines).toHaveLength(1);
		expect(lines[0]).toContain("AceDataCloud refused the bot's key (invalid_token): check LUMA_API_KEY");
		expect(h.logs.join("")).not.toContain("sk-wrong-key-0123456789");
		const response = await h.discord
			.sendSlashCommand({ name: "luma", subcommand: "generate", options: { prompt: "a cat" } })
			.response();
		const data = response.data as { flags: number; content: string };
		expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
		expect(data.content).toMatch(/AceDataCloud refused the bot's account/);
		expect(h.provider.submissions()).toHaveLength(0);
	});

	it("a key refused at submit: the pending message goes, the member is told privately, admins in the log", async () => {
		await withLogChannel();
		h.provider.injectSubmitError("invalid_key");
		const interaction = h.discord.sendSlashCommand({
			name: "luma",
			subcommand: "generate",
			options: { prompt: "a dog" },
		});
		await interaction.response();
		const pendingId = interaction.originalMessage()!.id;
		const note = await h.discord.waitForMessage(
			(m) => Boolean((m.flags ?? 0) & EPHEMERAL) && /provider key was refused/.test(m.content),
		);
		expect(note.content).toMatch(/Nothing was charged\.$/);
		await waitFor(() => h.discord.messages(h.discord.guild.channelId).every((m) => m.id !== pendingId));
		expect(publicFailures()).toHaveLength(0);
		const log = await h.discord.waitForMessage(
			(m) => m.channel_id === LOGS && embed(m)?.title === "Video provider refused the bot's account",
		);
		expect(embed(log)?.description).toMatch(/AceDataCloud refused the bot's account/);
	});

	it("credits that run out on an extension: the posted message goes and the private answer says why", async () => {
		await withLogChannel();
		const interaction = h.discord.sendSlashCommand({
			name: "luma",
			subcommand: "generate",
			options: { prompt: "a boat" },
		});
		await interaction.response();
		const id = interaction.originalMessage()!.id;
		const clip = await h.discord.waitForMessage((m) => m.id === id && embed(m)?.title === "Video ready");
		const videoId = /"Video ID","value":"`([^`]+)`"/.exec(JSON.stringify(embed(clip)?.fields))![1]!;
		h.provider.injectSubmitError("no_credits");
		const extend = h.discord.sendSlashCommand({
			name: "luma",
			subcommand: "extend",
			options: { video: videoId, prompt: "it sails on" },
		});
		await extend.response();
		const answer = await h.discord.waitForMessage(
			(m) => m.id === extend.originalMessage()?.id && /credits are used up/.test(m.content),
		);
		expect(answer.content).toMatch(/Nothing was charged\.$/);
		await waitFor(() =>
			h.discord.messages(h.discord.guild.channelId).every((m) => embed(m)?.title !== "Extending a video"),
		);
		expect(publicFailures()).toHaveLength(0);
	});
});
