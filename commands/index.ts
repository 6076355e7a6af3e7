import type { Command, MessageCommand } from "../src/bot/command.js";
import { extendVideo } from "./extend-video.js";
import { luma } from "./luma.js";
import { lumaAdmin } from "./luma-admin.js";

/** Every slash command the bot registers and routes. */
export const commands: readonly Command[] = [luma, lumaAdmin];

/** Message context-menu commands. */
export const messageCommands: readonly MessageCommand[] = [extendVideo];
