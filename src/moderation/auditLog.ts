import type { ProviderErrorCode } from "../errors.js";
import type { Phrase } from "../admin/adminAnswer.js";
import type { Job } from "../jobs/job.js";
import type { ProviderName } from "../providers/names.js";

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
	| { type: "admin"; guildId: string; userId: string; change: Phrase }
	/** The provider refused the bot's account (key, credits) while serving this server. */
	| { type: "provider"; guildId: string; provider: ProviderName; code: ProviderErrorCode };

/** Records events; never throws and never makes the caller wait for Discord. */
export interface AuditLog {
	record(event: AuditEvent): void;
}
