import type { Dispatcher } from "undici";
import type { ReadFrame } from "../providers/types.js";
import { MAX_FRAME_BYTES } from "../requests/validateGenerate.js";
import { downloadUpTo } from "./download.js";
import { detectImageType } from "./imageType.js";

const MEDIA_TYPES = { png: "image/png", jpeg: "image/jpeg", webp: "image/webp" } as const;

/**
 * Reads an attached frame's bytes for providers that take images inline or as file parts; the
 * content type comes from the bytes, as in the request checks.
 */
export function frameReader(options: { dispatcher?: Dispatcher; timeoutMs: number }): ReadFrame {
	return async (url) => {
		const data = await downloadUpTo(url, MAX_FRAME_BYTES, options);
		if (!data) throw new Error(`frame is larger than ${MAX_FRAME_BYTES} bytes`);
		const type = detectImageType(data);
		if (!type) throw new Error("frame is not a PNG, JPEG or WebP image");
		return { data, contentType: MEDIA_TYPES[type] };
	};
}
