import { AI302_CAPABILITIES } from "./302ai/client.js";
import { ACEDATACLOUD_CAPABILITIES } from "./acedatacloud/client.js";
import { LUMA_CAPABILITIES } from "./luma/client.js";
import { LUMA_AGENTS_CAPABILITIES } from "./luma-agents/client.js";
import type { ProviderName } from "./names.js";
import type { ProviderCapabilities } from "./types.js";
import { YESCALE_CAPABILITIES } from "./yescale/client.js";

/** Each provider's static capabilities, readable without a client (commands, views, docs). */
export const CAPABILITIES: Readonly<Record<ProviderName, ProviderCapabilities>> = {
	acedatacloud: ACEDATACLOUD_CAPABILITIES,
	"302ai": AI302_CAPABILITIES,
	yescale: YESCALE_CAPABILITIES,
	luma: LUMA_CAPABILITIES,
	"luma-agents": LUMA_AGENTS_CAPABILITIES,
};

/** The capabilities with the configured model first, so it is the default the command shows. */
export function capabilitiesFor(name: ProviderName, model?: string): ProviderCapabilities {
	const caps = CAPABILITIES[name];
	if (!model || !caps.models.includes(model)) return caps;
	return { ...caps, models: [model, ...caps.models.filter((m) => m !== model)] };
}
