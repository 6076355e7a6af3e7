import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

/** The spec that sits next to the repository (…/shared/discord-api-spec/openapi.json). */
export const REPOSITORY_SPEC_PATH = fileURLToPath(
	new URL("../../../../shared/discord-api-spec/openapi.json", import.meta.url),
);

/**
 * Where the fakes look for the spec: `LUMA_OPENAPI_SPEC` when set (read by the test fakes only,
 * never by src/), else the file beside the repository. A fresh clone has neither, and the checks
 * are skipped: point the variable at a missing file to run the suite as such a clone would.
 */
export const DEFAULT_SPEC_PATH = process.env.LUMA_OPENAPI_SPEC || REPOSITORY_SPEC_PATH;

/** Whether the fakes will check request bodies against the spec by default. */
export const specAvailable = (path: string = DEFAULT_SPEC_PATH): boolean => existsSync(path);

const SPEC_ID = "https://fake-discord.invalid/openapi.json";
// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
	addFormatsModule) as unknown as (ajv: Ajv2020) => void;

type Json = Record<string, unknown>;

interface PathEntry {
	template: string;
	segments: (string | null)[];
	literals: number;
	item: Json;
}

export interface SpecResult {
	operation: string;
	template: string;
	errors: string[];
}

const escapePointer = (part: string) => part.replaceAll("~", "~0").replaceAll("/", "~1");

function describe(error: ErrorObject): string {
	const where = error.instancePath || "(body)";
	const params = error.params as Json;
	if (error.keyword === "enum") return `${where} must be one of ${JSON.stringify(params.allowedValues)}`;
	if (error.keyword === "additionalProperties")
		return `${where} has unexpected ${String(params.additionalProperty)}`;
	return `${where} ${error.message ?? error.keyword}`;
}

/**
 * Spec errors for things Discord accepts: the spec types permission bit sets
 * (`default_member_permissions`) as integers, while the API documents and takes decimal strings (and
 * @discordjs/builders sends strings); and it types snowflakes as strings only, while Discord takes
 * integers too (its own "Uploading Files" example sends `attachments: [{ "id": 0 }]`).
 */
const KNOWN_SPEC_QUIRKS: ((error: ErrorObject) => boolean)[] = [
	(e) =>
		/\/default_member_permissions$/.test(e.instancePath) &&
		e.keyword === "type" &&
		/^\d+$/.test(String(e.data)),
	(e) =>
		e.keyword === "type" &&
		(e.parentSchema as Json | undefined)?.format === "snowflake" &&
		Number.isSafeInteger(e.data) &&
		(e.data as number) >= 0,
];

/** Drops union bookkeeping ("must match exactly one schema", "must be null") when real causes exist. */
function meaningful(errors: ErrorObject[]): ErrorObject[] {
	const real = errors.filter((e) => !KNOWN_SPEC_QUIRKS.some((quirk) => quirk(e)));
	const deeper = (e: ErrorObject) =>
		real.some(
			(o) => o !== e && o.instancePath.startsWith(e.instancePath) && o.instancePath !== e.instancePath,
		);
	const filtered = real.filter(
		(e) =>
			!(e.keyword === "oneOf" || e.keyword === "anyOf") &&
			!(e.keyword === "type" && (e.params as Json).type === "null" && deeper(e)),
	);
	return filtered.length > 0 || real.length === 0 ? filtered : real;
}

/** Request-body validation against Discord's OpenAPI 3.1 document; validators compile lazily. */
export class SpecValidator {
	readonly #ajv: Ajv2020;
	readonly #spec: Json;
	readonly #bySegmentCount = new Map<number, PathEntry[]>();
	readonly #validators = new Map<string, ValidateFunction>();

	constructor(spec: Json) {
		this.#spec = spec;
		this.#ajv = new Ajv2020({
			strict: false,
			allErrors: true,
			validateSchema: false,
			logger: false,
			verbose: true,
		});
		addFormats(this.#ajv);
		this.#ajv.addFormat("snowflake", /^(0|[1-9][0-9]*)$/);
		this.#ajv.addFormat("nonce", () => true);
		// The whole document is one schema resource, so "#/components/schemas/X" refs resolve inside it.
		this.#ajv.addSchema({ ...spec, $id: SPEC_ID });
		for (const [template, item] of Object.entries((spec.paths ?? {}) as Record<string, Json>)) {
			const segments = template.split("/").map((s) => (s.startsWith("{") ? null : s));
			const entry = { template, segments, literals: segments.filter((s) => s !== null).length, item };
			const list = this.#bySegmentCount.get(segments.length) ?? [];
			list.push(entry);
			this.#bySegmentCount.set(segments.length, list);
		}
		for (const list of this.#bySegmentCount.values()) list.sort((a, b) => b.literals - a.literals);
	}

	/** The most specific template for a concrete path (literal segments such as @original win). */
	match(path: string): PathEntry | undefined {
		const parts = path.split("/");
		return this.#bySegmentCount
			.get(parts.length)
			?.find((entry) => entry.segments.every((s, i) => s === null || s === parts[i]));
	}

	/** Undefined when no operation matches or it takes no body. */
	validate(method: string, path: string, mediaType: string, body: unknown): SpecResult | undefined {
		const entry = this.match(path);
		const operation = entry?.item[method.toLowerCase()] as Json | undefined;
		if (!entry || !operation) return undefined;
		const requestBody = operation.requestBody as Json | undefined;
		const content = requestBody?.content as Record<string, Json> | undefined;
		if (!content) return undefined;
		const operationId = String(operation.operationId ?? `${method} ${entry.template}`);
		const result = (errors: string[]) => ({ operation: operationId, template: entry.template, errors });
		if (body === undefined) return result(requestBody?.required ? ["(body) is required"] : []);
		const type = content[mediaType] ? mediaType : "application/json";
		const schema = content[type]?.schema as Json | undefined;
		if (!schema) return result([]);
		const pointer =
			this.#narrowUnion(schema, body) ??
			`#/paths/${escapePointer(entry.template)}/${method.toLowerCase()}/requestBody/content/${escapePointer(type)}/schema`;
		let validator = this.#validators.get(pointer);
		if (!validator) {
			validator = this.#ajv.compile({ $ref: `${SPEC_ID}${pointer}` });
			this.#validators.set(pointer, validator);
		}
		if (validator(body)) return result([]);
		return result([...new Set(meaningful(validator.errors ?? []).map(describe))]);
	}

	/**
	 * For unions discriminated by `type` (the interaction callback), validate only the member whose
	 * `type` enum holds the body's type, so the errors are about that member and not all seven.
	 */
	#narrowUnion(schema: Json, body: unknown): string | undefined {
		const members = schema.anyOf ?? schema.oneOf;
		if (!Array.isArray(members) || typeof body !== "object" || body === null) return undefined;
		const type = (body as Json).type;
		if (type === undefined) return undefined;
		const schemas = (this.#spec.components as Json).schemas as Record<string, Json>;
		const refs = members
			.map((m) => (m as Json).$ref)
			.filter((ref): ref is string => typeof ref === "string" && ref.startsWith("#/components/schemas/"));
		const chosen = refs.filter((ref) => {
			const target = schemas[ref.slice("#/components/schemas/".length)];
			const enumValues = ((target?.properties as Json | undefined)?.type as Json | undefined)?.enum;
			return Array.isArray(enumValues) && enumValues.includes(type);
		});
		return chosen.length === 1 ? chosen[0] : undefined;
	}
}

const cache = new Map<string, SpecValidator | null>();

export function missingSpecNote(path: string): string {
	return (
		`note: ${path} not found, so the fake Discord checks request bodies against its own limits ` +
		"only and skips the OpenAPI checks (set LUMA_OPENAPI_SPEC to the spec's path to run them)"
	);
}

/**
 * Prints the note once per test run, not once per test file: vitest runs each file in a worker
 * of the same parent process, so the first worker to claim the parent's marker file prints it.
 */
function printMissingSpecNote(path: string): void {
	let parentStart = "";
	try {
		// Field 22 of /proc/<pid>/stat, the start time, tells a reused parent pid from an old one.
		parentStart = readFileSync(`/proc/${process.ppid}/stat`, "utf8").split(") ")[1]?.split(" ")[19] ?? "";
	} catch {
		// Not Linux: the pid alone.
	}
	try {
		writeFileSync(join(tmpdir(), `luma-openapi-note-${process.ppid}-${parentStart}`), path, { flag: "wx" });
	} catch {
		return; // another worker of this run has printed it already (or tmp is not writable: stay quiet)
	}
	process.stderr.write(`${missingSpecNote(path)}\n`);
}

/**
 * One validator per spec file per process: the document is 1.1 MB. Null when the file is absent
 * (the checks are skipped, with one note for the run) or when `specPath` is null (checks off).
 */
export function loadSpecValidator(
	specPath: string | null | undefined,
	onMissing: (path: string) => void = printMissingSpecNote,
): SpecValidator | null {
	if (specPath === null) return null;
	const path = specPath ?? DEFAULT_SPEC_PATH;
	const cached = cache.get(path);
	if (cached !== undefined) return cached;
	const validator = existsSync(path)
		? new SpecValidator(JSON.parse(readFileSync(path, "utf8")) as Json)
		: null;
	if (!validator) onMissing(path);
	cache.set(path, validator);
	return validator;
}
