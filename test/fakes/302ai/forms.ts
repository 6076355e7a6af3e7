import type { FakeSubmission } from "../common/fakeProvider.js";
import type { IncomingCall } from "../common/base.js";

/**
 * Checks a Submit or Extend form against 302's documents (providers.md §2.2, §2.3): multipart,
 * `user_prompt` required and English, `loop` as "true"/"false" (Submit only), and frames as a
 * file part (what 302's own plugin sends [C]) or a URL string (the current doc [C]).
 * Returns what is wrong, or undefined.
 */
export function formProblem(call: IncomingCall, kind: "submit" | "extend"): string | undefined {
	if (!call.form) return "the body must be multipart/form-data";
	if ([...call.query.keys()].length > 0)
		return `undocumented query parameters: ${[...call.query.keys()].join(", ")}`;
	const { fields, files } = call.form;
	const textFields =
		kind === "submit"
			? ["user_prompt", "loop", "image_url", "image_end_url"]
			: ["user_prompt", "image_url", "image_end_url"];
	for (const name of Object.keys(fields)) {
		if (!textFields.includes(name)) return `undocumented field ${name}`;
	}
	for (const file of files) {
		if (file.field !== "image_url" && file.field !== "image_end_url")
			return `undocumented file field ${file.field}`;
		if (file.field in fields) return `${file.field} sent both as a file and as text`;
		if (!file.contentType?.startsWith("image/"))
			return `${file.field}: not an image (${file.contentType ?? "no type"})`;
		if (file.data.length === 0) return `${file.field}: empty file`;
		if (!file.filename) return `${file.field}: file part without a filename`;
	}
	if (
		files.filter((f) => f.field === "image_url").length > 1 ||
		files.filter((f) => f.field === "image_end_url").length > 1
	) {
		return "a frame field sent twice";
	}
	const prompt = fields.user_prompt;
	if (typeof prompt !== "string" || prompt.trim().length === 0) return "user_prompt is required";
	if (/\p{Script=Han}/u.test(prompt)) return "user_prompt: Chinese input is not supported";
	if ("loop" in fields && fields.loop !== "true" && fields.loop !== "false")
		return `loop must be "true" or "false"`;
	for (const name of ["image_url", "image_end_url"]) {
		const value = fields[name];
		if (value !== undefined && !(typeof value === "string" && /^https?:\/\/\S+$/.test(value)))
			return `${name} is not a URL`;
	}
	if (kind === "extend" && hasFrame(call.form, "image_end_url") && !sameFrame(call.form)) {
		// The Extend doc: an end frame must be identical to the first frame or the call errors.
		return "image_end_url on extend must be identical to image_url";
	}
	return undefined;
}

type Form = Pick<FakeSubmission, "fields" | "files">;

function hasFrame(form: Form, field: string): boolean {
	return field in form.fields || form.files.some((f) => f.field === field);
}

function sameFrame(form: Form): boolean {
	const text = (field: string) => form.fields[field];
	const file = (field: string) => form.files.find((f) => f.field === field)?.data;
	if (text("image_end_url") !== undefined) return text("image_end_url") === text("image_url");
	const start = file("image_url");
	const end = file("image_end_url");
	return start !== undefined && end !== undefined && start.equals(end);
}
