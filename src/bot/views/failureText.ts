import type { Job } from "../../jobs/job.js";
import { isProviderName, PROVIDER_LABELS } from "../../providers/names.js";
import type { RequestProblem } from "../../providers/types.js";
import { isMessageKey } from "../i18n/catalogue.js";
import type { Translator } from "../i18n/translate.js";

type Params = Readonly<Record<string, string | number>> | undefined;

/** Codes of records written before every provider shared one vocabulary. */
const OLD_FAILURE_CODES: Readonly<Record<string, string>> = { forbidden: "moderated", used_up: "no_credits" };

const megabytes = (t: Translator, bytes: number) =>
	t.number(bytes / (1024 * 1024), {
		style: "unit",
		unit: "megabyte",
		minimumFractionDigits: 1,
		maximumFractionDigits: 1,
	});

/**
 * Parameters as a sentence shows them: provider names as labels, codes of options and frames as
 * words, byte counts as megabytes. Everything else is shown as stored.
 */
export function wordParams(t: Translator, params: Params): Record<string, string | number> {
	const words: Record<string, string | number> = { ...params };
	if (params?.provider !== undefined) {
		const name = String(params.provider);
		words.provider = isProviderName(name) ? PROVIDER_LABELS[name] : t("provider.unknown");
	}
	if (params?.option !== undefined) {
		// An option this bot has no words for yet is named as Discord shows it.
		const option = String(params.option);
		const key = `feature.${option}`;
		words.feature = isMessageKey(key) ? t(key) : option;
	}
	if (params?.frame !== undefined) words.frame = t(params.frame === "start" ? "frame.start" : "frame.end");
	return words;
}

/** Why a job failed, in plain words; never the provider's own text. */
export function failureText(t: Translator, error: Job["error"]): string {
	if (!error) return t("failure.none");
	const code = OLD_FAILURE_CODES[error.code] ?? error.code;
	// A record from before codes were kept has only its sentence.
	if (!isMessageKey(`failure.${code}`) && error.message) return error.message;
	return t.code("failure", code, "failure.failed", wordParams(t, error.params));
}

/** A refused request in plain words, naming the rule and what to do. */
export function refusalText(t: Translator, problem: RequestProblem): string {
	const params = wordParams(t, problem.params);
	if (problem.code === "unsupported_option" && problem.params?.value !== undefined)
		return t("refusal.unsupported_option_value", params);
	if (problem.code === "provider_account" && problem.params?.reason === "no_credits")
		return t("refusal.provider_account_credits", params);
	if (problem.code === "frame_too_large")
		for (const key of ["size", "max"] as const) {
			const bytes = problem.params?.[key];
			if (typeof bytes === "number") params[key] = megabytes(t, bytes);
		}
	return t.code("refusal", problem.code, "refusal.generic", params);
}
