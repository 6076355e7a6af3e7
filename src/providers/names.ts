/** Every provider the bot can talk to; the names are fixed (docs and outside tools use them). */
export const PROVIDER_NAMES = ["acedatacloud", "302ai", "yescale", "luma", "luma-agents"] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

/** How results and the README name each provider. */
export const PROVIDER_LABELS: Readonly<Record<ProviderName, string>> = {
	acedatacloud: "AceDataCloud",
	"302ai": "302.AI",
	yescale: "YEScale",
	luma: "Luma Dream Machine",
	"luma-agents": "Luma Agents",
};

export function isProviderName(value: string): value is ProviderName {
	return (PROVIDER_NAMES as readonly string[]).includes(value);
}
