import type Keyv from "keyv";
import { z } from "zod";
import { KeyedMutex } from "../util/keyedMutex.js";
import { canonicalTimeZone } from "./timeZone.js";

/** Every limit; `0` means no limit. */
export interface LimitSettings {
	guildDaily: number;
	guildMonthly: number;
	guildMaxConcurrent: number;
	userDaily: number;
	userMaxConcurrent: number;
	userCooldownSeconds: number;
}

export type LimitName = keyof LimitSettings;

export const LIMIT_KEYS = [
	"guildDaily",
	"guildMonthly",
	"guildMaxConcurrent",
	"userDaily",
	"userMaxConcurrent",
	"userCooldownSeconds",
] as const satisfies readonly LimitName[];

/**
 * A guild's own settings. `limits` holds only what the guild overrode; the rest comes from the
 * environment (see `effectiveLimits`). Lists hold Discord ids, and blocklist entries as
 * `parseBlocklistEntry` returns them.
 */
export interface GuildSettings {
	limits: Partial<LimitSettings>;
	timeZone?: string;
	allowedChannels: string[];
	requiredRoles: string[];
	exemptRoles: string[];
	bannedUsers: string[];
	blocklist: string[];
	logChannelId?: string;
	/** The language of public messages, chosen by an admin; unset follows `discordLocale`. */
	language?: string;
	/** The server's own Discord language as last seen, so messages shown after a restart use it. */
	discordLocale?: string;
}

/** A value that fails its rule is dropped on its own, so one bad field never loses the rest. */
const limitValue = z.number().int().min(0).optional().catch(undefined);
const idList = z.array(z.string()).default([]).catch([]);

export const guildSettingsSchema = z.object({
	limits: z
		.object({
			guildDaily: limitValue,
			guildMonthly: limitValue,
			guildMaxConcurrent: limitValue,
			userDaily: limitValue,
			userMaxConcurrent: limitValue,
			userCooldownSeconds: limitValue,
		})
		.default({})
		.catch({}),
	/** Kept in Intl's spelling; a name this runtime does not know reads as unset (UTC). */
	timeZone: z
		.string()
		.transform((name) => canonicalTimeZone(name))
		.optional()
		.catch(undefined),
	allowedChannels: idList,
	requiredRoles: idList,
	exemptRoles: idList,
	bannedUsers: idList,
	blocklist: idList,
	logChannelId: z.string().optional().catch(undefined),
	language: z.string().optional().catch(undefined),
	discordLocale: z.string().max(16).optional().catch(undefined),
});

const LIST_FIELDS = ["allowedChannels", "requiredRoles", "exemptRoles", "bannedUsers", "blocklist"] as const;

/**
 * Checks and tidies a record: unknown values dropped, lists without duplicates, all frozen. With
 * `languages`, a language the bot does not ship (any more) reads as unset.
 */
export function normalizeSettings(raw: unknown, languages?: readonly string[]): GuildSettings {
	const parsed = guildSettingsSchema.safeParse(raw ?? {});
	const data = parsed.success ? parsed.data : guildSettingsSchema.parse({});
	const limits: Partial<LimitSettings> = {};
	for (const key of LIMIT_KEYS) {
		const value = data.limits[key];
		if (value !== undefined) limits[key] = value;
	}
	const settings: GuildSettings = { ...data, limits: Object.freeze(limits) };
	if (settings.timeZone === undefined) delete settings.timeZone;
	if (settings.logChannelId === undefined) delete settings.logChannelId;
	if (settings.language === undefined || (languages && !languages.includes(settings.language)))
		delete settings.language;
	if (settings.discordLocale === undefined) delete settings.discordLocale;
	for (const field of LIST_FIELDS) settings[field] = Object.freeze([...new Set(data[field])]) as string[];
	return Object.freeze(settings);
}

/**
 * Per-guild settings in their own namespace, cached in memory after the first read (settings
 * are read on every request). Records returned by `get` are frozen and shared: do not mutate
 * them; `update` hands its callback a private copy.
 */
export class GuildSettingsStore {
	readonly #keyv: Keyv<unknown>;
	readonly #defaults: LimitSettings;
	readonly #languages: readonly string[] | undefined;
	readonly #cache = new Map<string, { settings: GuildSettings; at: number }>();
	readonly #mutex = new KeyedMutex();
	readonly #cacheMs: number | undefined;
	readonly #clock: () => number;

	constructor(deps: {
		keyv: Keyv<unknown>;
		defaults: LimitSettings;
		/** The languages a server may choose (the bot's catalogues); any when not given. */
		languages?: readonly string[];
		/**
		 * How long a read stays good; unset: until this process changes it. Set when other processes
		 * share the store and may change a server's settings (an admin's command on another shard
		 * during a reshard).
		 */
		cacheMs?: number;
		clock?: () => number;
	}) {
		this.#keyv = deps.keyv;
		this.#defaults = { ...deps.defaults };
		this.#languages = deps.languages;
		this.#cacheMs = deps.cacheMs;
		this.#clock = deps.clock ?? Date.now;
	}

	get defaults(): Readonly<LimitSettings> {
		return this.#defaults;
	}

	/** The guild's settings if they are in memory (read before), without waiting. */
	peek(guildId: string): GuildSettings | undefined {
		const cached = this.#cache.get(guildId);
		if (!cached) return undefined;
		if (this.#cacheMs !== undefined && this.#clock() - cached.at >= this.#cacheMs) return undefined;
		return cached.settings;
	}

	async get(guildId: string): Promise<GuildSettings> {
		const cached = this.peek(guildId);
		if (cached) return cached;
		// Filled under the guild's lock, so a read that started before an update cannot overwrite it.
		return this.#mutex.run(guildId, () => this.#load(guildId));
	}

	/** Applies `change` under the guild's lock and saves the (normalized) result. */
	async update(guildId: string, change: (settings: GuildSettings) => GuildSettings): Promise<GuildSettings> {
		return this.#mutex.run(guildId, async () => {
			// Another process may have changed them since they were read.
			if (this.#cacheMs !== undefined) this.#cache.delete(guildId);
			const current = await this.#load(guildId);
			const next = normalizeSettings(change(structuredClone(current)), this.#languages);
			await this.#keyv.set(guildId, next);
			this.#cache.set(guildId, { settings: next, at: this.#clock() });
			return next;
		});
	}

	/** The environment defaults with the guild's overrides on top. */
	effectiveLimits(settings: GuildSettings): LimitSettings {
		const limits = { ...this.#defaults };
		for (const key of LIMIT_KEYS) {
			const value = settings.limits[key];
			if (value !== undefined) limits[key] = value;
		}
		return limits;
	}

	async #load(guildId: string): Promise<GuildSettings> {
		const cached = this.peek(guildId);
		if (cached) return cached;
		const settings = normalizeSettings(await this.#keyv.get(guildId), this.#languages);
		this.#cache.set(guildId, { settings, at: this.#clock() });
		return settings;
	}
}
