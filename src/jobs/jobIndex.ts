import type Keyv from "keyv";
import { CoalescedWrites } from "../store/coalescedWrites.js";
import { KeyedMutex } from "../util/keyedMutex.js";
import type { Job } from "./job.js";

/** How many finished videos per server the `video` autocomplete can offer (Discord shows 25). */
export const RECENT_VIDEOS = 25;

/** Servers whose lists stay in memory; the others are read again when needed. */
const CACHED_LISTS = 1000;

export interface RecentVideo {
	jobId: string;
	prompt: string;
	finishedAt: number;
}

/**
 * Ways to find a job other than its id: by the message that shows it, by the provider's video
 * id (what users copy from a result), and a short list of each server's latest videos. The lists
 * are kept in memory once read and written coalesced: two hundred videos of one server finishing
 * together must not wait on four hundred reads and writes of its list, one after the other.
 */
export class JobIndex {
	readonly #refs: Keyv<string>;
	readonly #recent: Keyv<RecentVideo[]>;
	readonly #mutex = new KeyedMutex();
	readonly #lists = new Map<string, RecentVideo[]>();
	readonly #writes = new CoalescedWrites((guildId) =>
		this.#recent.set(guildId, this.#lists.get(guildId) ?? []).then(() => undefined),
	);

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
		return this.#list(guildId);
	}

	/** Takes a video off the list (it was deleted). */
	async forget(guildId: string, jobId: string): Promise<void> {
		await this.#change(guildId, (list) => list.filter((video) => video.jobId !== jobId));
	}

	#addRecent(guildId: string, job: Job): Promise<void> {
		const entry = {
			jobId: job.id,
			prompt: job.request.prompt,
			finishedAt: job.finishedAt ?? job.updatedAt,
		};
		return this.#change(guildId, (list) =>
			[entry, ...list.filter((video) => video.jobId !== job.id)].slice(0, RECENT_VIDEOS),
		);
	}

	/** Changes the list in memory at once; resolves when a write that includes the change is done. */
	async #change(guildId: string, change: (list: RecentVideo[]) => RecentVideo[]): Promise<void> {
		// The lock covers only the first read, so no change is made to a list not loaded yet.
		await this.#mutex.run(guildId, async () => {
			this.#lists.set(guildId, change(await this.#list(guildId)));
		});
		await this.#writes.save(guildId);
	}

	async #list(guildId: string): Promise<RecentVideo[]> {
		const cached = this.#lists.get(guildId);
		if (cached) {
			// Most recently used last, so the first entry is the one to let go.
			this.#lists.delete(guildId);
			this.#lists.set(guildId, cached);
			return cached;
		}
		const stored = (await this.#recent.get(guildId)) ?? [];
		// A change made while this read was running wins over what was read.
		if (!this.#lists.has(guildId)) this.#lists.set(guildId, stored);
		this.#trim();
		return this.#lists.get(guildId) ?? stored;
	}

	/** Lets the least recently used lists go once there are many (a list not being written). */
	#trim(): void {
		if (this.#lists.size <= CACHED_LISTS) return;
		for (const guildId of this.#lists.keys()) {
			if (this.#lists.size <= CACHED_LISTS) return;
			if (!this.#writes.pending(guildId)) this.#lists.delete(guildId);
		}
	}
}
