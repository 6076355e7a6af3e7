import type { Job } from "../jobs/job.js";

/** What a server's audit log channel is told about. */
export type AuditEvent =
	| { type: "accepted"; job: Job }
	| { type: "finished"; job: Job }
	| { type: "deleted"; job: Job; by: string }
	| {
			type: "refused";
			guildId: string;
			userId: string;
			channelId: string;
			rule: "blocklist" | "banned";
			prompt: string;
			detail?: string;
	  }
	| { type: "admin"; guildId: string; userId: string; change: string };

/** Records events; never throws and never makes the caller wait for Discord. */
export interface AuditLog {
	record(event: AuditEvent): void;
}
