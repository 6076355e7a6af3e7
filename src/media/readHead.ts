import { type Dispatcher, request } from "undici";

/**
 * Reads the first `bytes` bytes of a URL, asking for just that range and stopping as soon as
 * they have arrived, so checking a 10 MB frame costs one small read.
 */
export async function readHead(
	url: string,
	bytes: number,
	options: { dispatcher?: Dispatcher; timeoutMs: number },
): Promise<Uint8Array> {
	const controller = new AbortController();
	const timer = setTimeout(
		() => controller.abort(new Error("timed out reading the file")),
		options.timeoutMs,
	);
	try {
		const response = await request(url, {
			method: "GET",
			headers: { range: `bytes=0-${bytes - 1}` },
			signal: controller.signal,
			...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
		});
		if (response.statusCode >= 400) {
			await response.body.dump();
			throw new Error(`reading the file answered HTTP ${response.statusCode}`);
		}
		const chunks: Buffer[] = [];
		let length = 0;
		for await (const chunk of response.body) {
			chunks.push(chunk as Buffer);
			length += (chunk as Buffer).length;
			if (length >= bytes) break;
		}
		if (length >= bytes) controller.abort();
		return Buffer.concat(chunks).subarray(0, bytes);
	} finally {
		clearTimeout(timer);
	}
}
