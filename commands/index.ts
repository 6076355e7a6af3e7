import type { Command, MessageCommand } from "../src/bot/command.js";
import { extendVideo } from "./extend-video.js";
import { luma } from "./luma.js";

/** Every slash command the bot registers and routes. */
export const commands: readonly Command[] = [luma];

/** Message context-menu commands. */
export const messageCommands: readonly MessageCommand[] = [extendVideo];
