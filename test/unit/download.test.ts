import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { downloadVideo } from "../../src/media/download.js";

let server: Server;
let base: string;
let dir: string;
const BODY = Buffer.alloc(256 * 1024, 7);

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), "luma-download-test-"));
	server = createServer((req, res) => {
		if (req.url === "/video.mp4") {
			res.writeHead(200, { "content-type": "video/mp4", "content-length": BODY.length });
			res.end(BODY);
		} else if (req.url === "/chunked.mp4") {
			// No length announced: the cap has to hold while the bytes arrive.
			res.writeHead(200, { "content-type": "video/mp4" });
			for (let i = 0; i < 8; i++) res.write(BODY.subarray(0, 32 * 1024));
			res.end();
		} else if (req.url === "/missing.mp4") {
			res.writeHead(404).end("not here");
		} else if (req.url === "/moved.mp4") {
			res.writeHead(302, { location: "/video.mp4", "content-type": "text/html" }).end("<a>moved</a>");
		} else if (req.url === "/elsewhere.mp4") {
			res.writeHead(302, { location: "http://127.0.0.2:9/video.mp4", "content-type": "text/html" });
			res.end("<a>moved</a>");
		} else if (req.url === "/silent.mp4") {
			// Takes the request and never answers.
		} else {
			res.writeHead(200, { "content-type": "video/mp4", "content-length": BODY.length });
			res.write(BODY.subarray(0, 1024)); // and then nothing more
		}
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
	rmSync(dir, { recursive: true, force: true });
});

const inMemory = (granted: number[]) => (bytes: number) => {
	granted.push(bytes);
	return () => void granted.push(-bytes);
};
const onDisk = () => undefined;

describe("downloadVideo", () => {
	it("reads an announced file into memory when the budget grants it, and gives the memory back", async () => {
		const granted: number[] = [];
		const video = await downloadVideo(`${base}/video.mp4`, BODY.length, {
			timeoutMs: 5000,
			dir,
			holdInMemory: inMemory(granted),
		});
		expect(video).toMatchObject({ size: BODY.length, inMemory: true });
		expect((await video!.read()).equals(BODY)).toBe(true);
		expect(readdirSync(dir)).toEqual([]);
		await video!.dispose();
		expect(granted).toEqual([BODY.length, -BODY.length]);
	});

	it("streams to disk when the budget has no room or no length is announced, and removes the file", async () => {
		for (const [path, hold] of [
			["/video.mp4", onDisk],
			["/chunked.mp4", inMemory([])],
		] as const) {
			const video = await downloadVideo(`${base}${path}`, BODY.length, {
				timeoutMs: 5000,
				dir,
				holdInMemory: hold,
			});
			expect(video?.inMemory).toBe(false);
			expect(readdirSync(dir)).toHaveLength(1);
			expect((await video!.read()).length).toBe(video!.size);
			await video!.dispose();
			expect(readdirSync(dir)).toEqual([]);
		}
	});

	it("gives up on a file over the limit, announced or not, keeping nothing", async () => {
		const granted: number[] = [];
		const options = { timeoutMs: 5000, dir, holdInMemory: inMemory(granted) };
		expect(await downloadVideo(`${base}/video.mp4`, BODY.length - 1, options)).toBeUndefined();
		expect(await downloadVideo(`${base}/chunked.mp4`, 100 * 1024, options)).toBeUndefined();
		expect(readdirSync(dir)).toEqual([]);
		expect(granted).toEqual([]);
	});

	it("fails on an error status and on a server that stops sending, keeping nothing", async () => {
		const granted: number[] = [];
		const options = { dir, holdInMemory: inMemory(granted) };
		await expect(
			downloadVideo(`${base}/missing.mp4`, BODY.length, { ...options, timeoutMs: 5000 }),
		).rejects.toThrow(/404/);
		await expect(
			downloadVideo(`${base}/stalled.mp4`, BODY.length, { ...options, timeoutMs: 300 }),
		).rejects.toThrow();
		expect(readdirSync(dir)).toEqual([]);
		expect(granted.reduce((a, b) => a + b, 0)).toBe(0);
	});

	it("abandons a download that goes quiet, before its whole-file deadline", async () => {
		const options = { dir, holdInMemory: onDisk, timeoutMs: 60_000, stallMs: 200 };
		await expect(downloadVideo(`${base}/stalled.mp4`, BODY.length, options)).rejects.toThrow(/stalled/);
		await expect(downloadVideo(`${base}/silent.mp4`, BODY.length, options)).rejects.toThrow(/stalled/);
		expect(readdirSync(dir)).toEqual([]);
	});

	it("follows a redirect within the file's host, and never one to another host or its page", async () => {
		const options = { dir, holdInMemory: onDisk, timeoutMs: 5000 };
		const video = await downloadVideo(`${base}/moved.mp4`, BODY.length, options);
		expect((await video!.read()).equals(BODY)).toBe(true);
		await video!.dispose();
		await expect(downloadVideo(`${base}/elsewhere.mp4`, BODY.length, options)).rejects.toThrow(/302/);
		expect(readdirSync(dir)).toEqual([]);
	});
});
