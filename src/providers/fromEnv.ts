import type { Dispatcher } from "undici";
import type { Env } from "../env.js";
import type { ProviderName } from "./names.js";
import { createAdapter, ProviderRegistry } from "./registry.js";
import type { ReadFrame } from "./types.js";

/** The providers the environment names: the primary and, when set, the fallback. */
export function registryFromEnv(
	env: Env,
	deps: {
		readFrame: ReadFrame;
		/** The dispatcher each provider's requests go through (metrics count them there). */
		dispatcherFor: (name: ProviderName) => Dispatcher;
	},
): ProviderRegistry {
	const adapter = (name: ProviderName, apiKey: string, baseUrl?: string, model?: string) =>
		createAdapter(name, {
			apiKey,
			readFrame: deps.readFrame,
			...(baseUrl && { baseUrl }),
			...(model && { model }),
			dispatcher: deps.dispatcherFor(name),
		});
	const primary = adapter(env.LUMA_PROVIDER, env.LUMA_API_KEY, env.LUMA_API_BASE, env.LUMA_MODEL);
	const fallback =
		env.LUMA_FALLBACK_PROVIDER && env.LUMA_FALLBACK_API_KEY
			? adapter(
					env.LUMA_FALLBACK_PROVIDER,
					env.LUMA_FALLBACK_API_KEY,
					env.LUMA_FALLBACK_API_BASE,
					env.LUMA_FALLBACK_MODEL,
				)
			: undefined;
	return new ProviderRegistry(primary, fallback);
}
