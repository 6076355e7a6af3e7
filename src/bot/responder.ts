import { type InteractionCallbackResponse, MessageFlags, type RepliableInteraction } from "discord.js";
import type { MessageView } from "./views/jobViews.js";

/** Discord allows 3 s for the first answer; defer well before that when the work runs long. */
export const ACK_DEADLINE_MS = 1500;

/** A public view shown as a command's answer (no files). */
export type ShownView = Omit<MessageView, "files" | "attachments">;

/** The interactions still waiting for their first answer (see AnswersFirst). */
export interface AnswerQueue {
	readonly waiting: number;
	/** Resolves once none is waiting, or after a short cap. */
	settled(): Promise<void>;
}

/**
 * Answers one interaction, keeping Discord's 3-second rule whatever the work costs: if the work
 * is not done by the deadline the reply is deferred (publicly), and a later refusal removes the
 * deferred message and answers ephemerally instead, so refusals stay private either way.
 */
export class Responder {
	readonly #interaction: RepliableInteraction;
	readonly #deadlineMs: number;
	readonly #answers: AnswerQueue | undefined;
	readonly #onViewFailed: ((error: unknown) => void) | undefined;

	constructor(
		interaction: RepliableInteraction,
		options: {
			deadlineMs?: number;
			/** With it, a view shown during a burst follows a quick first answer (see `show`). */
			answers?: AnswerQueue;
			/** Told when such a view could not replace the first answer (the request goes ahead). */
			onViewFailed?: (error: unknown) => void;
		} = {},
	) {
		this.#interaction = interaction;
		this.#deadlineMs = options.deadlineMs ?? ACK_DEADLINE_MS;
		this.#answers = options.answers;
		this.#onViewFailed = options.onViewFailed;
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

	/**
	 * Shows a public message (a pending view: no files) as the command's answer and returns its id.
	 * Alone, the view is the answer itself: one request. While other interactions wait for their
	 * first answer (a burst), this one is first answered the cheapest way Discord takes, a public
	 * "thinking…", and the view replaces it once the burst is answered (`later`, which never
	 * rejects): a message with embeds costs both ends more to make, and each one sent ahead holds
	 * back the answers still to go.
	 */
	async show(draw: () => Promise<ShownView>): Promise<{ id: string; later?: Promise<void> }> {
		const options = async () => {
			const { allowed_mentions, ...rest } = await draw();
			return { ...rest, allowedMentions: allowed_mentions };
		};
		if (this.#interaction.deferred) {
			const message = await this.#interaction.editReply(await options());
			return { id: message.id };
		}
		// Itself included: this interaction is one of those waiting.
		const answers = this.#answers;
		if (!this.#interaction.replied && answers && answers.waiting > 1) {
			// Drawn after the answer: nothing but the answer itself comes first.
			const id = messageId(await this.#interaction.deferReply({ withResponse: true }));
			// The request is answered and goes ahead meanwhile; a failed edit leaves the "thinking…"
			// message, which the outcome replaces like any pending message.
			const later = answers.settled().then(async () => {
				try {
					await this.#interaction.editReply(await options());
				} catch (error) {
					this.#onViewFailed?.(error);
				}
			});
			return { id, later };
		}
		return { id: messageId(await this.#interaction.reply({ ...(await options()), withResponse: true })) };
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

function messageId(response: InteractionCallbackResponse): string {
	const id = response.resource?.message?.id;
	if (!id) throw new Error("Discord did not return the reply message");
	return id;
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
