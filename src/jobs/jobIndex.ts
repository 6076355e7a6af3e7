import type Keyv from "keyv";
import { KeyedMutex } from "../util/keyedMutex.js";
import type { Job } from "./job.js";

/** How many finished videos per server the `video` autocomplete can offer (Discord shows 25). */
export const RECENT_VIDEOS = 25;

export interface RecentVideo {
	jobId: string;
	prompt: string;
	finishedAt: number;
}

/**
 * Ways to find a job other than its id: by the message that shows it, by the provider's video
 * id (what users copy from a result), and a short list of each server's latest videos.
 */
export class JobIndex {
	readonly #refs: Keyv<string>;
	readonly #recent: Keyv<RecentVideo[]>;
	readonly #mutex = new KeyedMutex();

	constructor(deps: { refs: Keyv<string>; recent: Keyv<RecentVideo[]> }) {
		this.#refs = deps.refs;
		this.#recent = deps.recent;
	}

	/** Keeps the index in step with a job that changed from `before` to `after`. */
	async record(before: Job | undefined, after: Job): Promise<void> {
		const writes: Promise<unknown>[] = [];
		if (after.messageId && after.messageId !== before?.messageId) {
			writes.push(this.#refs.set(`message:${after.messageId}`, after.id));
		}
		const videoId = after.result?.videoId;
		if (videoId && videoId !== before?.result?.videoId)
			writes.push(this.#refs.set(`video:${videoId}`, after.id));
		if (after.state === "succeeded" && before?.state !== "succeeded" && after.guildId) {
			writes.push(this.#addRecent(after.guildId, after));
		}
		await Promise.all(writes);
	}

	byMessage(messageId: string): Promise<string | undefined> {
		return this.#refs.get(`message:${messageId}`);
	}

	byVideoId(videoId: string): Promise<string | undefined> {
		return this.#refs.get(`video:${videoId}`);
	}

	async recent(guildId: string): Promise<RecentVideo[]> {
		return (await this.#recent.get(guildId)) ?? [];
	}

	/** Takes a video off the list (it was deleted). */
	async forget(guildId: string, jobId: string): Promise<void> {
		await this.#mutex.run(guildId, async () => {
			const list = (await this.#recent.get(guildId)) ?? [];
			await this.#recent.set(
				guildId,
				list.filter((video) => video.jobId !== jobId),
			);
		});
	}

	#addRecent(guildId: string, job: Job): Promise<void> {
		return this.#mutex.run(guildId, async () => {
			const list = (await this.#recent.get(guildId)) ?? [];
			const entry = {
				jobId: job.id,
				prompt: job.request.prompt,
				finishedAt: job.finishedAt ?? job.updatedAt,
			};
			await this.#recent.set(
				guildId,
				[entry, ...list.filter((video) => video.jobId !== job.id)].slice(0, RECENT_VIDEOS),
			);
		});
	}
}
