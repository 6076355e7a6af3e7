import { SlashCommandBuilder } from "@discordjs/builders";
import {
	ChannelType,
	type ChatInputCommandInteraction,
	InteractionContextType,
	MessageFlags,
	PermissionFlagsBits,
} from "discord.js";
import type { GuildAdmin } from "../src/admin/guildAdmin.js";
import type { Command } from "../src/bot/command.js";
import { truncate } from "../src/bot/text.js";
import { UserError } from "../src/errors.js";
import { LIMIT_NAMES, type LimitSettings } from "../src/settings/guildSettings.js";

/** Option name -> limit it sets. */
const LIMIT_OPTIONS: Record<string, keyof LimitSettings> = {
	server_daily: "guildDaily",
	server_monthly: "guildMonthly",
	server_concurrent: "guildMaxConcurrent",
	member_daily: "userDaily",
	member_concurrent: "userMaxConcurrent",
	member_cooldown_seconds: "userCooldownSeconds",
};
const TEXT_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildForum] as const;

const data = new SlashCommandBuilder()
	.setName("luma-admin")
	.setDescription("Set who may make videos, where, and how many")
	// Manage Server by default; admins can hand it to other roles in Server Settings → Integrations.
	.setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
	.setContexts(InteractionContextType.Guild)
	.addSubcommand((sub) => {
		sub.setName("limits").setDescription("Set limits (0 = no limit); with no options, show them");
		for (const [name, key] of Object.entries(LIMIT_OPTIONS)) {
			sub.addIntegerOption((o) =>
				o.setName(name).setDescription(LIMIT_NAMES[key]).setMinValue(0).setMaxValue(1_000_000),
			);
		}
		return sub.addStringOption((o) =>
			o
				.setName("time_zone")
				.setDescription("When days and months turn over, e.g. Europe/Paris (UTC to reset)"),
		);
	})
	.addSubcommandGroup((group) =>
		group
			.setName("channels")
			.setDescription("Where videos may be made (none listed: everywhere)")
			.addSubcommand((s) =>
				s
					.setName("allow")
					.setDescription("Allow videos in a channel")
					.addChannelOption((o) =>
						o
							.setName("channel")
							.setDescription("Channel")
							.setRequired(true)
							.addChannelTypes(...TEXT_CHANNELS),
					),
			)
			.addSubcommand((s) =>
				s
					.setName("disallow")
					.setDescription("Remove a channel from the allowed list")
					.addChannelOption((o) =>
						o
							.setName("channel")
							.setDescription("Channel")
							.setRequired(true)
							.addChannelTypes(...TEXT_CHANNELS),
					),
			)
			.addSubcommand((s) => s.setName("clear").setDescription("Allow videos in every channel again"))
			.addSubcommand((s) => s.setName("list").setDescription("Show the allowed channels")),
	)
	.addSubcommandGroup((group) =>
		group
			.setName("roles")
			.setDescription("Which roles may make videos, and which have no limits")
			.addSubcommand((s) =>
				s
					.setName("require")
					.setDescription("Only members with a required role may make videos")
					.addRoleOption((o) => o.setName("role").setDescription("Role").setRequired(true)),
			)
			.addSubcommand((s) =>
				s
					.setName("exempt")
					.setDescription("Members with this role are not limited")
					.addRoleOption((o) => o.setName("role").setDescription("Role").setRequired(true)),
			)
			.addSubcommand((s) =>
				s
					.setName("remove")
					.setDescription("Remove a role from both lists")
					.addRoleOption((o) => o.setName("role").setDescription("Role").setRequired(true)),
			)
			.addSubcommand((s) => s.setName("list").setDescription("Show required and exempt roles")),
	)
	.addSubcommandGroup((group) =>
		group
			.setName("blocklist")
			.setDescription("Words and /regex/ patterns prompts may not contain")
			.addSubcommand((s) =>
				s
					.setName("add")
					.setDescription("Block a word, phrase or /regex/")
					.addStringOption((o) =>
						o
							.setName("entry")
							.setDescription("A word, a phrase, or /pattern/")
							.setRequired(true)
							.setMaxLength(200),
					),
			)
			.addSubcommand((s) =>
				s
					.setName("remove")
					.setDescription("Unblock an entry")
					.addStringOption((o) =>
						o.setName("entry").setDescription("The entry as listed").setRequired(true).setMaxLength(200),
					),
			)
			.addSubcommand((s) => s.setName("list").setDescription("Show the blocklist")),
	)
	.addSubcommand((s) =>
		s
			.setName("ban")
			.setDescription("Stop a member from making videos")
			.addUserOption((o) => o.setName("user").setDescription("Member").setRequired(true)),
	)
	.addSubcommand((s) =>
		s
			.setName("unban")
			.setDescription("Let a member make videos again")
			.addUserOption((o) => o.setName("user").setDescription("Member").setRequired(true)),
	)
	.addSubcommandGroup((group) =>
		group
			.setName("log-channel")
			.setDescription("Where requests, outcomes and changes are logged")
			.addSubcommand((s) =>
				s
					.setName("set")
					.setDescription("Log to a channel")
					.addChannelOption((o) =>
						o
							.setName("channel")
							.setDescription("Channel")
							.setRequired(true)
							.addChannelTypes(ChannelType.GuildText),
					),
			)
			.addSubcommand((s) => s.setName("clear").setDescription("Stop logging")),
	)
	.addSubcommand((s) => s.setName("usage").setDescription("Today's and this month's usage, top members"))
	.addSubcommand((s) =>
		s
			.setName("reset")
			.setDescription("Reset today's usage for a member, or the whole server")
			.addUserOption((o) => o.setName("user").setDescription("Member (leave empty for the whole server)")),
	)
	.addSubcommand((s) => s.setName("settings").setDescription("Every setting at a glance"))
	.toJSON();

async function run(interaction: ChatInputCommandInteraction, admin: GuildAdmin): Promise<string> {
	const guildId = interaction.guildId;
	if (!guildId) throw new UserError("This command works in a server only.");
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
			for (const [name, key] of Object.entries(LIMIT_OPTIONS)) {
				const value = options.getInteger(name);
				if (value !== null) changes[key] = value;
			}
			return admin.limits(guildId, adminId, changes, options.getString("time_zone") ?? undefined);
		}
		case "channels allow":
			return admin.listAdd(guildId, adminId, "allowedChannels", channel(), `<#${channel()}>`);
		case "channels disallow":
			return admin.listRemove(guildId, adminId, "allowedChannels", channel(), `<#${channel()}>`);
		case "channels clear":
			return admin.clearChannels(guildId, adminId);
		case "channels list": {
			const list = await admin.list(guildId, "allowedChannels");
			return list.length
				? `Videos can be made in: ${list.map((id) => `<#${id}>`).join(", ")}`
				: "Videos can be made in every channel.";
		}
		case "roles require":
			return admin.listAdd(guildId, adminId, "requiredRoles", role(), `<@&${role()}>`);
		case "roles exempt":
			return admin.listAdd(guildId, adminId, "exemptRoles", role(), `<@&${role()}>`);
		case "roles remove":
			return admin.removeRole(guildId, adminId, role());
		case "roles list": {
			const [required, exempt] = await Promise.all([
				admin.list(guildId, "requiredRoles"),
				admin.list(guildId, "exemptRoles"),
			]);
			const show = (ids: string[]) => (ids.length ? ids.map((id) => `<@&${id}>`).join(", ") : "none");
			return `Required roles: ${show(required)}\nExempt roles: ${show(exempt)}`;
		}
		case "blocklist add":
			return admin.blocklistAdd(guildId, adminId, options.getString("entry", true));
		case "blocklist remove":
			return admin.blocklistRemove(guildId, adminId, options.getString("entry", true));
		case "blocklist list": {
			const list = await admin.list(guildId, "blocklist");
			return list.length
				? `Blocked: ${list.map((entry) => `\`${entry}\``).join(", ")}`
				: "The blocklist is empty.";
		}
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
		case "settings":
			return admin.overview(guildId);
		default:
			throw new UserError("That admin command is not available any more.");
	}
}

export const lumaAdmin = {
	data,
	async execute(interaction, context) {
		const text = await run(interaction, context.admin);
		await interaction.reply({
			content: truncate(text, 2000),
			flags: MessageFlags.Ephemeral,
			allowedMentions: { parse: [] },
		});
	},
} satisfies Command;
