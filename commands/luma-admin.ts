import { SlashCommandBuilder } from "@discordjs/builders";
import {
	ChannelType,
	type ChatInputCommandInteraction,
	InteractionContextType,
	MessageFlags,
	PermissionFlagsBits,
} from "discord.js";
import type { GuildAdmin } from "../src/admin/guildAdmin.js";
import type { AdminAnswer } from "../src/admin/adminAnswer.js";
import type { Command } from "../src/bot/command.js";
import type { MessageKey } from "../src/bot/i18n/catalogue.js";
import { choice, named, sameEverywhere } from "../src/bot/i18n/commandText.js";
import { isLanguage, LANGUAGE_CODES, languageInfo } from "../src/bot/i18n/languages.js";
import { memberWords } from "../src/bot/i18n/memberWords.js";
import type { Translator } from "../src/bot/i18n/translate.js";
import { truncate } from "../src/bot/text.js";
import { adminAnswerText } from "../src/bot/views/adminText.js";
import { UserError } from "../src/errors.js";
import type { LimitSettings } from "../src/settings/guildSettings.js";

/**
 * The limit options: the English name Discord sends back (whatever the member's language), the
 * catalogue key of its localized names, and the limit it sets.
 */
const LIMIT_OPTIONS = [
	{ option: "server_daily", name: "cmd.server_daily.name", limit: "guildDaily" },
	{ option: "server_monthly", name: "cmd.server_monthly.name", limit: "guildMonthly" },
	{ option: "server_concurrent", name: "cmd.server_concurrent.name", limit: "guildMaxConcurrent" },
	{ option: "member_daily", name: "cmd.member_daily.name", limit: "userDaily" },
	{ option: "member_concurrent", name: "cmd.member_concurrent.name", limit: "userMaxConcurrent" },
	{
		option: "member_cooldown_seconds",
		name: "cmd.member_cooldown_seconds.name",
		limit: "userCooldownSeconds",
	},
] as const satisfies readonly { option: string; name: MessageKey; limit: keyof LimitSettings }[];
/** The language choice that clears the server's own choice. */
const FOLLOW_DISCORD = "auto";
const TEXT_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildForum] as const;

const data = named(new SlashCommandBuilder(), { fixed: "luma-admin" }, "cmd.admin.description")
	// Manage Server by default; admins can hand it to other roles in Server Settings → Integrations.
	.setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
	.setContexts(InteractionContextType.Guild)
	.addSubcommand((sub) => {
		named(sub, "cmd.limits.name", "cmd.limits.description");
		for (const { name, limit } of LIMIT_OPTIONS)
			sub.addIntegerOption((o) => named(o, name, `limit.${limit}`).setMinValue(0).setMaxValue(1_000_000));
		return sub.addStringOption((o) => named(o, "cmd.time_zone.name", "cmd.time_zone.description"));
	})
	.addSubcommandGroup((group) =>
		named(group, "cmd.channels.name", "cmd.channels.description")
			.addSubcommand((s) =>
				named(s, "cmd.allow.name", "cmd.allow.description").addChannelOption((o) =>
					named(o, "cmd.channel.name", "cmd.channel.description")
						.setRequired(true)
						.addChannelTypes(...TEXT_CHANNELS),
				),
			)
			.addSubcommand((s) =>
				named(s, "cmd.disallow.name", "cmd.disallow.description").addChannelOption((o) =>
					named(o, "cmd.channel.name", "cmd.channel.description")
						.setRequired(true)
						.addChannelTypes(...TEXT_CHANNELS),
				),
			)
			.addSubcommand((s) => named(s, "cmd.clear.name", "cmd.channels_clear.description"))
			.addSubcommand((s) => named(s, "cmd.list.name", "cmd.channels_list.description")),
	)
	.addSubcommandGroup((group) =>
		named(group, "cmd.roles.name", "cmd.roles.description")
			.addSubcommand((s) =>
				named(s, "cmd.require.name", "cmd.require.description").addRoleOption((o) =>
					named(o, "cmd.role.name", "cmd.role.description").setRequired(true),
				),
			)
			.addSubcommand((s) =>
				named(s, "cmd.exempt.name", "cmd.exempt.description").addRoleOption((o) =>
					named(o, "cmd.role.name", "cmd.role.description").setRequired(true),
				),
			)
			.addSubcommand((s) =>
				named(s, "cmd.remove.name", "cmd.roles_remove.description").addRoleOption((o) =>
					named(o, "cmd.role.name", "cmd.role.description").setRequired(true),
				),
			)
			.addSubcommand((s) => named(s, "cmd.list.name", "cmd.roles_list.description")),
	)
	.addSubcommandGroup((group) =>
		named(group, "cmd.blocklist.name", "cmd.blocklist.description")
			.addSubcommand((s) =>
				named(s, "cmd.add.name", "cmd.blocklist_add.description").addStringOption((o) =>
					named(o, "cmd.entry.name", "cmd.entry.description").setRequired(true).setMaxLength(200),
				),
			)
			.addSubcommand((s) =>
				named(s, "cmd.remove.name", "cmd.blocklist_remove.description").addStringOption((o) =>
					named(o, "cmd.entry.name", "cmd.entry.description_listed").setRequired(true).setMaxLength(200),
				),
			)
			.addSubcommand((s) => named(s, "cmd.list.name", "cmd.blocklist_list.description")),
	)
	.addSubcommand((s) =>
		named(s, "cmd.ban.name", "cmd.ban.description").addUserOption((o) =>
			named(o, "cmd.user.name", "cmd.user.description").setRequired(true),
		),
	)
	.addSubcommand((s) =>
		named(s, "cmd.unban.name", "cmd.unban.description").addUserOption((o) =>
			named(o, "cmd.user.name", "cmd.user.description").setRequired(true),
		),
	)
	.addSubcommandGroup((group) =>
		named(group, "cmd.log_channel.name", "cmd.log_channel.description")
			.addSubcommand((s) =>
				named(s, "cmd.set.name", "cmd.log_channel_set.description").addChannelOption((o) =>
					named(o, "cmd.channel.name", "cmd.channel.description")
						.setRequired(true)
						.addChannelTypes(ChannelType.GuildText),
				),
			)
			.addSubcommand((s) => named(s, "cmd.clear.name", "cmd.log_channel_clear.description")),
	)
	.addSubcommand((s) => named(s, "cmd.usage.name", "cmd.usage.description"))
	.addSubcommand((s) =>
		named(s, "cmd.reset.name", "cmd.reset.description").addUserOption((o) =>
			named(o, "cmd.user.name", "cmd.user.description_reset"),
		),
	)
	.addSubcommandGroup((group) =>
		named(group, "cmd.settings.name", "cmd.settings.description")
			.addSubcommand((s) => named(s, "cmd.show.name", "cmd.show.description"))
			.addSubcommand((s) =>
				named(s, "cmd.language.name", "cmd.language.description").addStringOption((o) =>
					named(o, "cmd.language.name", "cmd.language.option")
						.setRequired(true)
						.addChoices(
							...LANGUAGE_CODES.map((code) => ({
								name: languageInfo(code).name,
								name_localizations: sameEverywhere(languageInfo(code).name),
								value: code,
							})),
							choice("cmd.language.auto", FOLLOW_DISCORD),
						),
				),
			),
	)
	.toJSON();

async function run(interaction: ChatInputCommandInteraction, admin: GuildAdmin): Promise<AdminAnswer> {
	const guildId = interaction.guildId;
	if (!guildId) throw new UserError("admin_server_only");
	const adminId = interaction.user.id;
	const { options } = interaction;
	const group = options.getSubcommandGroup();
	const sub = options.getSubcommand(true);
	const channel = () => options.getChannel("channel", true).id;
	const role = () => options.getRole("role", true).id;
	const user = () => options.getUser("user", true).id;
	switch (group ? `${group} ${sub}` : sub) {
		case "limits": {
			const changes: Partial<LimitSettings> = {};
			for (const { option, limit } of LIMIT_OPTIONS) {
				const value = options.getInteger(option);
				if (value !== null) changes[limit] = value;
			}
			return admin.limits(guildId, adminId, changes, options.getString("time_zone") ?? undefined);
		}
		case "channels allow":
			return admin.listAdd(guildId, adminId, "allowedChannels", channel(), `<#${channel()}>`);
		case "channels disallow":
			return admin.listRemove(guildId, adminId, "allowedChannels", channel(), `<#${channel()}>`);
		case "channels clear":
			return admin.clearChannels(guildId, adminId);
		case "roles require":
			return admin.listAdd(guildId, adminId, "requiredRoles", role(), `<@&${role()}>`);
		case "roles exempt":
			return admin.listAdd(guildId, adminId, "exemptRoles", role(), `<@&${role()}>`);
		case "roles remove":
			return admin.removeRole(guildId, adminId, role());
		case "blocklist add":
			return admin.blocklistAdd(guildId, adminId, options.getString("entry", true));
		case "blocklist remove":
			return admin.blocklistRemove(guildId, adminId, options.getString("entry", true));
		case "ban":
			return admin.listAdd(guildId, adminId, "bannedUsers", user(), `<@${user()}>`);
		case "unban":
			return admin.listRemove(guildId, adminId, "bannedUsers", user(), `<@${user()}>`);
		case "log-channel set":
			return admin.setLogChannel(guildId, adminId, channel());
		case "log-channel clear":
			return admin.setLogChannel(guildId, adminId, undefined);
		case "usage":
			return admin.usage(guildId);
		case "reset":
			return admin.reset(guildId, adminId, options.getUser("user")?.id);
		case "settings show":
			return admin.overview(guildId);
		case "settings language": {
			const language = options.getString("language", true);
			if (language !== FOLLOW_DISCORD && !isLanguage(language)) throw new UserError("command_gone");
			return admin.setLanguage(guildId, adminId, language === FOLLOW_DISCORD ? undefined : language);
		}
		default:
			throw new UserError("command_gone");
	}
}

/** The lists, shown as they are (nothing changes, nothing is logged). */
async function list(
	interaction: ChatInputCommandInteraction,
	admin: GuildAdmin,
	t: Translator,
): Promise<string | undefined> {
	const guildId = interaction.guildId;
	const group = interaction.options.getSubcommandGroup();
	if (!guildId || interaction.options.getSubcommand(true) !== "list") return undefined;
	const mentions = (ids: string[], mention: (id: string) => string) => ids.map(mention).join(", ");
	if (group === "channels") {
		const ids = await admin.list(guildId, "allowedChannels");
		return ids.length
			? t("admin.channels_list", { channels: mentions(ids, (id) => `<#${id}>`) })
			: t("admin.channels_everywhere");
	}
	if (group === "roles") {
		const [required, exempt] = await Promise.all([
			admin.list(guildId, "requiredRoles"),
			admin.list(guildId, "exemptRoles"),
		]);
		const show = (ids: string[]) => (ids.length ? mentions(ids, (id) => `<@&${id}>`) : t("admin.none"));
		return t("admin.roles_list", { required: show(required), exempt: show(exempt) });
	}
	if (group === "blocklist") {
		const entries = await admin.list(guildId, "blocklist");
		return entries.length
			? t("admin.blocklist_list", { entries: mentions(entries, (entry) => `\`${entry}\``) })
			: t("admin.blocklist_list_empty");
	}
	return undefined;
}

export const lumaAdmin = {
	data,
	async execute(interaction, context) {
		const t = memberWords(interaction);
		const text =
			(await list(interaction, context.admin, t)) ??
			adminAnswerText(t, await run(interaction, context.admin));
		await interaction.reply({
			content: truncate(text, 2000),
			flags: MessageFlags.Ephemeral,
			allowedMentions: { parse: [] },
		});
	},
} satisfies Command;
