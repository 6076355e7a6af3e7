import type { Clock } from "../clock.js";
import { isAccountProblem, ProviderError } from "../errors.js";
import type { Logger } from "../logger.js";
import { PROVIDER_LABELS } from "./names.js";
import type { ProviderRegistry } from "./registry.js";

/** A task id no provider has: asking about it costs one authenticated read and creates nothing. */
const PROBE_TASK_ID = "00000000-0000-4000-8000-000000000000";

/**
 * Checks each configured provider's key at start with the cheapest authenticated call every
 * provider has, a status query for a task that does not exist. A refused key is one clear log
 * line for the operator, and the provider is held, so members are refused privately instead of
 * meeting a public failure. Other trouble (the provider down) is only a warning: the poller and
 * submits deal with it as usual.
 */
export async function verifyProviderKeys(deps: {
	registry: ProviderRegistry;
	clock: Clock;
	logger: Logger;
	/** The variable that holds each configured provider's key, to name in the log line. */
	keyVariable: (name: string) => string;
}): Promise<void> {
	await Promise.all(
		deps.registry.all().map(async (adapter) => {
			try {
				await adapter.query([PROBE_TASK_ID]);
				deps.logger.info({ provider: adapter.name }, "provider key accepted");
			} catch (error) {
				const label = PROVIDER_LABELS[adapter.name];
				if (error instanceof ProviderError && isAccountProblem(error.code)) {
					deps.registry.hold(adapter.name, error.code, deps.clock());
					deps.logger.error(
						{ provider: adapter.name, code: error.code },
						`${label} refused the bot's key (${error.code}): check ${deps.keyVariable(adapter.name)}`,
					);
					return;
				}
				deps.logger.warn(
					{ err: error, provider: adapter.name },
					`could not check the ${label} key; going on`,
				);
			}
		}),
	);
}
