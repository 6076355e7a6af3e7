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
