import { writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A stand-in for a shard process, for the sharding manager's tests: it writes down what the
 * manager handed it (FAKE_SHARD_DIR/<pid>.json), says ready the way discord.js's ShardClientUtil
 * does, and stops with exit 0 on SIGTERM. FAKE_SHARD_MODE=crash: it exits 1 soon after ready.
 */
const dir = process.env.FAKE_SHARD_DIR ?? ".";
writeFileSync(
	join(dir, `${process.pid}.json`),
	JSON.stringify({
		SHARDS: process.env.SHARDS,
		SHARD_COUNT: process.env.SHARD_COUNT,
		SHARDING_MANAGER: process.env.SHARDING_MANAGER,
		execArgv: process.execArgv,
	}),
);
// The handler is in place before the manager hears "ready": a SIGTERM sent right after that
// message must find it, not the default action, on a machine busy enough to pause this process.
process.on("SIGTERM", () => {
	writeFileSync(join(dir, `${process.pid}.stopped`), "");
	process.exit(0);
});
process.send?.({ _ready: true });
if (process.env.FAKE_SHARD_MODE === "crash") setTimeout(() => process.exit(1), 100);
setInterval(() => undefined, 60_000);
