/** Bytes the fake serves as its "CDN" files. */

/** An MP4 that starts with a real `ftyp` box followed by one zero-filled `mdat` box. */
export function mp4Bytes(size: number): Buffer {
	const total = Math.max(Math.floor(size), 40);
	const buffer = Buffer.alloc(total);
	buffer.writeUInt32BE(32, 0);
	buffer.write("ftyp", 4, "latin1");
	buffer.write("isom", 8, "latin1");
	buffer.writeUInt32BE(0x200, 12);
	buffer.write("isomiso2avc1mp41", 16, "latin1");
	buffer.writeUInt32BE(total - 32, 32);
	buffer.write("mdat", 36, "latin1");
	return buffer;
}

/**
 * A valid 8x8 grey baseline JPEG: quantisation table of ones, one-code Huffman tables and a
 * single block whose DC difference and AC run are both zero (bits `00`, padded with ones).
 */
export const JPEG_BYTES: Buffer = Buffer.from(
	[
		[0xff, 0xd8],
		[
			0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
			0x00,
		],
		[0xff, 0xdb, 0x00, 0x43, 0x00, ...new Array<number>(64).fill(1)],
		[0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00],
		[0xff, 0xc4, 0x00, 0x14, 0x00, 0x01, ...new Array<number>(15).fill(0), 0x00],
		[0xff, 0xc4, 0x00, 0x14, 0x10, 0x01, ...new Array<number>(15).fill(0), 0x00],
		[0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00],
		[0x3f],
		[0xff, 0xd9],
	].flat(),
);
