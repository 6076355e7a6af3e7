import type { Job } from "./job.js";

/** What an extension continues: a finished job of this bot, or a video made elsewhere. */
export type ExtendSource = { job: Job } | { videoUrl: string };

/**
 * An extension's link to what it continues and its place in the chain. `rootUrl` is the link to
 * the parent's message, used when the parent starts the chain.
 */
export function chainLinks(source: ExtendSource, rootUrl?: string): Pick<Job, "parent" | "chain"> {
	if (!("job" in source)) return { parent: { videoUrl: source.videoUrl } };
	const parent = source.job;
	const chainRootUrl = parent.chain?.rootUrl ?? rootUrl;
	return {
		parent: {
			jobId: parent.id,
			userId: parent.userId,
			// Extending takes the provider's video id; an outside URL only when there is none.
			...(parent.result?.videoId
				? { videoId: parent.result.videoId }
				: { videoUrl: parent.result!.videoUrl }),
		},
		chain: {
			rootJobId: parent.chain?.rootJobId ?? parent.id,
			part: (parent.chain?.part ?? 1) + 1,
			...(chainRootUrl && { rootUrl: chainRootUrl }),
		},
	};
}
