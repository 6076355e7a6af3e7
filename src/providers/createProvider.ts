import type { Dispatcher } from "undici";
import { AceDataCloudProvider } from "./acedatacloud.js";
import type { ProviderName } from "./names.js";
import type { LumaProvider } from "./types.js";

export interface ProviderConfig {
	name: ProviderName;
	apiKey: string;
	baseUrl?: string;
	dispatcher?: Dispatcher;
}

export function createProvider(config: ProviderConfig): LumaProvider {
	switch (config.name) {
		case "acedatacloud":
			return new AceDataCloudProvider({
				apiKey: config.apiKey,
				...(config.baseUrl && { baseUrl: config.baseUrl }),
				...(config.dispatcher && { dispatcher: config.dispatcher }),
			});
		default:
			// The environment schema already refuses these; this guards other callers.
			throw new Error(`provider ${config.name} is not supported yet`);
	}
}
