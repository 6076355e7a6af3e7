/**
 * Limits Discord enforces where the OpenAPI spec is looser (content is 4000 there, 2000 for bots) or
 * silent. A breach answers 400 50035 with Discord's nested `errors` tree.
 */
export interface LimitReport {
	/** Human-readable "path: message" lines for the violations list. */
	errors: string[];
	/** Discord's `errors` object, e.g. {embeds: {0: {title: {_errors: [...]}}}}. */
	tree: Record<string, unknown>;
}

type Json = Record<string, unknown>;
type Path = (string | number)[];

const IS_COMPONENTS_V2 = 1 << 15;

class Collector implements LimitReport {
	readonly errors: string[] = [];
	readonly tree: Record<string, unknown> = {};

	add(path: Path, code: string, message: string): void {
		this.errors.push(`/${path.join("/")} ${message}`);
		let node = this.tree;
		for (const part of path) {
			const key = String(part);
			node[key] ??= {};
			node = node[key] as Record<string, unknown>;
		}
		node._errors ??= [];
		(node._errors as unknown[]).push({ code, message });
	}

	maxLength(path: Path, value: unknown, max: number): void {
		if (typeof value === "string" && [...value].length > max) {
			this.add(path, "BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`);
		}
	}

	maxItems(path: Path, value: unknown, max: number): void {
		if (Array.isArray(value) && value.length > max) {
			this.add(path, "BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`);
		}
	}
}

const asObject = (value: unknown): Json | undefined =>
	typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
const textLength = (value: unknown) => (typeof value === "string" ? [...value].length : 0);

function checkEmbeds(c: Collector, path: Path, embeds: unknown): void {
	if (!Array.isArray(embeds)) return;
	c.maxItems(path, embeds, 10);
	let total = 0;
	embeds.forEach((raw, i) => {
		const embed = asObject(raw);
		if (!embed) return;
		const at = [...path, i];
		const footer = asObject(embed.footer);
		const author = asObject(embed.author);
		c.maxLength([...at, "title"], embed.title, 256);
		c.maxLength([...at, "description"], embed.description, 4096);
		c.maxLength([...at, "footer", "text"], footer?.text, 2048);
		c.maxLength([...at, "author", "name"], author?.name, 256);
		total += textLength(embed.title) + textLength(embed.description);
		total += textLength(footer?.text) + textLength(author?.name);
		if (Array.isArray(embed.fields)) {
			c.maxItems([...at, "fields"], embed.fields, 25);
			embed.fields.forEach((rawField, j) => {
				const field = asObject(rawField) ?? {};
				for (const [key, max] of [
					["name", 256],
					["value", 1024],
				] as const) {
					if (typeof field[key] !== "string" || field[key] === "") {
						c.add([...at, "fields", j, key], "BASE_TYPE_REQUIRED", "This field is required");
					}
					c.maxLength([...at, "fields", j, key], field[key], max);
					total += textLength(field[key]);
				}
			});
		}
	});
	if (total > 6000) c.add(path, "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
}

function checkCustomIds(c: Collector, path: Path, value: unknown): void {
	if (Array.isArray(value)) {
		value.forEach((item, i) => {
			checkCustomIds(c, [...path, i], item);
		});
		return;
	}
	const node = asObject(value);
	if (!node) return;
	c.maxLength([...path, "custom_id"], node.custom_id, 100);
	if (node.custom_id === "") c.add([...path, "custom_id"], "BASE_TYPE_REQUIRED", "This field is required");
	for (const key of ["components", "component", "accessory"]) {
		if (key in node) checkCustomIds(c, [...path, key], node[key]);
	}
}

function checkComponents(c: Collector, path: Path, components: unknown, flags: number): void {
	if (!Array.isArray(components)) return;
	if (flags & IS_COMPONENTS_V2) c.maxItems(path, components, 40);
	else {
		c.maxItems(path, components, 5);
		components.forEach((row, i) => {
			c.maxItems([...path, i, "components"], asObject(row)?.components, 5);
		});
	}
	checkCustomIds(c, path, components);
}

/** Checks a message body (create, edit, callback data). `prefix` is where it sits in the request. */
export function checkMessageLimits(payload: unknown, prefix: Path = []): LimitReport {
	const c = new Collector();
	const body = asObject(payload);
	if (!body) return c;
	const flags = typeof body.flags === "number" ? body.flags : 0;
	c.maxLength([...prefix, "content"], body.content, 2000);
	checkEmbeds(c, [...prefix, "embeds"], body.embeds);
	checkComponents(c, [...prefix, "components"], body.components, flags);
	if (flags & IS_COMPONENTS_V2) {
		for (const key of ["content", "embeds"]) {
			const value = body[key];
			if (
				value !== undefined &&
				value !== null &&
				value !== "" &&
				!(Array.isArray(value) && value.length === 0)
			) {
				c.add(
					[...prefix, key],
					"MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
					"Cannot be used with components V2",
				);
			}
		}
	}
	return c;
}

/** Checks a modal (callback type 9 data). */
export function checkModalLimits(payload: unknown, prefix: Path = []): LimitReport {
	const c = new Collector();
	const body = asObject(payload);
	if (!body) return c;
	c.maxLength([...prefix, "title"], body.title, 45);
	c.maxItems([...prefix, "components"], body.components, 5);
	c.maxLength([...prefix, "custom_id"], body.custom_id, 100);
	checkCustomIds(c, [...prefix, "components"], body.components);
	return c;
}

/** Discord's rule for chat-input command and option names, in every locale. */
const CHAT_INPUT_NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const COMMAND_SIZE_LIMIT = 8000;

type Named = { name?: unknown; name_localizations?: unknown };

/** Every spelling of a name or description: the default and each localization. */
function spellings(node: Json, field: "name" | "description"): [string, string][] {
	const localized = asObject(node[`${field}_localizations`]) ?? {};
	return [
		["default", typeof node[field] === "string" ? node[field] : ""],
		...Object.entries(localized).map(
			([locale, text]) => [locale, typeof text === "string" ? text : ""] as [string, string],
		),
	];
}

/** The longest spelling counts towards the 8000 characters, as Discord counts localized commands. */
const longest = (node: Json, field: "name" | "description") =>
	Math.max(0, ...spellings(node, field).map(([, text]) => [...text].length));

function checkNames(c: Collector, path: Path, node: Json, chatInput: boolean): void {
	for (const [locale, name] of spellings(node, "name")) {
		const at = locale === "default" ? [...path, "name"] : [...path, "name_localizations", locale];
		if ([...name].length < 1 || [...name].length > 32) {
			c.add(at, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 32 in length.");
		} else if (chatInput && (!CHAT_INPUT_NAME.test(name) || name !== name.toLowerCase())) {
			c.add(at, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
		}
	}
}

/** Names must be unique among siblings in every locale (a localization falls back to the default). */
function checkUniqueNames(c: Collector, path: Path, siblings: Json[]): void {
	const locales = new Set(siblings.flatMap((s) => spellings(s, "name").map(([locale]) => locale)));
	for (const locale of locales) {
		const seen = new Set<string>();
		siblings.forEach((sibling, i) => {
			const names = Object.fromEntries(spellings(sibling, "name"));
			const name = names[locale] ?? names.default ?? "";
			if (seen.has(name)) {
				c.add(
					[...path, i, locale === "default" ? "name" : "name_localizations"],
					"APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS",
					`Option name ${name} is already used in these options (${locale})`,
				);
			}
			seen.add(name);
		});
	}
}

function checkDescriptions(c: Collector, path: Path, node: Json, required: boolean): void {
	for (const [locale, text] of spellings(node, "description")) {
		const at =
			locale === "default" ? [...path, "description"] : [...path, "description_localizations", locale];
		const length = [...text].length;
		if ((required || locale !== "default") && (length < 1 || length > 100)) {
			c.add(at, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
		}
	}
}

/** Walks options (subcommand groups, subcommands, options, choices) and returns their size. */
function checkOptions(c: Collector, path: Path, options: unknown): number {
	if (!Array.isArray(options)) return 0;
	c.maxItems(path, options, 25);
	const nodes = options.map((raw) => asObject(raw) ?? {});
	checkUniqueNames(c, path, nodes);
	let size = 0;
	nodes.forEach((option, i) => {
		const at = [...path, i];
		checkNames(c, at, option, true);
		checkDescriptions(c, at, option, true);
		size += longest(option, "name") + longest(option, "description");
		if (Array.isArray(option.choices)) {
			c.maxItems([...at, "choices"], option.choices, 25);
			option.choices.forEach((rawChoice, j) => {
				const choice = asObject(rawChoice) ?? {};
				for (const [locale, name] of spellings(choice, "name")) {
					const length = [...name].length;
					if (length < 1 || length > 100) {
						const where = locale === "default" ? "name" : `name_localizations/${locale}`;
						c.add(
							[...at, "choices", j, where],
							"BASE_TYPE_BAD_LENGTH",
							"Must be between 1 and 100 in length.",
						);
					}
				}
				size += longest(choice, "name") + String(choice.value ?? "").length;
			});
		}
		size += checkOptions(c, [...at, "options"], option.options);
	});
	return size;
}

/**
 * Checks one application command body: names in every locale (Discord's pattern, lowercase,
 * 1–32, unique among siblings), descriptions 1–100, choices, and the 8000-character total in
 * which each field counts with its longest localization.
 */
export function checkCommandLimits(payload: unknown, prefix: Path = []): LimitReport {
	const c = new Collector();
	const body: Json & Named = asObject(payload) ?? {};
	const type = typeof body.type === "number" ? body.type : 1;
	const chatInput = type === 1;
	checkNames(c, prefix, body, chatInput);
	if (chatInput) checkDescriptions(c, prefix, body, true);
	const size =
		longest(body, "name") +
		longest(body, "description") +
		checkOptions(c, [...prefix, "options"], body.options);
	if (size > COMMAND_SIZE_LIMIT) {
		c.add(prefix, "APPLICATION_COMMAND_TOO_LARGE", `Command exceeds maximum size (${COMMAND_SIZE_LIMIT})`);
	}
	return c;
}
