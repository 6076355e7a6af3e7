import { SlashCommandBuilder, type SlashCommandSubcommandBuilder } from "@discordjs/builders";
import { InteractionContextType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import { choice, fixedChoice, named } from "../../src/bot/i18n/commandText.js";
import type { ProviderCapabilities } from "../../src/providers/types.js";
import { MAX_PROMPT_LENGTH } from "../../src/requests/validateGenerate.js";

const choices = (values: readonly string[]) => values.map(fixedChoice);

function generate(
	sub: SlashCommandSubcommandBuilder,
	caps: ProviderCapabilities,
): SlashCommandSubcommandBuilder {
	named(
		sub,
		"cmd.generate.name",
		caps.startFrame && caps.endFrame ? "cmd.generate.description_frames" : "cmd.generate.description",
	).addStringOption((o) =>
		named(o, "cmd.prompt.name", "cmd.generate.prompt").setRequired(true).setMaxLength(MAX_PROMPT_LENGTH),
	);
	if (caps.startFrame)
		sub.addAttachmentOption((o) => named(o, "cmd.start_frame.name", "cmd.start_frame.description"));
	if (caps.endFrame)
		sub.addAttachmentOption((o) => named(o, "cmd.end_frame.name", "cmd.end_frame.description"));
	if (caps.aspectRatios.length > 0)
		sub.addStringOption((o) =>
			named(o, "cmd.aspect_ratio.name", "cmd.aspect_ratio.description", {
				default: caps.aspectRatios[0],
			}).addChoices(...choices(caps.aspectRatios)),
		);
	if (caps.loop) sub.addBooleanOption((o) => named(o, "cmd.loop.name", "cmd.loop.description"));
	if (caps.enhance) sub.addBooleanOption((o) => named(o, "cmd.enhance.name", "cmd.enhance.description"));
	if (caps.models.length > 1)
		sub.addStringOption((o) =>
			named(o, "cmd.model.name", "cmd.model.description", { default: caps.models[0] }).addChoices(
				...choices(caps.models),
			),
		);
	if (caps.durations.length > 0)
		sub.addStringOption((o) =>
			named(o, "cmd.duration.name", "cmd.duration.description", { default: caps.durations[0] }).addChoices(
				...choices(caps.durations),
			),
		);
	if (caps.resolutions.length > 0)
		sub.addStringOption((o) =>
			named(o, "cmd.resolution.name", "cmd.resolution.description", {
				default: caps.resolutions[0],
			}).addChoices(...choices(caps.resolutions)),
		);
	return sub;
}

function extend(
	sub: SlashCommandSubcommandBuilder,
	caps: ProviderCapabilities,
): SlashCommandSubcommandBuilder {
	const extend = caps.extend!;
	named(sub, "cmd.extend.name", "cmd.extend.description")
		.addStringOption((o) =>
			named(o, "cmd.video.name", extend.byUrl ? "cmd.video.description_url" : "cmd.video.description")
				.setRequired(true)
				.setAutocomplete(true),
		)
		.addStringOption((o) => named(o, "cmd.prompt.name", "cmd.extend.prompt").setMaxLength(MAX_PROMPT_LENGTH));
	if (extend.endFrame)
		sub.addAttachmentOption((o) => named(o, "cmd.end_frame.name", "cmd.end_frame.description"));
	if (extend.backward)
		sub.addStringOption((o) =>
			named(o, "cmd.direction.name", "cmd.direction.description").addChoices(
				choice("cmd.direction.forward", "forward"),
				choice("cmd.direction.backward", "backward"),
			),
		);
	return sub;
}

/**
 * `/luma` as the configured provider can serve it: an option the provider cannot do is not
 * offered, and `extend` exists only where the provider can extend. The deploy script builds the
 * same from the same configuration. Every name and description carries each shipped language.
 */
export function lumaCommandData(caps: ProviderCapabilities): RESTPostAPIChatInputApplicationCommandsJSONBody {
	const builder = named(new SlashCommandBuilder(), { fixed: "luma" }, "cmd.luma.description")
		.setContexts(InteractionContextType.Guild)
		.addSubcommand((sub) => generate(sub, caps));
	if (caps.extend) builder.addSubcommand((sub) => extend(sub, caps));
	builder.addSubcommand((sub) => named(sub, "cmd.quota.name", "cmd.quota.description"));
	return builder.toJSON();
}
