import { MessageFlags, type RepliableInteraction } from "discord.js";
import type { MessageView } from "./views/jobViews.js";

/** Discord allows 3 s for the first answer; defer well before that when the work runs long. */
export const ACK_DEADLINE_MS = 1500;

/**
 * Answers one interaction, keeping Discord's 3-second rule whatever the work costs: if the work
 * is not done by the deadline the reply is deferred (publicly), and a later refusal removes the
 * deferred message and answers ephemerally instead, so refusals stay private either way.
 */
export class Responder {
	readonly #interaction: RepliableInteraction;
	readonly #deadlineMs: number;

	constructor(interaction: RepliableInteraction, deadlineMs = ACK_DEADLINE_MS) {
		this.#interaction = interaction;
		this.#deadlineMs = deadlineMs;
	}

	async within<T>(work: Promise<T>): Promise<T> {
		let timer: NodeJS.Timeout | undefined;
		const deadline = new Promise<"late">((resolve) => {
			timer = setTimeout(() => resolve("late"), this.#deadlineMs);
		});
		try {
			const first = await Promise.race([
				work.then(
					() => "done" as const,
					() => "done" as const,
				),
				deadline,
			]);
			if (first === "late" && !this.#interaction.deferred && !this.#interaction.replied) {
				await this.#interaction.deferReply();
			}
			return await work;
		} finally {
			clearTimeout(timer);
		}
	}

	/** Shows a public message (a pending view: no files) as the command's answer and returns its id. */
	async show(view: Omit<MessageView, "files" | "attachments">): Promise<string> {
		const { allowed_mentions, ...rest } = view;
		const options = { ...rest, allowedMentions: allowed_mentions };
		if (this.#interaction.deferred) {
			const message = await this.#interaction.editReply(options);
			return message.id;
		}
		const response = await this.#interaction.reply({ ...options, withResponse: true });
		const id = response.resource?.message?.id;
		if (!id) throw new Error("Discord did not return the reply message");
		return id;
	}

	/** Removes the public answer again. */
	async retract(): Promise<void> {
		await this.#interaction.deleteReply();
	}

	/** A private answer (a refusal or an error), whatever happened before. */
	async refuse(text: string): Promise<void> {
		await replyPrivately(this.#interaction, text);
	}
}

export async function replyPrivately(interaction: RepliableInteraction, text: string): Promise<void> {
	const payload = { content: text, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } } as const;
	if (!interaction.deferred && !interaction.replied) {
		await interaction.reply(payload);
		return;
	}
	if (interaction.deferred && interaction.ephemeral) {
		// A private "thinking…" becomes the answer itself.
		await interaction.editReply({ content: text, allowedMentions: { parse: [] } });
		return;
	}
	if (interaction.deferred) {
		// A public "thinking…" cannot become private: remove it, then answer privately.
		await interaction.deleteReply().catch(() => undefined);
	}
	await interaction.followUp(payload);
}
