/**
 * The baseline of the acknowledgement figure: a bare discord.js bot that does nothing but
 * `deferReply()` as soon as an interaction arrives. The bench runs it as a child process of its
 * own (`node --import tsx test/bench/bareBot.ts`), so its CPU and memory are apart from the
 * bench's, as the real bot's are. Whatever the real bot takes beyond this is its own work.
 *
 * Environment: DISCORD_TOKEN, DISCORD_API_BASE (the fake Discord's `apiBase`).
 */
import { Client, Events, GatewayIntentBits } from "discord.js";

const token = process.env.DISCORD_TOKEN;
const api = process.env.DISCORD_API_BASE;
if (!token || !api) {
	process.stderr.write("bare bot: DISCORD_TOKEN and DISCORD_API_BASE are required\n");
	process.exit(1);
}

const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api } });

client.on(Events.InteractionCreate, (interaction) => {
	if (!interaction.isRepliable()) return;
	interaction.deferReply().catch((error: unknown) => {
		process.stderr.write(`bare bot: deferReply failed: ${String(error)}\n`);
	});
});

const stop = () => {
	void client.destroy().finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

await client.login(token);
