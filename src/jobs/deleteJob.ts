import type { JobEngine } from "./jobEngine.js";
import type { JobEvents } from "./events.js";
import type { JobIndex } from "./jobIndex.js";
import type { JobStore } from "./jobStore.js";
import { Refusal } from "./refusal.js";

/** What a Delete did: removed the clip, or found it removed already (a second click). */
export type DeleteOutcome = "deleted" | "already_deleted";

/**
 * Removes a clip for its requester or a moderator: it is marked deleted (no more extending),
 * leaves the server's recent list, and its message goes through the function passed in. Of two
 * Deletes of one clip, however close, one removes it and the other finds it removed.
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
): Promise<DeleteOutcome> {
	const job = await deps.store.get(request.jobId);
	if (!job) throw new Refusal({ code: "delete_gone" });
	if (job.deletedAt) return "already_deleted";
	if (job.userId !== request.userId && !request.canManageMessages)
		throw new Refusal({ code: "delete_not_allowed" });
	await request.allowed?.();
	// The store's update is the one place two clicks meet: only the first marks it.
	const deleted = await deps.engine.markDeleted(job.id, request.userId);
	if (!deleted) return "already_deleted";
	if (job.guildId) await deps.index.forget(job.guildId, job.id);
	await request.removeMessage(job);
	deps.events.emit("deleted", { job: deleted, by: request.userId });
	return "deleted";
}
