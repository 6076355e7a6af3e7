import type { TaskStatus } from "../providers/types.js";
import { type Job, transition } from "./job.js";

/**
 * What a provider's word about a submitted task makes of the job: the next record, or
 * `undefined` when nothing changes. Pure, so the poller and (later) callbacks share it.
 */
export function applyStatus(job: Job, status: TaskStatus, now: number): Job | undefined {
	if (job.state !== "submitted") return undefined;
	if (status.state === "succeeded") {
		if (!status.videoUrl) return transition(job, "failed", now, { error: { code: "no_output" } });
		return transition(job, "succeeded", now, {
			result: {
				videoUrl: status.videoUrl,
				...(status.videoId && { videoId: status.videoId }),
				...(status.thumbnailUrl && { thumbnailUrl: status.thumbnailUrl }),
				...(status.width && { width: status.width }),
				...(status.height && { height: status.height }),
			},
		});
	}
	if (status.state === "failed") {
		return transition(job, "failed", now, { error: { code: status.failure?.code ?? "failed" } });
	}
	if (job.progress === status.state) return undefined;
	return { ...job, progress: status.state, updatedAt: now };
}
