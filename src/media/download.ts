import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { type Dispatcher, request } from "undici";

/** Redirects followed, within the file's own host, before a download gives up. */
const MAX_REDIRECTS = 3;
/** A download that sends nothing (no headers, no next chunk) for this long is abandoned. */
export const STALL_MS = 15_000;

/**
 * Watches a download's progress: `touch()` after each sign of life; with none for `stallMs` the
 * download is aborted. A whole-file deadline alone would let one silent file server hold a
 * download slot for minutes.
 */
function stallGuard(controller: AbortController, stallMs: number) {
	let timer: NodeJS.Timeout | undefined;
	const touch = () => {
		clearTimeout(timer);
		timer = setTimeout(() => controller.abort(new Error("download stalled")), stallMs);
		timer.unref();
	};
	touch();
	return { touch, stop: () => clearTimeout(timer) };
}

/**
 * The file's server answered that it will not give the file (a 4xx other than 429, or a redirect
 * the bot may not follow): asking again will not help. Any other failure (a stall, a timeout, a
 * reset, a 5xx or 429) may pass.
 */
export class DownloadRefused extends Error {}

/**
 * Starts a download: the answer's headers, or undefined when the announced length is over
 * `maxBytes` (the request is aborted then). An error status is an error. Redirects are followed
 * only within the file's own host: a page on another host is never taken for the video.
 */
async function openDownload(
	url: string,
	maxBytes: number,
	options: { dispatcher?: Dispatcher | undefined },
	controller: AbortController,
): Promise<{ body: AsyncIterable<Buffer>; announced: number } | undefined> {
	let target = new URL(url);
	for (let hop = 0; ; hop++) {
		const response = await request(target, {
			signal: controller.signal,
			...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
		});
		if (response.statusCode >= 300 && response.statusCode < 400) {
			await response.body.dump();
			const location = response.headers.location;
			const next = typeof location === "string" ? new URL(location, target) : undefined;
			if (!next || next.host !== target.host || hop >= MAX_REDIRECTS)
				throw new DownloadRefused(
					`download answered HTTP ${response.statusCode} to a place it may not follow`,
				);
			target = next;
			continue;
		}
		if (response.statusCode >= 400 || response.statusCode < 200) {
			await response.body.dump();
			const status = response.statusCode;
			const message = `download answered HTTP ${status}`;
			throw status >= 400 && status < 500 && status !== 429
				? new DownloadRefused(message)
				: new Error(message);
		}
		const announced = Number(response.headers["content-length"]);
		if (Number.isFinite(announced) && announced > maxBytes) {
			controller.abort();
			return undefined;
		}
		return { body: response.body as AsyncIterable<Buffer>, announced };
	}
}

/** `body`'s chunks, telling `touch` of each. */
async function* watched(body: AsyncIterable<Buffer>, touch: () => void): AsyncIterable<Buffer> {
	for await (const chunk of body) {
		touch();
		yield chunk;
	}
}

/**
 * Downloads a file if it is at most `maxBytes`; gives up (returns undefined) as soon as the
 * announced or received size passes the limit, so an oversized video costs little to find out.
 */
export async function downloadUpTo(
	url: string,
	maxBytes: number,
	options: { dispatcher?: Dispatcher; timeoutMs: number; stallMs?: number },
): Promise<Buffer | undefined> {
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(new Error("download timed out")), options.timeoutMs);
	const stall = stallGuard(controller, options.stallMs ?? STALL_MS);
	try {
		const response = await openDownload(url, maxBytes, options, controller);
		if (!response) return undefined;
		stall.touch();
		const chunks: Buffer[] = [];
		let length = 0;
		for await (const chunk of watched(response.body, stall.touch)) {
			length += chunk.length;
			if (length > maxBytes) {
				controller.abort();
				return undefined;
			}
			chunks.push(chunk);
		}
		return Buffer.concat(chunks);
	} finally {
		clearTimeout(timer);
		stall.stop();
	}
}

/** A downloaded video: in memory or in a file, read back for its upload, then disposed of. */
export interface DownloadedVideo {
	size: number;
	inMemory: boolean;
	read(): Promise<Buffer>;
	/** Deletes the file or gives the memory back; call it once the upload is done. */
	dispose(): Promise<void>;
}

/**
 * Downloads a video of at most `maxBytes`, or returns undefined when it is larger (nothing is
 * kept then). A video whose announced length `holdInMemory` grants memory for is read into one
 * buffer: the quickest way for the many small files of a burst. Any other streams to a new file
 * in `dir`, so large or unannounced files cost disk, not heap, however many arrive at once.
 */
export async function downloadVideo(
	url: string,
	maxBytes: number,
	options: {
		dispatcher?: Dispatcher;
		timeoutMs: number;
		/** No progress for this long abandons the download (default STALL_MS). */
		stallMs?: number;
		dir: string;
		/** Takes `bytes` of the memory budget and returns what gives them back, or undefined. */
		holdInMemory: (bytes: number) => (() => void) | undefined;
	},
): Promise<DownloadedVideo | undefined> {
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(new Error("download timed out")), options.timeoutMs);
	const path = join(options.dir, `${randomUUID()}.part`);
	const stall = stallGuard(controller, options.stallMs ?? STALL_MS);
	let giveBack: (() => void) | undefined;
	try {
		const response = await openDownload(url, maxBytes, options, controller);
		if (!response) return undefined;
		stall.touch();
		const body = watched(response.body, stall.touch);
		const { announced } = response;
		giveBack = Number.isFinite(announced) ? options.holdInMemory(announced) : undefined;
		if (giveBack) {
			const data = Buffer.allocUnsafe(announced);
			let size = 0;
			for await (const chunk of body) {
				if (size + chunk.length > announced) throw new Error("download sent more than it announced");
				chunk.copy(data, size);
				size += chunk.length;
			}
			const kept = data.subarray(0, size);
			const release = giveBack;
			giveBack = undefined;
			return { size, inMemory: true, read: async () => kept, dispose: async () => release() };
		}
		const size = await streamToFile(body, path, maxBytes);
		if (size === undefined) {
			controller.abort();
			await rm(path, { force: true });
			return undefined;
		}
		return {
			size,
			inMemory: false,
			read: () => readFile(path),
			dispose: () => rm(path, { force: true }),
		};
	} catch (error) {
		await rm(path, { force: true });
		throw error;
	} finally {
		giveBack?.();
		clearTimeout(timer);
		stall.stop();
	}
}

/** Writes `body` to `path`; the bytes written, or undefined once more than `maxBytes` arrived. */
async function streamToFile(body: AsyncIterable<Buffer>, path: string, maxBytes: number) {
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
	await pipeline(body, capped, createWriteStream(path));
	return over ? undefined : size;
}
