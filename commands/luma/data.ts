import { SlashCommandBuilder, type SlashCommandSubcommandBuilder } from "@discordjs/builders";
import { InteractionContextType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import type { ProviderCapabilities } from "../../src/providers/types.js";
import { MAX_PROMPT_LENGTH } from "../../src/requests/validateGenerate.js";

const choices = (values: readonly string[]) => values.map((value) => ({ name: value, value }));

function generate(
	sub: SlashCommandSubcommandBuilder,
	caps: ProviderCapabilities,
): SlashCommandSubcommandBuilder {
	const frames = caps.startFrame && caps.endFrame ? ", optionally between a start and an end frame" : "";
	sub
		.setName("generate")
		.setDescription(`Make a video from a prompt${frames}`)
		.addStringOption((o) =>
			o
				.setName("prompt")
				.setDescription("What should happen in the video")
				.setRequired(true)
				.setMaxLength(MAX_PROMPT_LENGTH),
		);
	if (caps.startFrame)
		sub.addAttachmentOption((o) =>
			o.setName("start_frame").setDescription("Image for the first frame (PNG, JPEG or WebP)"),
		);
	if (caps.endFrame)
		sub.addAttachmentOption((o) =>
			o.setName("end_frame").setDescription("Image for the last frame (PNG, JPEG or WebP)"),
		);
	if (caps.aspectRatios.length > 0)
		sub.addStringOption((o) =>
			o
				.setName("aspect_ratio")
				.setDescription(`Shape of the video (default ${caps.aspectRatios[0]})`)
				.addChoices(...choices(caps.aspectRatios)),
		);
	if (caps.loop)
		sub.addBooleanOption((o) => o.setName("loop").setDescription("Make the video loop seamlessly"));
	if (caps.enhance)
		sub.addBooleanOption((o) => o.setName("enhance").setDescription("Let the provider improve your prompt"));
	if (caps.models.length > 1)
		sub.addStringOption((o) =>
			o
				.setName("model")
				.setDescription(`Video model (default ${caps.models[0]})`)
				.addChoices(...choices(caps.models)),
		);
	if (caps.durations.length > 0)
		sub.addStringOption((o) =>
			o
				.setName("duration")
				.setDescription(`Length of the clip (default ${caps.durations[0]})`)
				.addChoices(...choices(caps.durations)),
		);
	if (caps.resolutions.length > 0)
		sub.addStringOption((o) =>
			o
				.setName("resolution")
				.setDescription(`Resolution of the clip (default ${caps.resolutions[0]})`)
				.addChoices(...choices(caps.resolutions)),
		);
	return sub;
}

function extend(
	sub: SlashCommandSubcommandBuilder,
	caps: ProviderCapabilities,
): SlashCommandSubcommandBuilder {
	const extend = caps.extend!;
	sub
		.setName("extend")
		.setDescription("Continue a video with a new prompt; anyone may extend anyone's clip")
		.addStringOption((o) =>
			o
				.setName("video")
				.setDescription(
					extend.byUrl
						? "A recent video, its video ID, a link to the bot's message, or a video URL"
						: "A recent video, its video ID, or a link to the bot's message",
				)
				.setRequired(true)
				.setAutocomplete(true),
		)
		.addStringOption((o) =>
			o
				.setName("prompt")
				.setDescription("What happens next (default: the clip's prompt)")
				.setMaxLength(MAX_PROMPT_LENGTH),
		);
	if (extend.endFrame)
		sub.addAttachmentOption((o) =>
			o.setName("end_frame").setDescription("Image for the last frame (PNG, JPEG or WebP)"),
		);
	if (extend.backward)
		sub.addStringOption((o) =>
			o
				.setName("direction")
				.setDescription("Continue after the clip (default), or make the part that leads into it")
				.addChoices(
					{ name: "after the clip", value: "forward" },
					{ name: "before the clip", value: "backward" },
				),
		);
	return sub;
}

/**
 * `/luma` as the configured provider can serve it: an option the provider cannot do is not
 * offered, and `extend` exists only where the provider can extend. The deploy script builds the
 * same from the same configuration.
 */
export function lumaCommandData(caps: ProviderCapabilities): RESTPostAPIChatInputApplicationCommandsJSONBody {
	const builder = new SlashCommandBuilder()
		.setName("luma")
		.setDescription("Make short AI videos with Luma")
		.setContexts(InteractionContextType.Guild)
		.addSubcommand((sub) => generate(sub, caps));
	if (caps.extend) builder.addSubcommand((sub) => extend(sub, caps));
	builder.addSubcommand((sub) =>
		sub
			.setName("quota")
			.setDescription("How many videos you and this server have left, and when limits reset"),
	);
	return builder.toJSON();
}
