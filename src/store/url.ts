/** Where the store lives, read from STORE_URL. */
export type StoreLocation =
	| { kind: "memory" }
	| { kind: "sqlite"; path: string }
	| { kind: "redis"; url: string }
	/** `url` without the `schema` option, which is ours and not the driver's. */
	| { kind: "postgres"; url: string; schema: string };

export const STORE_URL_FORMS =
	"sqlite://<path>, redis://<host>[:<port>][/<db>] (or rediss://), postgres://<host>/<database>[?schema=<name>] (or postgresql://), or memory:// (a throwaway store)";

/**
 * A PostgreSQL schema name the Keyv adapter can use: it quotes the name in some statements and
 * not in others, so only a name that reads the same both ways (lower case, unquoted) works.
 */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A STORE_URL that cannot be used. The message never repeats the URL: it may hold a password. */
export class StoreUrlError extends Error {
	override readonly name = "StoreUrlError";
	/** The rule broken, worded to follow the variable's name. */
	readonly rule: string;

	constructor(rule: string) {
		super(`STORE_URL ${rule}`);
		this.rule = rule;
	}
}

/** Reads STORE_URL; throws `StoreUrlError` with a message that names the rule, never the value. */
export function parseStoreUrl(value: string): StoreLocation {
	if (value === "memory://") return { kind: "memory" };
	if (/^sqlite:\/\/.+/.test(value)) return { kind: "sqlite", path: value.slice("sqlite://".length) };
	const scheme = /^([a-z]+):\/\/./.exec(value)?.[1];
	if (scheme !== "redis" && scheme !== "rediss" && scheme !== "postgres" && scheme !== "postgresql")
		throw new StoreUrlError(`must be ${STORE_URL_FORMS}`);
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		// Not the URL parser's own error: that one carries the input, password and all.
		throw new StoreUrlError("is not a valid URL");
	}
	if (scheme === "redis" || scheme === "rediss") {
		if (!/^\/?(\d+)?$/.test(url.pathname))
			throw new StoreUrlError("must name a Redis database by its number");
		return { kind: "redis", url: value };
	}
	const schema = url.searchParams.get("schema") ?? "public";
	if (!SCHEMA_NAME.test(schema))
		throw new StoreUrlError("must have a schema of lower-case letters, digits and _ (?schema=<name>)");
	url.searchParams.delete("schema");
	return { kind: "postgres", url: url.toString(), schema };
}
