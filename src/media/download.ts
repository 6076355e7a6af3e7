import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { type Dispatcher, request } from "undici";

/**
 * Downloads a file if it is at most `maxBytes`; gives up (returns undefined) as soon as the
 * announced or received size passes the limit, so an oversized video costs little to find out.
 */
export async function downloadUpTo(
	url: string,
	maxBytes: number,
	options: { dispatcher?: Dispatcher; timeoutMs: number },
): Promise<Buffer | undefined> {
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(new Error("download timed out")), options.timeoutMs);
	try {
		const response = await request(url, {
			signal: controller.signal,
			...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
		});
		if (response.statusCode >= 400) {
			await response.body.dump();
			throw new Error(`download answered HTTP ${response.statusCode}`);
		}
		const announced = Number(response.headers["content-length"]);
		if (Number.isFinite(announced) && announced > maxBytes) {
			controller.abort();
			return undefined;
		}
		const chunks: Buffer[] = [];
		let length = 0;
		for await (const chunk of response.body) {
			length += (chunk as Buffer).length;
			if (length > maxBytes) {
				controller.abort();
				return undefined;
			}
			chunks.push(chunk as Buffer);
		}
		return Buffer.concat(chunks);
	} finally {
		clearTimeout(timer);
	}
}

/** A downloaded file on disk; `remove` deletes it (call it once the upload is done). */
export interface SpooledFile {
	path: string;
	size: number;
	remove(): Promise<void>;
}

/**
 * Like `downloadUpTo`, but streams the file to a new file in `dir` instead of memory, so many
 * downloads at once cost disk, not heap: a video is read into memory only for its upload.
 * Returns undefined when the file is over `maxBytes` (nothing is left on disk then).
 */
export async function downloadToFile(
	url: string,
	maxBytes: number,
	options: { dispatcher?: Dispatcher; timeoutMs: number; dir: string },
): Promise<SpooledFile | undefined> {
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(new Error("download timed out")), options.timeoutMs);
	const path = join(options.dir, `${randomUUID()}.part`);
	const remove = () => rm(path, { force: true });
	try {
		const response = await request(url, {
			signal: controller.signal,
			...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
		});
		if (response.statusCode >= 400) {
			await response.body.dump();
			throw new Error(`download answered HTTP ${response.statusCode}`);
		}
		const announced = Number(response.headers["content-length"]);
		if (Number.isFinite(announced) && announced > maxBytes) {
			controller.abort();
			return undefined;
		}
		let size = 0;
		let over = false;
		const capped = async function* (source: AsyncIterable<Buffer>) {
			for await (const chunk of source) {
				size += chunk.length;
				if (size > maxBytes) {
					over = true;
					return;
				}
				yield chunk;
			}
		};
		await pipeline(response.body, capped, createWriteStream(path));
		if (over) {
			controller.abort();
			await remove();
			return undefined;
		}
		return { path, size, remove };
	} catch (error) {
		await remove();
		throw error;
	} finally {
		clearTimeout(timer);
	}
}
