import { UserError } from "../errors.js";
import type { Job } from "./job.js";
import type { ExtendSource } from "./chain.js";
import type { JobStore } from "./jobStore.js";

const MESSAGE_LINK =
	/^https?:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/channels\/(\d+|@me)\/(\d+)\/(\d+)\/?$/i;
const URL_LIKE = /^https?:\/\//i;

/** The path of a message in the Discord client; Discord turns it into a jump link. */
export function messageUrl(guildId: string | null, channelId: string, messageId: string): string {
	return `https://discord.com/channels/${guildId ?? "@me"}/${channelId}/${messageId}`;
}

/** A clip may be extended only once it has finished well, and only in its own server. */
export function assertExtendable(job: Job, guildId: string | null): Job {
	if (job.guildId !== guildId) throw new UserError("video_other_server");
	if (job.deletedAt) throw new UserError("video_deleted");
	if (job.state === "failed") throw new UserError("video_failed");
	if (job.state !== "succeeded" || !job.result) {
		throw new UserError("video_in_progress");
	}
	return job;
}

/**
 * Turns what a user typed in `/luma extend video` into the clip to continue: a job id, the
 * provider's video id from a result, a link to the bot's message, or a video URL from elsewhere.
 */
export async function resolveVideo(
	raw: string,
	guildId: string | null,
	jobs: JobStore,
): Promise<ExtendSource> {
	const input = raw.trim();
	if (!input) throw new UserError("extend_target_missing");

	const link = MESSAGE_LINK.exec(input);
	if (link) {
		const [, linkGuild, , messageId] = link;
		if (linkGuild !== guildId) throw new UserError("link_other_server");
		const job = await jobs.find({ messageId: messageId! });
		if (!job) throw new UserError("link_no_video");
		return { job: assertExtendable(job, guildId) };
	}

	if (URL_LIKE.test(input)) {
		try {
			new URL(input);
		} catch {
			throw new UserError("bad_url");
		}
		return { videoUrl: input };
	}

	const job = (await jobs.get(input)) ?? (await jobs.find({ videoId: input }));
	if (!job) {
		throw new UserError("unknown_video_id", { id: input.slice(0, 64) });
	}
	return { job: assertExtendable(job, guildId) };
}
