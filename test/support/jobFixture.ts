import type { Job } from "../../src/jobs/job.js";

/** A queued generate job with every required field, changed by `patch`. */
export function aJob(patch: Partial<Job> = {}): Job {
	return {
		id: "j1",
		kind: "generate",
		guildId: "1",
		channelId: "2",
		userId: "3",
		attachmentSizeLimit: 10,
		request: { prompt: "a lantern drifting over the sea" },
		provider: "acedatacloud",
		state: "queued",
		attempts: 0,
		createdAt: 0,
		updatedAt: 0,
		...patch,
	};
}
