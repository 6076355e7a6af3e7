import type { ProviderName } from "../../src/providers/names.js";
import { startFake302Ai } from "./302ai/index.js";
import { startFakeAceDataCloud } from "./acedatacloud/index.js";
import { asFakeProvider } from "./acedatacloud/provider.js";
import type { FakeProvider, FakeProviderOptions } from "./common/fakeProvider.js";
import { startFakeLuma } from "./luma/index.js";
import { startFakeLumaAgents } from "./luma-agents/index.js";
import { startFakeYescale } from "./yescale/index.js";

export type { FakeProvider } from "./common/fakeProvider.js";

/** Starts the fake of any provider behind the common interface. */
export async function startFakeProvider(
	name: ProviderName,
	options: FakeProviderOptions = {},
): Promise<FakeProvider> {
	switch (name) {
		case "acedatacloud":
			return asFakeProvider(await startFakeAceDataCloud(options));
		case "302ai":
			return startFake302Ai(options);
		case "yescale":
			return startFakeYescale(options);
		case "luma":
			return startFakeLuma(options);
		case "luma-agents":
			return startFakeLumaAgents(options);
	}
}
