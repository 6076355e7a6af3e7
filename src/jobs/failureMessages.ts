/** Plain sentences for failures the bot itself decides (provider failures carry their own). */
export const FAILURE = {
	timeout: (minutes: number) =>
		`The provider did not finish this video within ${minutes} minutes, so the bot stopped waiting. Try again; if it keeps happening, the provider may be overloaded.`,
	interruptedWhileSubmitting:
		"The bot restarted while sending this request, so it cannot tell whether the provider received it. It was not sent again, to avoid paying twice. Run the command again if no video arrives.",
	interruptedBeforeStart:
		"The bot restarted before this request started. Nothing was sent or charged; run the command again.",
	internal:
		"Something went wrong on the bot's side while starting this video. It has been logged; please try again.",
	noOutput: "The provider finished without a video. Try again.",
} as const;
