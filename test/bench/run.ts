/**
 * `npm run bench`: the real bot (a child process, so its memory is its own) against the fake
 * Discord and fake providers on 127.0.0.1. Prints one JSON object with the figures, each next to
 * its goal; exits non-zero when a phase fails. The phases run one after the other so none
 * distorts another's timings.
 */
import { measureBatchProvider } from "./batchProvider.js";
import { measureCallbackDelivery } from "./callbackDelivery.js";
import { measureNonBatchPolling } from "./nonBatchPolling.js";

try {
	const batch = await measureBatchProvider();
	const nonBatchPolling = await measureNonBatchPolling();
	const callbackDeliveryLag = await measureCallbackDelivery();
	console.log(JSON.stringify({ ...batch, nonBatchPolling, callbackDeliveryLag }, null, 2));
} catch (error) {
	console.error("bench failed:", error);
	// Every child and server is stopped by now; exit even if a stray handle would keep us alive.
	process.exit(1);
}
