import { ApiError } from "./router.js";
import type { RecordedFile } from "./types.js";

export interface ParsedBody {
	body: unknown;
	files: RecordedFile[];
	/** Media type without parameters, e.g. "multipart/form-data"; "" when there was no body. */
	mediaType: string;
}

const invalidJson = () => new ApiError(400, 50109, "The request body contains invalid JSON.");

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		throw invalidJson();
	}
}

/**
 * JSON or multipart/form-data (payload_json + files[n]), as discord.js sends them. Multipart is parsed
 * by undici's Response.formData(), which ships with Node, so no parser dependency is needed.
 */
export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
	const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
	if (raw.length === 0) return { body: undefined, files: [], mediaType: "" };
	if (mediaType === "multipart/form-data") return parseMultipart(raw, contentType ?? "");
	if (mediaType === "application/x-www-form-urlencoded") {
		return { body: Object.fromEntries(new URLSearchParams(raw.toString("utf8"))), files: [], mediaType };
	}
	// discord.js always labels JSON; anything else is treated as JSON too, as Discord does.
	return { body: parseJson(raw.toString("utf8")), files: [], mediaType: mediaType || "application/json" };
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
	let form: FormData;
	try {
		form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
	} catch {
		throw new ApiError(400, 50035, "Invalid Form Body");
	}
	const files: RecordedFile[] = [];
	const fields: Record<string, unknown> = {};
	let payload: unknown;
	for (const [field, value] of form.entries()) {
		if (typeof value === "string") {
			if (field === "payload_json") payload = parseJson(value);
			else fields[field] = value;
			continue;
		}
		files.push({
			field,
			name: value.name,
			contentType: value.type,
			data: Buffer.from(await value.arrayBuffer()),
		});
	}
	return { body: payload ?? fields, files, mediaType: "multipart/form-data" };
}

/** The n of a "files[n]" (or "file", "files[]") multipart field; undefined when none. */
export function fileIndex(field: string): string | undefined {
	return /^files?\[(\d+)\]$/.exec(field)?.[1];
}
