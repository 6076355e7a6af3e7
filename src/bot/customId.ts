import { JOB_ID_PATTERN } from "../jobs/job.js";
/**
 * Custom ids name a record, never carry data that acts by itself: `luma:<action>:<jobId>`. The job
 * is looked up when the button is used, so buttons keep working after restarts and for old clips.
 */
export const CUSTOM_ID_ACTIONS = ["extend", "extend-modal", "delete", "link"] as const;
export type CustomIdAction = (typeof CUSTOM_ID_ACTIONS)[number];

export interface CustomId {
	action: CustomIdAction;
	jobId: string;
}

const PREFIX = "luma";

export function encodeCustomId(id: CustomId): string {
	return `${PREFIX}:${id.action}:${id.jobId}`;
}

/** Returns undefined for ids this bot did not make (or that were tampered with). */
export function decodeCustomId(raw: string): CustomId | undefined {
	const [prefix, action, jobId, ...rest] = raw.split(":");
	if (prefix !== PREFIX || rest.length > 0 || !jobId || !JOB_ID_PATTERN.test(jobId)) return undefined;
	if (!(CUSTOM_ID_ACTIONS as readonly string[]).includes(action ?? "")) return undefined;
	return { action: action as CustomIdAction, jobId };
}
