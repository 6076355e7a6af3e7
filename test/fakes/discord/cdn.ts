import type { IncomingMessage, ServerResponse } from "node:http";
import type { Store } from "./state.js";

function parseRange(header: string, size: number): { start: number; end: number } | "invalid" | undefined {
	const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!match) return undefined;
	const [, from = "", to = ""] = match;
	if (from === "" && to === "") return "invalid";
	let start: number;
	let end: number;
	if (from === "") {
		start = Math.max(0, size - Number(to));
		end = size - 1;
	} else {
		start = Number(from);
		end = to === "" ? size - 1 : Math.min(Number(to), size - 1);
	}
	return start > end || start >= size ? "invalid" : { start, end };
}

/**
 * Serves uploaded bytes at /cdn/<folder…>/<id>/<filename> (and /media/… for proxy_url). Query
 * strings (Discord's signed ex/is/hm) are ignored. Honours single `Range: bytes=a-b` requests. A
 * file stored with `stalls` is never answered.
 */
export function serveCdn(store: Store, req: IncomingMessage, res: ServerResponse, path: string): void {
	const parts = path.split("/");
	const filename = decodeURIComponent(parts.at(-1) ?? "");
	const file = store.files.get(parts.at(-2) ?? "");
	if ((req.method !== "GET" && req.method !== "HEAD") || !file || file.filename !== filename) {
		res.writeHead(404, { "content-type": "text/plain" }).end("Not Found");
		return;
	}
	// Left open on purpose: the server's close ends the connection.
	if (file.stalls) return;
	const size = file.data.length;
	const headers: Record<string, string | number> = {
		"content-type": file.contentType,
		"accept-ranges": "bytes",
		"cache-control": "public, max-age=31536000",
	};
	const range = req.headers.range ? parseRange(req.headers.range, size) : undefined;
	if (range === "invalid") {
		res.writeHead(416, { ...headers, "content-range": `bytes */${size}` }).end();
		return;
	}
	const body = range ? file.data.subarray(range.start, range.end + 1) : file.data;
	if (range) headers["content-range"] = `bytes ${range.start}-${range.end}/${size}`;
	headers["content-length"] = body.length;
	res.writeHead(range ? 206 : 200, headers);
	res.end(req.method === "HEAD" ? undefined : body);
}
