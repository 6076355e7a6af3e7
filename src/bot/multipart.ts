import { randomBytes } from "node:crypto";
import type { RawFile, RequestData } from "@discordjs/rest";

/** A field value or file name in a part's header, escaped as browsers and undici write them. */
const escaped = (value: string) => value.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

function bytesOf(data: RawFile["data"]): Buffer {
	if (Buffer.isBuffer(data)) return data;
	if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
	return Buffer.from(String(data), "utf8");
}

/**
 * A message with files as one multipart/form-data buffer, as Discord takes uploads: `payload_json`
 * and `files[n]`. @discordjs/rest would build a FormData of Blobs, which undici then reads through
 * web streams in small chunks; when a burst of videos is delivered, that took more CPU than the
 * rest of the delivery and held each file several times over. One buffer is copied once, written
 * as it is, and sent again as it is when the request is retried.
 */
export function multipartBody(
	payload: unknown,
	files: readonly RawFile[],
): { body: Buffer; contentType: string } {
	const boundary = `----luma-studio-${randomBytes(12).toString("hex")}`;
	const parts: Buffer[] = [
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="payload_json"\r\n` +
				`Content-Type: application/json\r\n\r\n${JSON.stringify(payload)}\r\n`,
		),
	];
	for (const [index, file] of files.entries()) {
		parts.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${escaped(file.key ?? `files[${index}]`)}"; ` +
					`filename="${escaped(file.name)}"\r\n` +
					`Content-Type: ${file.contentType ?? "application/octet-stream"}\r\n\r\n`,
			),
			bytesOf(file.data),
			Buffer.from("\r\n"),
		);
	}
	parts.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A request's body: JSON as usual, or with files the one multipart buffer above. */
export function messageBody(
	payload: unknown,
	files: readonly RawFile[] | undefined,
): Pick<RequestData, "body" | "passThroughBody" | "headers"> {
	if (!files?.length) return { body: payload };
	const { body, contentType } = multipartBody(payload, files);
	return { body, passThroughBody: true, headers: { "Content-Type": contentType } };
}
