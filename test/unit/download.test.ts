import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { downloadToFile } from "../../src/media/download.js";

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
		} else {
			res.writeHead(200, { "content-type": "video/mp4" });
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

describe("downloadToFile", () => {
	it("streams the file to disk and removes it when asked", async () => {
		const file = await downloadToFile(`${base}/video.mp4`, BODY.length, { timeoutMs: 5000, dir });
		expect(file?.size).toBe(BODY.length);
		expect(readFileSync(file!.path).equals(BODY)).toBe(true);
		await file!.remove();
		expect(existsSync(file!.path)).toBe(false);
	});

	it("gives up on a file over the limit, whether its length is announced or not, leaving nothing behind", async () => {
		expect(
			await downloadToFile(`${base}/video.mp4`, BODY.length - 1, { timeoutMs: 5000, dir }),
		).toBeUndefined();
		expect(await downloadToFile(`${base}/chunked.mp4`, 100 * 1024, { timeoutMs: 5000, dir })).toBeUndefined();
		expect(readdirSync(dir)).toEqual([]);
	});

	it("fails on an error status and on a server that stops sending, leaving nothing behind", async () => {
		await expect(
			downloadToFile(`${base}/missing.mp4`, BODY.length, { timeoutMs: 5000, dir }),
		).rejects.toThrow(/404/);
		await expect(
			downloadToFile(`${base}/stalled.mp4`, BODY.length, { timeoutMs: 300, dir }),
		).rejects.toThrow();
		expect(readdirSync(dir)).toEqual([]);
	});
});
