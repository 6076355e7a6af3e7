/** Image formats a frame may have, recognised by their first bytes rather than by name or header. */
export type ImageType = "png" | "jpeg" | "webp";

export const IMAGE_SNIFF_BYTES = 12;

export function detectImageType(head: Uint8Array): ImageType | undefined {
	const at = (index: number) => head[index];
	if (at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) return "png";
	if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return "jpeg";
	const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
	if (head.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
	return undefined;
}
