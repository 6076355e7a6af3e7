/**
 * Opens the store named on the command line, uses every part of it once, closes it and returns:
 * the process must then exit by itself at once, which it does only when no connection is left open.
 */
import { pino } from "pino";
import { createStore } from "../../src/store/createStore.js";

const url = process.argv[2];
if (!url) throw new Error("usage: useStoreAndExit.ts <STORE_URL>");
const store = createStore(url, pino({ level: "silent" }));
const jobs = store.openNamespace<number>("jobs");
await jobs.set("a", 1);
for await (const entry of jobs.iterator!(undefined)) void entry;
await store.openNamespace<number>("jobs-active").get("a");
await store.claims.take("k", "me", 1_000);
await store.claims.release("k", "me");
await store.versioned<number>("usage").put("g", 1, undefined);
await store.close();
// The parent times the exit from here: a pool's idle connections would close by themselves
// after a while, which must not pass for a clean close.
process.stdout.write("closed\n");
