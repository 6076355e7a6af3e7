import { describe, expect, it } from "vitest";
import { ByteBudget } from "../../src/util/byteBudget.js";
import { Semaphore } from "../../src/util/semaphore.js";

const deferred = () => {
	let resolve!: () => void;
	const promise = new Promise<void>((r) => (resolve = r));
	return { promise, resolve };
};
const ticks = async (n = 5) => {
	for (let i = 0; i < n; i++) await Promise.resolve();
};

describe("Semaphore", () => {
	it("never lets more than its limit run, even for a caller arriving as a slot is handed on", async () => {
		// The third caller arrives k microtask turns after the first finishes: for some k that is
		// between the first giving its slot up and the second resuming.
		for (let k = 0; k < 12; k++) {
			const semaphore = new Semaphore(1);
			let running = 0;
			let most = 0;
			const gates = [deferred(), deferred(), deferred()];
			const work = (gate: ReturnType<typeof deferred>) => async () => {
				running++;
				most = Math.max(most, running);
				await gate.promise;
				running--;
			};
			const first = semaphore.run(work(gates[0]!));
			const second = semaphore.run(work(gates[1]!));
			await ticks();
			gates[0]!.resolve();
			await ticks(k);
			const third = semaphore.run(work(gates[2]!));
			await ticks(20);
			gates[1]!.resolve();
			gates[2]!.resolve();
			await Promise.all([first, second, third]);
			expect({ k, most }).toEqual({ k, most: 1 });
		}
	});

	it("runs waiters in arrival order", async () => {
		const semaphore = new Semaphore(2);
		const order: number[] = [];
		const gate = deferred();
		const runs = [0, 1, 2, 3, 4].map((i) =>
			semaphore.run(async () => {
				order.push(i);
				await gate.promise;
			}),
		);
		await ticks();
		expect(order).toEqual([0, 1]);
		gate.resolve();
		await Promise.all(runs);
		expect(order).toEqual([0, 1, 2, 3, 4]);
	});
});

describe("ByteBudget", () => {
	it("keeps the bytes held at once within its capacity, first come first served", async () => {
		const budget = new ByteBudget(100);
		let held = 0;
		let most = 0;
		const gates = Array.from({ length: 6 }, deferred);
		const order: number[] = [];
		const runs = [40, 40, 40, 10, 90, 30].map((bytes, i) =>
			budget.run(bytes, async () => {
				held += bytes;
				most = Math.max(most, held);
				order.push(i);
				await gates[i]!.promise;
				held -= bytes;
			}),
		);
		await ticks();
		// The third 40 does not fit; the 10 behind it waits its turn rather than overtaking.
		expect(order).toEqual([0, 1]);
		expect(budget.inUse).toBe(80);
		gates[0]!.resolve();
		await ticks(20);
		expect(order).toEqual([0, 1, 2, 3]);
		for (const gate of gates) gate.resolve();
		await Promise.all(runs);
		expect(most).toBeLessThanOrEqual(100);
		expect(order).toEqual([0, 1, 2, 3, 4, 5]);
		expect(budget.inUse).toBe(0);
	});

	it("runs a piece larger than the whole budget alone", async () => {
		const budget = new ByteBudget(10);
		const gate = deferred();
		let otherRan = false;
		const big = budget.run(50, () => gate.promise);
		const small = budget.run(1, async () => {
			otherRan = true;
		});
		await ticks(20);
		expect(otherRan).toBe(false);
		gate.resolve();
		await Promise.all([big, small]);
		expect(otherRan).toBe(true);
	});

	it("takes bytes at once only when they fit and nobody waits; a give-back counts once", async () => {
		const budget = new ByteBudget(10);
		const giveBack = budget.tryTake(6);
		expect(giveBack).toBeDefined();
		expect(budget.tryTake(5)).toBeUndefined();
		const gate = deferred();
		const waiting = budget.run(5, () => gate.promise);
		await ticks();
		// Room for 4 is left, but a waiter is first in line.
		expect(budget.tryTake(1)).toBeUndefined();
		giveBack!();
		giveBack!();
		await ticks();
		expect(budget.inUse).toBe(5);
		gate.resolve();
		await waiting;
		expect(budget.inUse).toBe(0);
	});

	it("gives the bytes back when the work fails", async () => {
		const budget = new ByteBudget(10);
		await expect(budget.run(10, () => Promise.reject(new Error("upload failed")))).rejects.toThrow();
		expect(budget.inUse).toBe(0);
		await budget.run(10, async () => undefined);
	});
});
