/**
 * `npm run bench`: the real bot (a child process, so its memory is its own) against the fake
 * Discord and fake providers on 127.0.0.1. Prints one JSON object with the figures, each next to
 * its goal; exits non-zero when a phase fails (a missed goal is `met: false`, not a failure). The
 * phases run one after the other so none distorts another's timings.
 *
 * `npm run bench -- <phase> [<phase> ...]` runs only the named phases (in the order given), e.g.
 * `npm run bench -- ack quota` while working on one figure; the names are the keys of `PHASES`.
 */
import { measureAckVsBareBot } from "./ack.js";
import { measureBatchProvider } from "./batchProvider.js";
import { measureBigVideoMemory } from "./bigVideos.js";
import { measureBurstDelivery } from "./burstDelivery.js";
import { measureCallbackDelivery } from "./callbackDelivery.js";
import { measureNonBatchPolling } from "./nonBatchPolling.js";
import { measureQuotaReservations } from "./quota.js";
import { measureShards } from "./sharded.js";

const PHASES = {
	ack: measureAckVsBareBot,
	batch: measureBatchProvider,
	burst: measureBurstDelivery,
	bigVideos: measureBigVideoMemory,
	quota: measureQuotaReservations,
	nonBatchPolling: measureNonBatchPolling,
	callbacks: measureCallbackDelivery,
	shards: measureShards,
} as const satisfies Record<string, () => Promise<unknown>>;

type PhaseName = keyof typeof PHASES;
const isPhase = (name: string): name is PhaseName => Object.hasOwn(PHASES, name);

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !isPhase(name));
if (unknown.length > 0) {
	console.error(`unknown phase ${unknown.join(", ")}; phases: ${Object.keys(PHASES).join(", ")}`);
	process.exit(2);
}
const selected = requested.length > 0 ? requested.filter(isPhase) : (Object.keys(PHASES) as PhaseName[]);

const figures: Partial<Record<PhaseName, unknown>> = {};
const failed: PhaseName[] = [];
for (const name of selected) {
	try {
		figures[name] = await PHASES[name]();
	} catch (error) {
		// Each phase stops its own children and servers; the next phase starts clean.
		console.error(`bench phase ${name} failed:`, error);
		figures[name] = { failed: error instanceof Error ? error.message : String(error) };
		failed.push(name);
	}
}
console.log(JSON.stringify(figures, null, 2));
// Exit even if a stray handle would keep us alive.
process.exit(failed.length > 0 ? 1 : 0);
