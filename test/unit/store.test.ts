import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStore, type Store } from "../../src/store/createStore.js";
import { type Isolated, postgres, redis, suiteName, usePostgres, useRedis } from "../support/services.js";

const logger = pino({ level: "silent" });
const root = join(import.meta.dirname, "..", "..");
const tsxLoader = pathToFileURL(createRequire(join(root, "package.json")).resolve("tsx")).href;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function useSqlite(): Isolated {
	let dir: string | undefined;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), "luma-store-"));
	});
	afterEach(() => {
		if (dir) rmSync(dir, { recursive: true, force: true });
	});
	return {
		get url() {
			return `sqlite://${join(dir!, "luma.sqlite")}`;
		},
	};
}

/**
 * What every store must do, whatever keeps it. `twoProcesses`: a second store opened on the same
 * URL shares the first one's records (a second connection, as a second process would have).
 */
function storeContract(target: Isolated, options: { kind: Store["kind"]; twoProcesses: boolean }): void {
	const opened: Store[] = [];
	const open = () => {
		const store = createStore(target.url, logger);
		opened.push(store);
		return store;
	};
	/** Two stores as two processes would have them; the same one twice where records are per process. */
	const pair = (): [Store, Store] => {
		const first = open();
		return [first, options.twoProcesses ? open() : first];
	};
	afterEach(async () => {
		await Promise.all(opened.splice(0).map((store) => store.close()));
	});

	it("says what it is and whether processes may share it", () => {
		const store = open();
		expect(store.kind).toBe(options.kind);
		expect(store.shared).toBe(options.kind === "redis" || options.kind === "postgres");
	});

	it("keeps each namespace's records apart: get, set, delete", async () => {
		const store = open();
		const jobs = store.openNamespace<{ state: string }>("jobs");
		const active = store.openNamespace<number>("jobs-active");
		await jobs.set("a", { state: "queued" });
		await active.set("a", 1);
		expect(await jobs.get("a")).toEqual({ state: "queued" });
		expect(await active.get("a")).toBe(1);
		expect(await jobs.get("b")).toBeUndefined();
		expect(await jobs.delete("a")).toBe(true);
		expect(await jobs.get("a")).toBeUndefined();
		expect(await active.get("a")).toBe(1);
	});

	it("lists only its own namespace's keys", async () => {
		const store = open();
		const jobs = store.openNamespace<number>("jobs");
		const active = store.openNamespace<number>("jobs-active");
		const refs = store.openNamespace<string>("job-refs");
		for (let i = 0; i < 25; i++) await active.set(`job-${i}`, i);
		await jobs.set("job-1", 100);
		await refs.set("message:1", "job-1");
		await store.claims.take("jobs-active:job-1", "owner", 10_000);
		await store.versioned<number>("jobs-active").put("job-99", 1, undefined);

		const listed = new Map<string, number>();
		for await (const [key, value] of active.iterator!(undefined)) listed.set(String(key), value as number);
		expect(listed).toEqual(new Map(Array.from({ length: 25 }, (_, i) => [`job-${i}`, i])));
		const refKeys: string[] = [];
		for await (const [key] of refs.iterator!(undefined)) refKeys.push(String(key));
		expect(refKeys).toEqual(["message:1"]);
	});

	it("reads in a second store what the first one wrote", async () => {
		const [first, second] = pair();
		await first.openNamespace<string>("meta").set("secret", "s3cret");
		expect(await second.openNamespace<string>("meta").get("secret")).toBe("s3cret");
	});

	it("ends every connection on close: a process that used it exits by itself at once", async () => {
		const child = spawn(
			process.execPath,
			["--import", tsxLoader, join(root, "test/support/useStoreAndExit.ts"), target.url],
			{ stdio: ["ignore", "pipe", "pipe"] },
		);
		let stderr = "";
		child.stderr.on("data", (chunk) => (stderr += String(chunk)));
		let closedAt: number | undefined;
		child.stdout.on("data", () => (closedAt ??= Date.now()));
		const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
		const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
			child.once("exit", (exitCode, exitSignal) => resolve([exitCode, exitSignal])),
		);
		clearTimeout(timer);
		expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: "" });
		expect(Date.now() - closedAt!).toBeLessThan(2_000);
	});

	describe("claims", () => {
		it("gives a key to exactly one of many owners taking it at once", async () => {
			const [first, second] = pair();
			const owners = Array.from({ length: 50 }, (_, i) => `owner-${i}`);
			const taken = await Promise.all(
				owners.map((owner, i) => (i % 2 ? second : first).claims.take("poll:tick", owner, 10_000)),
			);
			expect(taken.filter(Boolean)).toHaveLength(1);
			const winner = owners[taken.indexOf(true)]!;
			// Only the winner gets it again (a renewal); everyone else is still refused.
			const again = await Promise.all(
				owners.map((owner, i) => (i % 2 ? first : second).claims.take("poll:tick", owner, 10_000)),
			);
			expect(owners.filter((_, i) => again[i])).toEqual([winner]);
		});

		it("renews the owner's hold, and lets another take it once it expires", async () => {
			const [first, second] = pair();
			expect(await first.claims.take("job:1", "a", 300)).toBe(true);
			expect(await second.claims.take("job:1", "b", 300)).toBe(false);
			await sleep(150);
			expect(await first.claims.take("job:1", "a", 400)).toBe(true);
			await sleep(250);
			// Past the first hold's end, within the renewed one.
			expect(await second.claims.take("job:1", "b", 300)).toBe(false);
			await sleep(300);
			expect(await second.claims.take("job:1", "b", 300)).toBe(true);
			expect(await first.claims.take("job:1", "a", 300)).toBe(false);
		});

		it("is let go only by its owner", async () => {
			const [first, second] = pair();
			expect(await first.claims.take("job:2", "a", 10_000)).toBe(true);
			await second.claims.release("job:2", "b");
			expect(await second.claims.take("job:2", "b", 10_000)).toBe(false);
			await first.claims.release("job:2", "a");
			expect(await second.claims.take("job:2", "b", 10_000)).toBe(true);
			// Releasing what one does not hold, or what nobody holds, changes nothing.
			await first.claims.release("job:2", "a");
			await first.claims.release("job:3", "a");
			expect(await first.claims.take("job:2", "a", 10_000)).toBe(false);
		});

		it("keeps keys apart and refuses a hold of no time", async () => {
			const store = open();
			expect(await store.claims.take("x", "a", 10_000)).toBe(true);
			expect(await store.claims.take("y", "b", 10_000)).toBe(true);
			await expect(store.claims.take("z", "a", 0)).rejects.toThrow(RangeError);
		});
	});

	describe("versioned records", () => {
		it("counts every one of many concurrent increments from two stores", async () => {
			const [first, second] = pair();
			const increment = async (store: Store) => {
				const usage = store.versioned<{ count: number }>("usage");
				for (let attempt = 1; ; attempt++) {
					const current = await usage.get("guild-1");
					const next = { count: (current?.value.count ?? 0) + 1 };
					if ((await usage.put("guild-1", next, current?.version)) !== undefined) return;
					// Lost the race: read again, after a wait that grows and spreads the losers out.
					await sleep(Math.random() * 2 * attempt);
				}
			};
			await Promise.all(Array.from({ length: 100 }, (_, i) => increment(i % 2 ? second : first)));
			expect(await first.versioned<{ count: number }>("usage").get("guild-1")).toEqual({
				value: { count: 100 },
				version: 100,
			});
		});

		it("lists the keys of its own namespace", async () => {
			const store = open();
			const usage = store.versioned<number>("usage");
			await usage.put("g1", 1, undefined);
			await usage.put("g*2", 2, undefined);
			await store.versioned<number>("usage-other").put("g3", 3, undefined);
			const keys: string[] = [];
			for await (const key of usage.keys()) keys.push(key);
			expect(keys.sort()).toEqual(["g*2", "g1"]);
		});

		it("writes only over the version read, and creates only what does not exist", async () => {
			const store = open();
			const usage = store.versioned<{ day: string; count: number }>("usage");
			expect(await usage.get("g")).toBeUndefined();
			expect(await usage.put("g", { day: "2025-01-01", count: 1 }, 1)).toBeUndefined();
			expect(await usage.put("g", { day: "2025-01-01", count: 1 }, undefined)).toBe(1);
			expect(await usage.put("g", { day: "2025-01-01", count: 9 }, undefined)).toBeUndefined();
			expect(await usage.put("g", { day: "2025-01-01", count: 2 }, 1)).toBe(2);
			expect(await usage.put("g", { day: "2025-01-01", count: 9 }, 1)).toBeUndefined();
			expect(await usage.get("g")).toEqual({ value: { day: "2025-01-01", count: 2 }, version: 2 });
			// Namespaces are apart, and from the Keyv namespace of the same name.
			expect(await store.versioned("settings").get("g")).toBeUndefined();
			expect(await store.openNamespace("usage").get("g")).toBeUndefined();
		});
	});
}

describe("memory store", () => {
	storeContract({ url: "memory://" }, { kind: "memory", twoProcesses: false });
});

describe("sqlite store", () => {
	// Two connections to one file stay correct, though the bot keeps one per process.
	storeContract(useSqlite(), { kind: "sqlite", twoProcesses: true });
});

describe.skipIf(!redis.available)(suiteName("redis store", redis), () => {
	storeContract(useRedis(), { kind: "redis", twoProcesses: true });
});

describe.skipIf(!postgres.available)(suiteName("postgres store", postgres), () => {
	storeContract(usePostgres(), { kind: "postgres", twoProcesses: true });
});
