import { describe, expect, it } from "vitest";
import { KeyedMutex } from "../../src/util/keyedMutex.js";

describe("KeyedMutex", () => {
	it("serialises a read-modify-write per key so no update is lost", async () => {
		const mutex = new KeyedMutex();
		let value = 0;
		await Promise.all(
			Array.from({ length: 100 }, () =>
				mutex.run("k", async () => {
					const read = value;
					await new Promise((resolve) => setImmediate(resolve));
					value = read + 1;
				}),
			),
		);
		expect(value).toBe(100);
		expect(mutex.size).toBe(0);
	});

	it("keeps going after a failure and does not block other keys", async () => {
		const mutex = new KeyedMutex();
		const order: string[] = [];
		const failing = mutex.run("a", async () => {
			throw new Error("boom");
		});
		const after = mutex.run("a", async () => order.push("a2"));
		const other = mutex.run("b", async () => order.push("b"));
		await expect(failing).rejects.toThrow("boom");
		await Promise.all([after, other]);
		expect(order.sort()).toEqual(["a2", "b"]);
	});
});
