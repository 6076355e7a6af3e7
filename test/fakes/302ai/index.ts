/**
 * A fake 302.AI Luma API on 127.0.0.1 that follows 302's documents (providers.md §2): bearer
 * auth, multipart Submit and Extend, one-task Fetch, 302's error bodies and a tiny file host
 * under `/files/` (from the base class). Requests that break the documents land in `violations`.
 */

import type { FakeProviderOptions } from "../common/fakeProvider.js";
import { Fake302Ai } from "./server.js";

export { MODERATION_MESSAGE } from "./bodies.js";
export { Fake302Ai, type RawReply, type Task302 } from "./server.js";

export async function startFake302Ai(
	options: FakeProviderOptions & { queryDelayMs?: number } = {},
): Promise<Fake302Ai> {
	const fake = new Fake302Ai(options);
	if (options.queryDelayMs !== undefined) fake.setQueryDelay(options.queryDelayMs);
	await fake.listen();
	return fake;
}
