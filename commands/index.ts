import type { Command } from "../src/bot/command.js";
import { luma } from "./luma.js";

/** Every command the bot registers and routes. */
export const commands: readonly Command[] = [luma];
