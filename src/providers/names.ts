/** Every provider name the configuration accepts; only the implemented ones can be selected. */
export const PROVIDER_NAMES = ["acedatacloud", "302ai", "yescale", "luma"] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

export const IMPLEMENTED_PROVIDERS: readonly ProviderName[] = ["acedatacloud"];
