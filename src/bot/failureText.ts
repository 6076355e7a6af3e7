import type { Job } from "../jobs/job.js";
import { isProviderName, PROVIDER_LABELS } from "../providers/names.js";
import type { RequestProblem } from "../providers/types.js";

type Params = Record<string, string | number> | undefined;

const providerLabel = (params: Params) => {
	const name = String(params?.provider ?? "");
	return isProviderName(name) ? PROVIDER_LABELS[name] : "the video provider";
};

const KEY = "The bot's provider key was refused. A server admin needs to check the provider key.";

/** Sentences for every way a job can fail, by code. */
export const FAILURES: Readonly<Record<string, (params: Params) => string>> = {
	bad_request: () =>
		"The video provider did not accept this request. Check the prompt and images, then try again.",
	invalid_token: () => KEY,
	token_expired: () => "The bot's provider key has expired. A server admin needs to renew it.",
	disabled: () => "The bot's provider account is disabled. A server admin needs to check it.",
	no_credits: () => "The video provider's credits are used up. A server admin needs to top up the account.",
	moderated: () => "The provider's moderation rejected this prompt or image. Try rewording it.",
	not_found: () =>
		"The video provider did not recognise this request. A server admin needs to check the provider settings.",
	too_many_requests: () => "The video provider is busy right now. Try again in a minute.",
	unavailable: () => "The video provider cannot take new videos right now. Try again in a few minutes.",
	api_error: () => "The video provider had a problem making this video. Try again in a few minutes.",
	timeout: () =>
		"The video provider took too long to answer, so the bot cannot tell whether it started this video. It was not sent again; try again in a few minutes.",
	unreachable: () => "The bot could not reach the video provider. Try again in a few minutes.",
	network: () => "The connection to the video provider broke. Try again in a few minutes.",
	invalid_response: () => "The video provider sent an answer the bot could not read. Try again later.",
	failed: () => "The video provider could not make this video. Try again, perhaps with a different prompt.",
	no_output: () => "The video provider finished without returning a video. Try again.",
	unknown: () => "The video provider refused the request. Try again later.",
	internal: () =>
		"Something went wrong on the bot's side while starting this video. It has been logged; please try again.",
	timeout_waiting: (p) =>
		`The provider did not finish this video within ${p?.minutes ?? "the allowed"} minutes, so the bot stopped waiting. Try again; if it keeps happening, the provider may be overloaded.`,
	interrupted_while_submitting: () =>
		"The bot restarted while sending this request, so it cannot tell whether the provider received it. It was not sent again, to avoid paying twice. Run the command again if no video arrives.",
	interrupted_before_start: () =>
		"The bot restarted before this request started. Nothing was sent or charged; run the command again.",
	not_started: () => "This request did not start. Nothing was sent or charged.",
	provider_not_configured: (p) =>
		`This video was being made by ${providerLabel(p)}, which this bot no longer uses, so it cannot be finished. Your unit was given back; run the command again.`,
	// Codes of records written before every provider shared one vocabulary.
	forbidden: () => FAILURES.moderated!(undefined),
	used_up: () => FAILURES.no_credits!(undefined),
};

/** Why a job failed, in plain words; never the provider's own text. */
export function failureText(error: Job["error"]): string {
	if (!error) return "The video could not be made.";
	const text = FAILURES[error.code];
	if (text) return text(error.params);
	return error.message ?? FAILURES.failed!(undefined);
}

const OPTION_NAMES: Record<string, string> = {
	aspect_ratio: "a choice of aspect ratio",
	loop: "looping videos",
	enhance: "prompt enhancement",
	start_frame: "a start frame",
	end_frame: "an end frame",
	model: "that model",
	duration: "that clip length",
	resolution: "that resolution",
};

/** Sentences for requests the bot turns down, by code. */
export const REFUSALS: Readonly<Record<string, (params: Params) => string>> = {
	unsupported_option: (p) => {
		const option = String(p?.option ?? "");
		const what = OPTION_NAMES[option] ?? option;
		const value = p?.value === undefined ? "" : ` (${p.value})`;
		return `${providerLabel(p)}, the video provider this bot uses, does not support ${what}${value}. Run the command again without it.`;
	},
	extend_unsupported: (p) => `${providerLabel(p)} cannot extend videos, so this clip can't be continued.`,
	extend_by_url_unsupported: (p) =>
		`${providerLabel(p)} can only extend videos it made itself. Pick one of this server's videos instead of a link.`,
	extend_end_frame_unsupported: (p) =>
		`${providerLabel(p)} cannot use an end frame when extending. Run the command again without it.`,
	extend_backward_unsupported: (p) =>
		`${providerLabel(p)} can only extend forwards. Run the command again without the direction.`,
	extend_option: (p) => {
		const option = String(p?.option ?? "");
		return `${providerLabel(p)} takes only a prompt and an end frame when extending, not ${OPTION_NAMES[option] ?? option}. Run the command again without it.`;
	},
	extend_start_frame: () =>
		"An extension starts where its clip ends, so it can't have a start frame as well. Run the command again without it.",
	extend_target_missing: () =>
		"Say which video to extend: pick one from the list, or paste a video ID or link.",
	extend_backward_end_frame: () =>
		"A clip that leads into a video ends on that video, so it can't have an end frame as well. Drop one of the two.",
	extend_provider_not_configured: (p) =>
		`That clip was made with ${providerLabel(p)}, which this bot no longer uses, so it can't be extended. Make a new video instead.`,
	provider_account: (p) =>
		p?.reason === "no_credits"
			? `${providerLabel(p)}'s credits for this bot are used up, so no videos can be made right now. A server admin has been told; try again later.`
			: `${providerLabel(p)} refused the bot's account, so no videos can be made right now. A server admin needs to check the provider key; try again later.`,
	prompt_language: (p) =>
		`${providerLabel(p)} only takes prompts in ${p?.language ?? "English"}. Rewrite the prompt in ${p?.language ?? "English"} and try again.`,
	model_unknown: (p) => `The model ${p?.model ?? ""} is not available here. Pick one from the list.`,
	duration_text_only: (p) =>
		`${p?.duration ?? "Long"} clips can only be made from a prompt alone. Remove the frames, or pick a shorter clip.`,
	loop_duration: (p) => `${p?.duration ?? "Long"} clips cannot loop. Turn loop off, or pick a shorter clip.`,
	delete_gone: () => "That video is already gone.",
	delete_not_allowed: () =>
		"Only the person who asked for this video, or a member with Manage Messages, can delete it.",
	link_provider_not_configured: (p) =>
		`That video was made with ${providerLabel(p)}, which this bot no longer uses, so no fresh link can be fetched.`,
	link_unavailable: () =>
		"A fresh link for this video is not available any more. The uploaded file above still plays.",
};

/** A refused request in plain words, naming the rule and what to do. */
export function refusalText(problem: RequestProblem): string {
	const text = REFUSALS[problem.code];
	return text ? text(problem.params) : "This request can't be made with the bot's video provider.";
}
