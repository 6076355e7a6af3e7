import type { APIEmbed } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { LANGUAGE_CODES, languageInfo } from "../../src/bot/i18n/languages.js";
import { t } from "../../src/bot/i18n/translate.js";
import { checkCommandLimits } from "../fakes/discord/limits.js";
import type { StoredCommand } from "../fakes/discord/state.js";
import { waitFor } from "../support/wait.js";
import { type Harness, type HarnessOptions, startHarness } from "./harness.js";

let h: Harness;
afterEach(async () => {
	expect(h.discord.violations).toEqual([]);
	await h.close();
});

const EPHEMERAL = 1 << 6;
const LOGS = "444444444444444409";
const embedOf = (message: { embeds: APIEmbed[] } | undefined) => message?.embeds[0];
const DISCORD_LOCALES = LANGUAGE_CODES.flatMap((code) => [...languageInfo(code).discordLocales]);

async function start(options: { guildLocale?: string } & HarnessOptions = {}): Promise<void> {
	h = await startHarness({
		...options,
		discord: {
			guilds: [
				{
					channels: [{ name: "general" }, { id: LOGS, name: "logs" }],
					...(options.guildLocale && { locale: options.guildLocale }),
				},
			],
		},
	});
}

/** A private answer's text, or "accepted" for a public pending message. */
async function generate(prompt: string, locale?: string): Promise<string> {
	const interaction = h.discord.sendSlashCommand({
		name: "luma",
		subcommand: "generate",
		options: { prompt },
		...(locale && { locale }),
	});
	const data = (await interaction.response()).data as { flags?: number; content?: string };
	return (data.flags ?? 0) & EPHEMERAL ? (data.content ?? "") : "accepted";
}

async function admin(subcommand: string, options: Record<string, string>, group?: string, locale?: string) {
	const interaction = h.discord.sendSlashCommand({
		name: "luma-admin",
		subcommand,
		options,
		...(group && { subcommandGroup: group }),
		...(locale && { locale }),
	});
	return ((await interaction.response()).data as { content: string }).content;
}

/** Every name, description and choice of a registered command, with where it sits. */
function* localizable(
	node: Record<string, unknown>,
	path: string,
): Generator<[string, Record<string, unknown>]> {
	yield [path, node];
	for (const choice of (node.choices as Record<string, unknown>[] | undefined) ?? [])
		yield [`${path}/choice`, choice];
	for (const option of (node.options as Record<string, unknown>[] | undefined) ?? [])
		yield* localizable(option, `${path}/${String(option.name)}`);
}

describe("languages", () => {
	it("registers every command, option and choice in every shipped language, within Discord's rules", async () => {
		await start();
		const commands = h.discord.commands.global as StoredCommand[];
		expect(commands.map((c) => c.name).sort()).toEqual(["Extend video", "luma", "luma-admin"]);
		for (const command of commands) {
			expect(checkCommandLimits(command).errors, command.name).toEqual([]);
			for (const [path, node] of localizable(command, command.name)) {
				const names = node.name_localizations as Record<string, string> | undefined;
				expect(Object.keys(names ?? {}).sort(), `${path} names`).toEqual([...DISCORD_LOCALES].sort());
				if (path.endsWith("/choice") || command.type === 3) continue;
				const descriptions = node.description_localizations as Record<string, string> | undefined;
				expect(Object.keys(descriptions ?? {}).sort(), `${path} descriptions`).toEqual(
					[...DISCORD_LOCALES].sort(),
				);
			}
		}
		const luma = commands.find((c) => c.name === "luma")!;
		const generateSub = (luma.options as { name: string; name_localizations: Record<string, string> }[])[0]!;
		expect(generateSub.name_localizations.de).toBe("erstellen");
		expect(generateSub.name_localizations.ja).toBe("生成");
	});

	it("refuses a member whose Discord is in German in German, and one in an unknown language in English", async () => {
		await start();
		expect(await generate("   ", "de")).toBe(t("de", "refusal.prompt_empty"));
		expect(await generate("   ", "de")).toMatch(/^Deine Beschreibung ist leer/);
		expect(await generate("   ", "tlh")).toBe(t("en", "refusal.prompt_empty"));
		expect(await generate("   ")).toMatch(/^Your prompt is empty/);
		// The member's language, not the server's, for what only they read.
		const quota = h.discord.sendSlashCommand({ name: "luma", subcommand: "quota", locale: "fr" });
		expect(((await quota.response()).data as { content: string }).content).toMatch(
			/^\*\*Toi aujourd'hui :\*\*/,
		);
	});

	it("shows results in the server's language: its Discord language, or the one an admin chose", async () => {
		await start({ guildLocale: "ja" });
		expect(await generate("a paper boat", "en-US")).toBe("accepted");
		const ready = await h.discord.waitForMessage((m) => embedOf(m)?.title === t("ja", "job.title_ready"));
		expect(JSON.stringify(ready.components)).toContain(t("ja", "job.button_extend"));
		expect(embedOf(ready)?.footer?.text).toMatch(/^ジョブ /);

		// An admin's choice wins over the server's Discord language, and is confirmed in the admin's own.
		expect(await admin("language", { language: "de" }, "settings", "fr")).toBe(
			"Les messages publics sont désormais en Deutsch.",
		);
		expect(await admin("set", { channel: LOGS }, "log-channel")).toContain(`<#${LOGS}>`);
		expect(await generate("a lighthouse", "ja")).toBe("accepted");
		await h.discord.waitForMessage(
			(m) => embedOf(m)?.title === "Video fertig" && embedOf(m)?.description === "a lighthouse",
		);
		await h.discord.waitForMessage(
			(m) => m.channel_id === LOGS && embedOf(m)?.title === t("de", "audit.video_made"),
		);

		// Cleared, public messages follow the server's Discord language again.
		expect(await admin("language", { language: "auto" }, "settings")).toBe(
			"Public messages now follow the server's Discord language.",
		);
		expect(await admin("show", {}, "settings")).toContain("the server's Discord language (now 日本語)");
	});

	it("renders a stored failure in the server's language of the moment, from its code", async () => {
		await start({ guildLocale: "pt-BR" });
		h.ace.setBehaviour({ mode: "manual" });
		expect(await generate("a storm")).toBe("accepted");
		await waitFor(() => h.ace.submittedBodies().length === 1);
		await admin("language", { language: "es-ES" }, "settings");
		const [taskId] = [...h.ace.tasks.keys()];
		h.ace.failTask(taskId!, { code: "forbidden", message: "moderation" });
		const failed = await h.discord.waitForMessage(
			(m) => embedOf(m)?.title === t("es-ES", "job.title_failed"),
		);
		expect(embedOf(failed)?.description).toBe(t("es-ES", "failure.moderated"));
	});
});
