/**
 * A fake YEScale Luma API on 127.0.0.1 that follows the provider documents (providers.md §3):
 * create, extend and get-by-id in the Luma web format, OpenAI-style (new-api) error bodies, and
 * the base class's file host for the finished videos.
 */

import type { FakeProviderOptions } from "../common/fakeProvider.js";
import { FakeYescale } from "./server.js";

export { FAILURE_REASONS } from "./bodies.js";
export { FakeYescale, type RawReply, type YescaleEndpoint } from "./server.js";

export interface FakeYescaleOptions extends FakeProviderOptions {
	/** Delay before each status query is answered (to watch concurrency); default 0. */
	queryDelayMs?: number;
}

export async function startFakeYescale(options: FakeYescaleOptions = {}): Promise<FakeYescale> {
	const fake = new FakeYescale(options);
	await fake.listen();
	return fake;
}
