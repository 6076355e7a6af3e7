import { type Dispatcher, request } from "undici";

/** The first bytes of a file and, when the server said, the whole file's size. */
export interface FileHead {
	head: Uint8Array;
	size?: number;
}

/** The whole file's size from a ranged answer (`Content-Range: bytes 0-11/4096`) or a whole one. */
function sizeOf(
	statusCode: number,
	headers: Record<string, string | string[] | undefined>,
): number | undefined {
	const header = (name: string) => {
		const value = headers[name];
		return Array.isArray(value) ? value[0] : value;
	};
	const total =
		statusCode === 206
			? /\/(\d+)\s*$/.exec(header("content-range") ?? "")?.[1]
			: /^\s*(\d+)\s*$/.exec(header("content-length") ?? "")?.[1];
	const size = total === undefined ? undefined : Number(total);
	return size !== undefined && Number.isSafeInteger(size) ? size : undefined;
}

/**
 * Reads the first `bytes` bytes of a URL, asking for just that range and stopping as soon as
 * they have arrived, so checking a 10 MB frame costs one small read. The size comes from the
 * server's answer, so a file is measured by what it is, not by what its attachment says.
 */
export async function readHead(
	url: string,
	bytes: number,
	options: { dispatcher?: Dispatcher; timeoutMs: number },
): Promise<FileHead> {
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
		const size = sizeOf(response.statusCode, response.headers);
		const chunks: Buffer[] = [];
		let length = 0;
		for await (const chunk of response.body) {
			chunks.push(chunk as Buffer);
			length += (chunk as Buffer).length;
			if (length >= bytes) break;
		}
		if (length >= bytes) controller.abort();
		const head = Buffer.concat(chunks).subarray(0, bytes);
		return size === undefined ? { head } : { head, size };
	} finally {
		clearTimeout(timer);
	}
}
