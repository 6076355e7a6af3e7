import type { JobEngine } from "./jobEngine.js";
import type { JobEvents } from "./events.js";
import type { JobIndex } from "./jobIndex.js";
import type { JobStore } from "./jobStore.js";
import { Refusal } from "./refusal.js";

/**
 * Removes a clip for its requester or a moderator: it is marked deleted (no more extending),
 * leaves the server's recent list, and its message goes through the function passed in.
 */
export async function deleteJob(
	deps: { engine: JobEngine; store: JobStore; index: JobIndex; events: JobEvents },
	request: {
		jobId: string;
		userId: string;
		canManageMessages: boolean;
		/** Called once the member is known to be allowed (e.g. to defer the answer). */
		allowed?: () => Promise<void>;
		removeMessage: (job: NonNullable<Awaited<ReturnType<JobStore["get"]>>>) => Promise<void>;
	},
): Promise<void> {
	const job = await deps.store.get(request.jobId);
	if (!job || job.deletedAt) throw new Refusal({ code: "delete_gone" });
	if (job.userId !== request.userId && !request.canManageMessages)
		throw new Refusal({ code: "delete_not_allowed" });
	await request.allowed?.();
	const deleted = (await deps.engine.markDeleted(job.id, request.userId)) ?? job;
	if (job.guildId) await deps.index.forget(job.guildId, job.id);
	await request.removeMessage(job);
	deps.events.emit("deleted", { job: deleted, by: request.userId });
}
