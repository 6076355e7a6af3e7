/**
 * Loaded with `node --import` into a bot process under test: on SIGUSR2 it leaves a rejected
 * promise unhandled (with CRASH_WITH=exception, it throws from a timer instead), as a bug in the
 * bot would. The bot carries no hook for this; the test sends the signal once the bot is ready.
 */
process.on("SIGUSR2", () => {
	if (process.env.CRASH_WITH === "exception") {
		setTimeout(() => {
			throw new Error("deliberately uncaught (crash-only test)");
		});
		return;
	}
	void Promise.reject(new Error("deliberately unhandled (crash-only test)"));
});
