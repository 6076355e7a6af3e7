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
	if (job.guildId !== guildId)
		throw new UserError("That video belongs to another server, so it can't be extended here.");
	if (job.deletedAt)
		throw new UserError("That video was deleted, so it can't be extended. Pick another one.");
	if (job.state === "failed")
		throw new UserError("That video failed, so there is nothing to extend. Pick a finished video.");
	if (job.state !== "succeeded" || !job.result) {
		throw new UserError("That video is still being made. Wait until it is done, then extend it.");
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
	if (!input)
		throw new UserError("Say which video to extend: pick one from the list, or paste a video ID or link.");

	const link = MESSAGE_LINK.exec(input);
	if (link) {
		const [, linkGuild, , messageId] = link;
		if (linkGuild !== guildId)
			throw new UserError("That link points to a message in another server. Link a video from this server.");
		const job = await jobs.find({ messageId: messageId! });
		if (!job)
			throw new UserError(
				"That message has no video from this bot. Link a message that shows a finished video.",
			);
		return { job: assertExtendable(job, guildId) };
	}

	if (URL_LIKE.test(input)) {
		try {
			new URL(input);
		} catch {
			throw new UserError("That link is not a valid URL. Paste the video's full address.");
		}
		return { videoUrl: input };
	}

	const job = (await jobs.get(input)) ?? (await jobs.find({ videoId: input }));
	if (!job) {
		throw new UserError(
			`No video with the ID \`${input.slice(0, 64)}\` is known here. Pick one from the list, or paste the video ID shown on a result.`,
		);
	}
	return { job: assertExtendable(job, guildId) };
}
