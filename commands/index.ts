import type { Command, MessageCommand } from "../src/bot/command.js";
import type { ProviderCapabilities } from "../src/providers/types.js";
import { extendVideo } from "./extend-video.js";
import { lumaAdmin } from "./luma-admin.js";
import { createLumaCommand } from "./luma/index.js";

/** Every slash command the bot registers and routes, `/luma` shaped by the provider's capabilities. */
export function buildCommands(caps: ProviderCapabilities): readonly Command[] {
	return [createLumaCommand(caps), lumaAdmin];
}

/** Message context-menu commands. */
export const messageCommands: readonly MessageCommand[] = [extendVideo];

/** What is registered with Discord: every command's definition, `/luma` shaped by `caps`. */
export function commandDefinitions(caps: ProviderCapabilities) {
	return [...buildCommands(caps), ...messageCommands].map((command) => command.data);
}
