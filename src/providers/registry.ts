import type { ProviderErrorCode } from "../errors.js";
import { Ai302Provider } from "./302ai/client.js";
import { AceDataCloudProvider } from "./acedatacloud/client.js";
import { LumaDreamMachineProvider } from "./luma/client.js";
import { LumaAgentsProvider } from "./luma-agents/client.js";
import type { ProviderName } from "./names.js";
import type { AdapterOptions, ProviderAdapter } from "./types.js";
import { YescaleProvider } from "./yescale/client.js";

const ADAPTERS: Readonly<Record<ProviderName, new (options: AdapterOptions) => ProviderAdapter>> = {
	acedatacloud: AceDataCloudProvider,
	"302ai": Ai302Provider,
	yescale: YescaleProvider,
	luma: LumaDreamMachineProvider,
	"luma-agents": LumaAgentsProvider,
};

export function createAdapter(name: ProviderName, options: AdapterOptions): ProviderAdapter {
	return new ADAPTERS[name](options);
}

/** How long an account answer (bad key, no credits) turns new requests away from a provider. */
export const ACCOUNT_PROBLEM_HOLD_MS = 5 * 60_000;

/**
 * The configured providers by name: the primary takes new requests, the optional fallback takes
 * those the primary provably could not start. A job is always tracked by the provider that made
 * it, so a job whose provider is not here any more cannot be finished.
 */
export class ProviderRegistry {
	readonly primary: ProviderAdapter;
	readonly fallback: ProviderAdapter | undefined;
	readonly #byName = new Map<ProviderName, ProviderAdapter>();
	readonly #holds = new Map<ProviderName, { code: ProviderErrorCode; until: number }>();

	constructor(primary: ProviderAdapter, fallback?: ProviderAdapter) {
		this.primary = primary;
		this.fallback = fallback && fallback.name !== primary.name ? fallback : undefined;
		this.#byName.set(primary.name, primary);
		if (this.fallback) this.#byName.set(this.fallback.name, this.fallback);
	}

	get(name: ProviderName): ProviderAdapter | undefined {
		return this.#byName.get(name);
	}

	all(): ProviderAdapter[] {
		return [...this.#byName.values()];
	}

	/** Remembers that `name` refused the bot's account, so new requests skip it for a while. */
	hold(name: ProviderName, code: ProviderErrorCode, now: number): void {
		this.#holds.set(name, { code, until: now + ACCOUNT_PROBLEM_HOLD_MS });
	}

	/** The account problem `name` is held for, if the hold has not run out. */
	heldFor(name: ProviderName, now: number): ProviderErrorCode | undefined {
		const hold = this.#holds.get(name);
		if (!hold) return undefined;
		if (now < hold.until) return hold.code;
		this.#holds.delete(name);
		return undefined;
	}
}
