import type { REST } from "@discordjs/rest";
import { type APIMessage, Routes } from "discord.js";
import type { Clock } from "../clock.js";
import type { Job } from "../jobs/job.js";
import type { JobStore } from "../jobs/jobStore.js";
import type { Logger } from "../logger.js";
import { isPermanent, isTokenRefused, isUnknownMessage, isUploadRefused } from "./discordErrors.js";
import type { Translator } from "./i18n/translate.js";
import { messageBody } from "./multipart.js";
import { asNewMessage, type MessageView, resultView, viewKey } from "./views/jobViews.js";

/** Interaction tokens live 15 minutes; leave a margin for clocks and slow requests. */
export const TOKEN_MAX_AGE_MS = 14 * 60_000;

/** Where an outcome was shown, and the message that shows it when there is one. */
export interface Sent {
	messageId?: string;
	size?: number;
	via?: NonNullable<Job["deliveredVia"]>;
}

/** Steps Discord refused for good, as the job keeps them. */
export type Refusals = NonNullable<Job["refused"]>;

/** A refusal as the job keeps it and the log shows it: status and code, never the body. */
function describeRefusal(error: unknown): string {
	const { status, code } = (error ?? {}) as { status?: unknown; code?: unknown };
	return `status ${String(status)}, code ${String(code)}`;
}

/**
 * The nonce of a job's outcome in a new message. With `enforce_nonce`, Discord answers a repeated
 * post (one whose answer was lost, retried) with the first message instead of a copy; it applies
 * per channel, so the channel, the DM and the audit log channel can share it.
 */
const outcomeNonce = (job: Job) => `${job.id}${viewKey(job).slice(0, 3)}`.slice(0, 25);

/**
 * The places a job's view can be written, in order, each tried when the one before is refused
 * for good. The presenter decides what to show; this decides where it lands.
 */
export class DeliveryLadder {
	readonly #rest: REST;
	readonly #store: Pick<JobStore, "get">;
	readonly #clock: Clock;
	readonly #logger: Logger;
	readonly #logChannelOf: (guildId: string) => Promise<string | undefined>;

	constructor(deps: {
		rest: REST;
		store: Pick<JobStore, "get">;
		clock: Clock;
		logger: Logger;
		logChannelOf: (guildId: string) => Promise<string | undefined>;
	}) {
		this.#rest = deps.rest;
		this.#store = deps.store;
		this.#clock = deps.clock;
		this.#logger = deps.logger;
		this.#logChannelOf = deps.logChannelOf;
	}

	/**
	 * Writes a view on the delivery ladder: the interaction's message while its token works, the
	 * bot's own message by id, a new message in the channel; for an outcome then a direct message
	 * to the requester and the server's audit log channel. A step Discord refuses for good (no
	 * access, unknown channel, DMs closed) moves down at once and is noted in `refused`; anything
	 * else is thrown and retried later from the first step not refused, which never repeats a step
	 * that succeeded (the outcome is then recorded). A progress update goes no further than the
	 * bot's own message.
	 */
	async write(
		job: Job,
		view: MessageView,
		terminal: boolean,
		t: Translator,
		refused: Refusals,
	): Promise<Sent> {
		const { files, ...body } = view;
		const interaction = job.interaction;
		if (interaction && !refused.interaction && this.#clock() - interaction.createdAt < TOKEN_MAX_AGE_MS) {
			try {
				const message = (await this.#rest.patch(
					Routes.webhookMessage(interaction.applicationId, interaction.token, "@original"),
					{ auth: false, ...messageBody(body, files) },
				)) as APIMessage;
				return { messageId: message.id, via: "interaction" };
			} catch (error) {
				if (!isTokenRefused(error)) throw error;
				refused.interaction = describeRefusal(error);
			}
		}
		if (job.messageId && !refused.message && !refused.channel) {
			try {
				await this.#rest.patch(Routes.channelMessage(job.channelId, job.messageId), messageBody(body, files));
				return { messageId: job.messageId, via: "channel_edit" };
			} catch (error) {
				// Only a file falls back to its link; without one, Missing Permissions is the channel's.
				if ((files && isUploadRefused(error)) || !isPermanent(error)) throw error;
				if (isUnknownMessage(error)) refused.message = describeRefusal(error);
				else refused.channel = describeRefusal(error);
			}
		}
		// A progress update for a deleted message is dropped: only the outcome is worth a new post.
		if (!terminal) return {};
		if (!refused.channel) {
			try {
				const message = await this.#postInChannel(job, body, files);
				this.#logger.info({ jobId: job.id, messageId: message.id }, "posted a new message for a job");
				return { messageId: message.id, via: "channel_post" };
			} catch (error) {
				if ((files && isUploadRefused(error)) || !isPermanent(error)) throw error;
				refused.channel = describeRefusal(error);
			}
		}
		this.#logger.warn(
			{ jobId: job.id, channelId: job.channelId, reason: refused.channel },
			"the job's channel refused its outcome; trying the requester directly",
		);
		// Away from the channel: the link rather than a file (uploads were the channel's to refuse),
		// and no buttons, which act on the channel's message the requester may not be able to see.
		const { attachments: _attachments, ...plain }: Omit<MessageView, "files"> = files
			? resultView(t, job)
			: body;
		const elsewhere = { ...plain, components: [] };
		if (!refused.dm) {
			try {
				const dm = (await this.#rest.post(Routes.userChannels(), {
					body: { recipient_id: job.userId },
				})) as { id: string };
				await this.#rest.post(Routes.channelMessages(dm.id), {
					body: {
						...elsewhere,
						content: t("job.delivered_by_dm", { channel: job.channelId }),
						nonce: outcomeNonce(job),
						enforce_nonce: true,
					},
				});
				return { via: "dm" };
			} catch (error) {
				if (!isPermanent(error)) throw error;
				refused.dm = describeRefusal(error);
				this.#logger.warn({ err: error, jobId: job.id }, "could not message the requester directly");
			}
		}
		const logChannelId = job.guildId ? await this.#logChannelOf(job.guildId) : undefined;
		if (logChannelId) {
			try {
				await this.#rest.post(Routes.channelMessages(logChannelId), {
					body: {
						...elsewhere,
						content: t("job.delivered_to_log", { user: job.userId, channel: job.channelId }),
						allowed_mentions: { parse: [] },
						nonce: outcomeNonce(job),
						enforce_nonce: true,
					},
				});
				return { via: "audit_log" };
			} catch (error) {
				if (!isPermanent(error)) throw error;
				this.#logger.warn({ err: error, jobId: job.id }, "the audit log channel refused a job's outcome");
			}
		}
		this.#logger.error(
			{
				jobId: job.id,
				guildId: job.guildId,
				channelId: job.channelId,
				reason: refused.channel,
			},
			"job outcome reached nobody; its unit is given back",
		);
		return { via: "nobody" };
	}

	/** A new message in the job's channel that mentions the requester; an extension replies to its parent. */
	async #postInChannel(
		job: Job,
		body: Omit<MessageView, "files">,
		files: MessageView["files"],
	): Promise<APIMessage> {
		const parentId = job.parent?.jobId;
		const parentMessageId = parentId ? (await this.#store.get(parentId))?.messageId : undefined;
		const message = {
			...asNewMessage(body, job.userId),
			...(parentMessageId && {
				message_reference: { message_id: parentMessageId, fail_if_not_exists: false },
			}),
			nonce: outcomeNonce(job),
			enforce_nonce: true,
		};
		return (await this.#rest.post(
			Routes.channelMessages(job.channelId),
			messageBody(message, files),
		)) as APIMessage;
	}
}
