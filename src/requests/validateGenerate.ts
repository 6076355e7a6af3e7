import { UserError } from "../errors.js";
import type { Frame, Job } from "../jobs/job.js";
import { detectImageType, IMAGE_SNIFF_BYTES } from "../media/imageType.js";
import type { AspectRatio } from "../providers/types.js";

export const MAX_PROMPT_LENGTH = 2000;
export const MAX_FRAME_BYTES = 10 * 1024 * 1024;

export interface FrameInput {
	url: string;
	filename: string;
	contentType?: string | null;
	size: number;
}

export interface GenerateInput {
	prompt: string;
	aspectRatio?: AspectRatio;
	loop?: boolean;
	enhance?: boolean;
	model?: string;
	duration?: string;
	resolution?: string;
	startFrame?: FrameInput;
	endFrame?: FrameInput;
}

/**
 * Reads the first bytes of a file and, when its server says, the file's whole size; injected so
 * tests and the bot choose how.
 */
export type ReadHead = (url: string, bytes: number) => Promise<{ head: Uint8Array; size?: number }>;

/**
 * Characters that show nothing: controls, format characters (zero-width spaces and joiners, bidi
 * marks and isolates, the byte-order mark), separators, and the Hangul fillers. A prompt of only
 * these is as empty as a blank one and must not reach the provider.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\u115F\u1160\u3164\uFFA0]/gu;

export function checkPrompt(raw: string): string {
	const prompt = raw.trim();
	if (prompt.replace(INVISIBLE, "").length === 0) {
		throw new UserError("prompt_empty");
	}
	if (prompt.length > MAX_PROMPT_LENGTH) {
		throw new UserError("prompt_too_long", { length: prompt.length, max: MAX_PROMPT_LENGTH });
	}
	return prompt;
}

async function checkFrame(which: "start" | "end", frame: FrameInput, readHead: ReadHead): Promise<Frame> {
	const tooLarge = (size: number) =>
		new UserError("frame_too_large", { frame: which, size, max: MAX_FRAME_BYTES });
	if (frame.size > MAX_FRAME_BYTES) throw tooLarge(frame.size);
	let read: Awaited<ReturnType<ReadHead>>;
	try {
		read = await readHead(frame.url, IMAGE_SNIFF_BYTES);
	} catch {
		throw new UserError("frame_unreadable", { frame: which });
	}
	const { head } = read;
	// The file as served decides, whatever size its attachment claimed.
	if (read.size !== undefined && read.size > MAX_FRAME_BYTES) throw tooLarge(read.size);
	// The file's own bytes decide: a renamed file or a wrong Content-Type does not get through.
	if (!detectImageType(head)) {
		throw new UserError("frame_not_image", { frame: which, filename: frame.filename });
	}
	return {
		url: frame.url,
		filename: frame.filename,
		size: read.size ?? frame.size,
		...(frame.contentType ? { contentType: frame.contentType } : {}),
	};
}

/** Checks a `/luma generate` request; throws a `UserError` naming the rule it breaks. */
export async function validateGenerate(input: GenerateInput, readHead: ReadHead): Promise<Job["request"]> {
	const prompt = checkPrompt(input.prompt);
	const [startFrame, endFrame] = await Promise.all([
		input.startFrame && checkFrame("start", input.startFrame, readHead),
		input.endFrame && checkFrame("end", input.endFrame, readHead),
	]);
	return {
		prompt,
		...(input.aspectRatio !== undefined && { aspectRatio: input.aspectRatio }),
		...(input.loop !== undefined && { loop: input.loop }),
		...(input.enhance !== undefined && { enhance: input.enhance }),
		// Whether the provider offers these is the job engine's check (capabilities).
		...(input.model !== undefined && { model: input.model }),
		...(input.duration !== undefined && { duration: input.duration }),
		...(input.resolution !== undefined && { resolution: input.resolution }),
		...(startFrame && { startFrame }),
		...(endFrame && { endFrame }),
	};
}

export interface ExtendInput {
	/** What the user typed; empty means "reuse the clip's prompt". */
	prompt?: string | null;
	/** The prompt of the clip being extended, when it has one. */
	fallbackPrompt?: string;
	endFrame?: FrameInput;
}

/** Checks an extension request; an empty prompt falls back to the parent's. */
export async function validateExtend(input: ExtendInput, readHead: ReadHead): Promise<Job["request"]> {
	const typed = input.prompt?.trim();
	const raw = typed || input.fallbackPrompt;
	if (!raw?.trim()) {
		throw new UserError("extend_prompt_missing");
	}
	const prompt = checkPrompt(raw);
	const endFrame = input.endFrame && (await checkFrame("end", input.endFrame, readHead));
	return { prompt, ...(endFrame && { endFrame }) };
}
