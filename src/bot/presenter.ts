import { tmpdir } from "node:os";
import type { REST } from "@discordjs/rest";
import { type APIMessage, MessageFlags, Routes } from "discord.js";
import { isAccountProblem } from "../errors.js";
import type { Dispatcher } from "undici";
import type { Clock } from "../clock.js";
import type { Job } from "../jobs/job.js";
import type { JobStore } from "../jobs/jobStore.js";
import type { JobPresenter } from "../jobs/presenter.js";
import type { Logger } from "../logger.js";
import { type DownloadedVideo, DownloadRefused, downloadVideo } from "../media/download.js";
import { ByteBudget } from "../util/byteBudget.js";
import { Semaphore } from "../util/semaphore.js";
import { DeliveryLadder, type Refusals, type Sent, TOKEN_MAX_AGE_MS } from "./deliveryLadder.js";
import { isPermanent, isUnknownMessage, isUploadRefused } from "./discordErrors.js";
import { FALLBACK_LANGUAGE, type Language, languageOf } from "./i18n/languages.js";
import { type Translator, translator } from "./i18n/translate.js";
import { failureText } from "./views/failureText.js";
import { failureView, pendingView, resultView, viewKey } from "./views/jobViews.js";

const DOWNLOAD_TIMEOUT_MS = 120_000;
/** How long after a result is known a failing download is tried again before the link goes instead. */
const DOWNLOAD_RETRY_MS = 5 * 60_000;
/** Downloads at once: beyond the memory budget they stream to disk, so they cost sockets, not heap. */
const DOWNLOAD_SLOTS = 64;
/**
 * Video bytes held in memory for uploads at once. An upload briefly holds its file twice (the
 * buffer, and the multipart body built from it), so this keeps fifty 8 MB results finishing
 * together within 250 MB (see npm run bench) while two upload side by side, and sixty-four small
 * ones at once.
 */
export const UPLOAD_BUDGET_BYTES = 16 * 1024 * 1024;

/**
 * Shows jobs in Discord without depending on the interaction token: the token's webhook while it
 * is fresh, then the bot's own edit of the stored channel message, and if that message is gone a
 * new message that mentions the requester. What was shown is written on the job under its lock,
 * so each outcome is delivered once even when a pass and a restart race.
 */
export class DiscordPresenter implements JobPresenter {
	readonly #rest: REST;
	readonly #store: JobStore;
	readonly #clock: Clock;
	readonly #logger: Logger;
	readonly #dispatcher: Dispatcher | undefined;
	readonly #downloads = new Semaphore(DOWNLOAD_SLOTS);
	readonly #uploads: ByteBudget;
	readonly #spoolDir: string;
	readonly #onDelivered: ((job: Job, now: number) => void) | undefined;
	readonly #languageOf: (guildId: string | null) => Promise<Language>;
	readonly #ladder: DeliveryLadder;
	/** Pending views still on their way, by job: whatever is shown next waits for them. */
	readonly #firstViews = new Map<string, Promise<void>>();

	constructor(deps: {
		rest: REST;
		store: JobStore;
		clock: Clock;
		logger: Logger;
		dispatcher?: Dispatcher;
		/** Where videos wait on disk between download and upload (default: the OS's temp folder). */
		spoolDir?: string;
		/** Video bytes held in memory for uploads at once. */
		uploadBudgetBytes?: number;
		/** Told when an outcome has been shown (metrics). */
		onDelivered?: (job: Job, now: number) => void;
		/** The language of a server's public messages, asked each time a job is drawn. */
		languageOf?: (guildId: string | null) => Promise<Language>;
		/** The server's audit log channel, the last place an outcome can go. */
		logChannelOf?: (guildId: string) => Promise<string | undefined>;
	}) {
		this.#rest = deps.rest;
		this.#store = deps.store;
		this.#clock = deps.clock;
		this.#logger = deps.logger;
		this.#dispatcher = deps.dispatcher;
		this.#spoolDir = deps.spoolDir ?? tmpdir();
		this.#uploads = new ByteBudget(deps.uploadBudgetBytes ?? UPLOAD_BUDGET_BYTES);
		this.#onDelivered = deps.onDelivered;
		this.#languageOf = deps.languageOf ?? (async () => FALLBACK_LANGUAGE);
		this.#ladder = new DeliveryLadder({
			rest: deps.rest,
			store: deps.store,
			clock: deps.clock,
			logger: deps.logger,
			logChannelOf: deps.logChannelOf ?? (async () => undefined),
		});
	}

	async #words(job: Job): Promise<Translator> {
		return translator(await this.#languageOf(job.guildId));
	}

	/**
	 * `view` (which never rejects) puts the job's first view on its message: anything shown for the
	 * job waits for it, so a late pending view never replaces an outcome. Held in memory only: after
	 * a restart the view is gone, and the next showing replaces whatever the message holds.
	 */
	afterFirstView(jobId: string, view: Promise<void>): void {
		const held: Promise<void> = view.finally(() => {
			if (this.#firstViews.get(jobId) === held) this.#firstViews.delete(jobId);
		});
		this.#firstViews.set(jobId, held);
	}

	async present(jobId: string): Promise<void> {
		await this.#firstViews.get(jobId);
		// A showing that failed after Discord refused some steps for good keeps those refusals and
		// then fails, to be tried again below them.
		let retry: { error: unknown } | undefined;
		await this.#store.update(jobId, async (job) => {
			const key = viewKey(job);
			const terminal = key === "result" || key === "failed";
			if (job.shown === key && (!terminal || job.deliveredAt !== undefined)) return undefined;
			if (!terminal && !job.messageId && !job.interaction) return undefined;

			if (key === "failed" && (await this.#tellPrivately(job))) {
				const now = this.#clock();
				this.#onDelivered?.(job, now);
				const { interaction: _interaction, privateReply: _privateReply, ...rest } = job;
				return { ...rest, shown: key, deliveredAt: now, deliveredVia: "interaction", updatedAt: now };
			}
			const refused: Refusals = { ...job.refused };
			const learned = () => Object.keys(refused).length > Object.keys(job.refused ?? {}).length;
			let sent: Sent;
			try {
				sent = await this.#send(job, key, terminal, refused);
			} catch (error) {
				if (!isPermanent(error) || !terminal) {
					if (!learned()) throw error;
					retry = { error };
					return { ...job, refused, updatedAt: this.#clock() };
				}
				// Every step refused for good (access lost everywhere, say): retrying cannot help.
				this.#logger.error(
					{ err: error, jobId, channelId: job.channelId, view: key },
					"job outcome could not be shown to anyone",
				);
				sent = { via: "nobody" };
			}
			const { messageId, size, via } = sent;
			const now = this.#clock();
			const next: Job = { ...job, shown: key, updatedAt: now, ...(messageId && { messageId }) };
			if (learned()) next.refused = refused;
			if (size !== undefined && next.result) next.result = { ...next.result, size };
			if (terminal) {
				next.deliveredAt = now;
				next.deliveredVia = via ?? "nobody";
				delete next.interaction;
				delete next.privateReply;
				this.#onDelivered?.(next, now);
			}
			return next;
		});
		if (retry) throw retry.error;
	}

	/**
	 * A job the provider refused for the bot's account (key, credits) never started: that is the
	 * bot's problem, not the channel's. Its public message is removed and the requester is told
	 * privately, while the interaction's token still works; admins hear of it in the audit log.
	 * Returns false when there is no private way left, and the failure is shown as usual.
	 */
	async #tellPrivately(job: Job): Promise<boolean> {
		if (job.taskId || !isAccountProblem(job.error?.code)) return false;
		const fresh = (reply: Job["privateReply"]) => reply && this.#clock() - reply.createdAt < TOKEN_MAX_AGE_MS;
		// Only the requester reads this: their own language, as their interaction gave it.
		const locale = job.privateReply?.locale ?? job.interaction?.locale;
		const t = locale ? translator(languageOf(locale)) : await this.#words(job);
		const content = t("failure.nothing_charged", { reason: failureText(t, job.error) });
		try {
			if (fresh(job.privateReply)) {
				const reply = job.privateReply!;
				await this.#rest.patch(Routes.webhookMessage(reply.applicationId, reply.token, "@original"), {
					auth: false,
					body: { content, allowed_mentions: { parse: [] } },
				});
				if (job.messageId) await this.deleteMessage(job);
				return true;
			}
			if (fresh(job.interaction)) {
				const reply = job.interaction!;
				await this.#rest.post(Routes.webhook(reply.applicationId, reply.token), {
					auth: false,
					body: { content, flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } },
				});
				await this.#rest.delete(Routes.webhookMessage(reply.applicationId, reply.token, "@original"), {
					auth: false,
				});
				return true;
			}
		} catch (error) {
			if (!isPermanent(error)) throw error;
			this.#logger.warn(
				{ err: error, jobId: job.id },
				"could not tell the requester privately; showing it publicly",
			);
		}
		return false;
	}

	/**
	 * Posts a job's pending message in its channel, replying to `replyTo` when given. Extensions
	 * start this way: an interaction reply cannot carry the message reference that links them.
	 */
	async postPending(job: Job, replyTo?: string): Promise<string> {
		const { files: _files, ...body } = pendingView(await this.#words(job), job);
		const message = (await this.#rest.post(Routes.channelMessages(job.channelId), {
			body: {
				...body,
				...(replyTo && { message_reference: { message_id: replyTo, fail_if_not_exists: false } }),
				nonce: `${job.id}pen`.slice(0, 25),
				enforce_nonce: true,
			},
		})) as APIMessage;
		return message.id;
	}

	/** Removes a job's message; one that is already gone is fine. */
	async deleteMessage(job: Pick<Job, "channelId" | "messageId">): Promise<void> {
		if (!job.messageId) return;
		try {
			await this.#rest.delete(Routes.channelMessage(job.channelId, job.messageId));
		} catch (error) {
			if (!isUnknownMessage(error)) throw error;
		}
	}

	/**
	 * Writes the view for `key`. A result's video is held in memory only within the upload
	 * budget: small ones from their download on, others from disk only while their upload runs.
	 * Fifty videos finishing at once must not hold fifty files in memory.
	 */
	async #send(job: Job, key: string, terminal: boolean, refused: Refusals): Promise<Sent> {
		const t = await this.#words(job);
		if (key !== "result") {
			const view = key === "failed" ? failureView(t, job) : pendingView(t, job);
			return this.#ladder.write(job, view, terminal, t, refused);
		}
		const video = await this.#download(job);
		try {
			const upload = async () => {
				const data = video && (await video.read());
				return this.#ladder.write(
					job,
					resultView(t, job, data && { data, filename: `luma-${job.id}.mp4` }),
					terminal,
					t,
					refused,
				);
			};
			let sent: Sent;
			try {
				// A video in memory already holds its share of the budget.
				sent = video?.inMemory ? await upload() : await this.#uploads.run(video?.size ?? 0, upload);
			} catch (error) {
				if (!video || !isUploadRefused(error)) throw error;
				this.#logger.warn(
					{ err: error, jobId: job.id, size: video.size },
					"upload refused; posting the link",
				);
				return this.#ladder.write(job, resultView(t, job), terminal, t, refused);
			}
			return { ...sent, ...(video && { size: video.size }) };
		} finally {
			await video?.dispose();
		}
	}

	/** The result's video, or undefined when only its link can be posted. */
	async #download(job: Job): Promise<DownloadedVideo | undefined> {
		const url = job.result!.videoUrl;
		return this.#downloads
			.run(() =>
				downloadVideo(url, job.attachmentSizeLimit, {
					timeoutMs: DOWNLOAD_TIMEOUT_MS,
					dir: this.#spoolDir,
					holdInMemory: (bytes) => this.#uploads.tryTake(bytes),
					...(this.#dispatcher && { dispatcher: this.#dispatcher }),
				}),
			)
			.catch((error: unknown) => {
				// A stalled or failing server is given a while to recover: the showing fails and the
				// tracker's next pass tries again (a restart too), while other videos go on.
				const finishedAt = job.finishedAt ?? job.updatedAt;
				if (!(error instanceof DownloadRefused) && this.#clock() - finishedAt < DOWNLOAD_RETRY_MS) {
					this.#logger.warn({ err: error, jobId: job.id }, "video download failed; will try again");
					throw error;
				}
				// The link still works in Discord, so a failed download only costs the inline upload.
				this.#logger.warn({ err: error, jobId: job.id }, "video download failed; posting the link");
				return undefined;
			});
	}
}
