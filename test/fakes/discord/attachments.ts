import { fileIndex } from "./multipart.js";
import { errors, formError } from "./router.js";
import type { Store } from "./state.js";
import type { RecordedFile, StoredAttachment } from "./types.js";

export const DEFAULT_UPLOAD_LIMIT = 10 * 1024 * 1024;

const TYPES: Record<string, string> = {
	png: "image/png",
	jpg: "image/jpeg",
	jpeg: "image/jpeg",
	gif: "image/gif",
	webp: "image/webp",
	mp4: "video/mp4",
	webm: "video/webm",
	mov: "video/quicktime",
	mp3: "audio/mpeg",
	txt: "text/plain; charset=utf-8",
	json: "application/json; charset=utf-8",
};

function guessType(filename: string, declared?: string): string {
	if (declared && declared !== "application/octet-stream") return declared;
	const ext = filename.split(".").pop()?.toLowerCase() ?? "";
	return TYPES[ext] ?? declared ?? "application/octet-stream";
}

/** PNG and GIF headers carry the size; other formats are left without width/height. */
function imageSize(data: Buffer): { width: number; height: number } | undefined {
	if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47) {
		return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
	}
	if (data.length >= 10 && data.toString("latin1", 0, 4) === "GIF8") {
		return { width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
	}
	return undefined;
}

/** Puts bytes on the fake CDN and returns the attachment object Discord would give out. */
export function storeFile(
	store: Store,
	origin: string,
	folder: string,
	input: { filename: string; data: Buffer; contentType?: string; description?: string; stalls?: boolean },
): StoredAttachment {
	const id = store.snowflakes.next();
	const contentType = guessType(input.filename, input.contentType);
	store.files.set(id, {
		id,
		filename: input.filename,
		contentType,
		data: input.data,
		...(input.stalls && { stalls: true }),
	});
	const url = `${origin}/cdn/${folder}/${id}/${encodeURIComponent(input.filename)}`;
	const attachment: StoredAttachment = {
		id,
		filename: input.filename,
		size: input.data.length,
		url,
		proxy_url: url.replace("/cdn/", "/media/"),
		content_type: contentType,
	};
	if (input.description) attachment.description = input.description;
	const size = contentType.startsWith("image/") ? imageSize(input.data) : undefined;
	if (size) Object.assign(attachment, size);
	return attachment;
}

export function checkFileSizes(files: RecordedFile[], limit: number): void {
	if (files.some((file) => file.data.length > limit)) throw errors.tooLarge();
}

/**
 * Applies `attachments[]` the way API v10 does: listed ids of existing attachments are kept, ids
 * "n" refer to the multipart part files[n]. Without the array, existing ones stay and all uploads
 * are added.
 */
export function resolveAttachments(
	store: Store,
	origin: string,
	channelId: string,
	existing: StoredAttachment[],
	requested: unknown,
	files: RecordedFile[],
): StoredAttachment[] {
	const byIndex = new Map<string, RecordedFile>();
	files.forEach((file, position) => {
		byIndex.set(fileIndex(file.field) ?? String(position), file);
	});
	const used = new Set<RecordedFile>();
	const upload = (file: RecordedFile, filename?: unknown, description?: unknown) => {
		used.add(file);
		return storeFile(store, origin, `attachments/${channelId}`, {
			filename: typeof filename === "string" && filename ? filename : file.name || "unknown",
			data: file.data,
			contentType: file.contentType,
			description: typeof description === "string" ? description : undefined,
		});
	};
	const result: StoredAttachment[] = [];
	if (Array.isArray(requested)) {
		requested.forEach((raw, i) => {
			const entry = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
			const id = String(entry.id);
			const kept = existing.find((a) => a.id === id);
			const file = byIndex.get(id);
			if (kept) {
				result.push(
					typeof entry.description === "string" ? { ...kept, description: entry.description } : kept,
				);
			} else if (file && !used.has(file)) {
				result.push(upload(file, entry.filename, entry.description));
			} else {
				throw errors.invalidForm(
					formError(["attachments", i, "id"], "ATTACHMENT_NOT_FOUND", "Unknown attachment"),
				);
			}
		});
	} else if (requested === undefined) {
		result.push(...existing);
	}
	for (const file of files) if (!used.has(file)) result.push(upload(file));
	return result;
}
