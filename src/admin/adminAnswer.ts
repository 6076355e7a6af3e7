import type { PhraseParams } from "../errors.js";
import type { UsageReport } from "../quota/quotaService.js";
import type { GuildSettings, LimitSettings } from "../settings/guildSettings.js";

/** Something said about a change, as a code and its parameters; views word it. */
export interface Phrase {
	code: string;
	params?: PhraseParams;
}

/** The limits as they apply, with the guild's own record to tell overrides from defaults. */
export interface LimitsView {
	settings: GuildSettings;
	effective: LimitSettings;
}

/** What `/luma-admin` answers, as data: the command words it in the admin's language. */
export type AdminAnswer =
	| { kind: "phrase"; phrase: Phrase; limits?: LimitsView }
	| { kind: "limits"; limits: LimitsView }
	| { kind: "settings"; limits: LimitsView }
	| { kind: "usage"; report: UsageReport };
