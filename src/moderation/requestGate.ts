import { UserError } from "../errors.js";
import { QuotaError } from "../quota/quotaRules.js";
import type { QuotaService } from "../quota/quotaService.js";
import type { GuildSettingsStore } from "../settings/guildSettings.js";
import { AccessError, checkAccess, isExempt } from "./accessRules.js";
import type { AuditLog } from "./auditLog.js";
import { findBlocked } from "./blocklist.js";

export interface Requester {
	guildId: string | null;
	userId: string;
	channelId: string;
	/** A thread's parent channel: threads follow their channel's allowance. */
	parentChannelId?: string;
	memberRoleIds: readonly string[];
}

/**
 * The server's rules for one request, in order: who and where (bans, channels, roles), what (the
 * prompt blocklist), how much (quota). Passing reserves one unit under `jobId`; refusing reserves
 * nothing. Bans and blocked prompts are written to the audit log.
 */
export class RequestGate {
	readonly #settings: GuildSettingsStore;
	readonly #quota: QuotaService;
	readonly #audit: AuditLog;
	readonly #onRefused: ((rule: string) => void) | undefined;

	constructor(deps: {
		settings: GuildSettingsStore;
		quota: QuotaService;
		audit: AuditLog;
		/** Told the rule of every refusal (metrics). */
		onRefused?: (rule: string) => void;
	}) {
		this.#settings = deps.settings;
		this.#quota = deps.quota;
		this.#audit = deps.audit;
		this.#onRefused = deps.onRefused;
	}

	/**
	 * Checks and reserves in memory (a guild whose records are cached waits on no I/O); `saved`
	 * settles when the reservation is in the store, which must happen before anything is spent.
	 */
	async admit(
		requester: Requester,
		request: { prompt: string; jobId: string },
	): Promise<{ saved: Promise<void> }> {
		try {
			return await this.#admit(requester, request);
		} catch (error) {
			if (error instanceof AccessError || error instanceof QuotaError) this.#onRefused?.(error.rule);
			throw error;
		}
	}

	/** Gives back a reservation whose job was never made (it could not be stored). */
	async cancel(guildId: string, jobId: string): Promise<void> {
		await this.#quota.release({ guildId, jobId, refund: true });
	}

	/** Reads a guild's settings and usage ahead of its first request. */
	async warm(guildId: string): Promise<void> {
		await Promise.all([this.#settings.get(guildId), this.#quota.warm(guildId)]);
	}

	async #admit(
		requester: Requester,
		request: { prompt: string; jobId: string },
	): Promise<{ saved: Promise<void> }> {
		const { guildId, userId, channelId } = requester;
		if (!guildId) throw new UserError("server_only");
		const settings = this.#settings.peek(guildId) ?? (await this.#settings.get(guildId));
		try {
			checkAccess({
				settings,
				userId,
				channelId,
				memberRoleIds: requester.memberRoleIds,
				...(requester.parentChannelId && { parentChannelId: requester.parentChannelId }),
			});
		} catch (error) {
			if (error instanceof AccessError && error.rule === "banned") {
				this.#audit.record({
					type: "refused",
					guildId,
					userId,
					channelId,
					rule: "banned",
					prompt: request.prompt,
				});
			}
			throw error;
		}
		const blocked = findBlocked(request.prompt, settings.blocklist);
		if (blocked) {
			this.#audit.record({
				type: "refused",
				guildId,
				userId,
				channelId,
				rule: "blocklist",
				prompt: request.prompt,
				detail: blocked,
			});
			this.#onRefused?.("blocklist");
			throw new UserError("blocked_prompt", { word: blocked });
		}
		const { saved } = await this.#quota.reserveNow({
			guildId,
			userId,
			jobId: request.jobId,
			exempt: isExempt(settings, requester.memberRoleIds),
		});
		return { saved };
	}
}
