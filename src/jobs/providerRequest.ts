import type { GenerateRequest } from "../providers/types.js";
import type { Job } from "./job.js";

/** The provider-neutral request a job stands for; unset fields stay unset. */
export function toGenerateRequest(job: Pick<Job, "request" | "parent">, userRef?: string): GenerateRequest {
	const { prompt, aspectRatio, loop, enhance, model, duration, resolution, startFrame, endFrame, direction } =
		job.request;
	const frame = (f: NonNullable<typeof startFrame>) => ({
		url: f.url,
		filename: f.filename,
		...(f.contentType && { contentType: f.contentType }),
	});
	const parent = job.parent;
	return {
		prompt,
		...(aspectRatio !== undefined && { aspectRatio }),
		...(loop !== undefined && { loop }),
		...(enhance !== undefined && { enhance }),
		...(model !== undefined && { model }),
		...(duration !== undefined && { duration }),
		...(resolution !== undefined && { resolution }),
		...(startFrame && { startFrame: frame(startFrame) }),
		...(endFrame && { endFrame: frame(endFrame) }),
		...(parent && {
			extend: parent.videoId
				? { videoId: parent.videoId, ...(direction && { direction }) }
				: { videoUrl: parent.videoUrl! },
		}),
		...(userRef && { userRef }),
	};
}
