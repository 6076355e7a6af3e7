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
