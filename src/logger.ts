import { createRequire } from "node:module";
import { type Logger, pino } from "pino";

export type { Logger } from "pino";

/**
 * Paths that can hold a credential. The interaction token sits in job records and the provider
 * key in client options; neither may reach a log line even when a whole object is logged.
 */
const REDACT = [
	"token",
	"*.token",
	"*.*.token",
	"apiKey",
	"*.apiKey",
	"authorization",
	"*.authorization",
	"*.headers.authorization",
	"interaction.token",
	"job.interaction.token",
];

/** Interaction tokens travel in webhook and callback URLs, which Discord errors carry. */
const TOKEN_IN_URL = /(\/(?:webhooks|interactions)\/\d+\/)[A-Za-z0-9._-]+/g;
/** A store URL's password (redis://:secret@host), should a driver's error ever quote the URL. */
const PASSWORD_IN_URL = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:)[^\s/@]+@/gi;

/** A log line longer than this is cut down to its short fields (a collector's line limit, too). */
export const MAX_LINE_BYTES = 16 * 1024;
/** Within a cut-down line, a field whose JSON is longer than this is left out. */
const MAX_FIELD_CHARS = 1024;

/**
 * The last word on every line written: tokens masked wherever they sit (a URL in any field, not
 * only in errors), and a line over MAX_LINE_BYTES replaced by its short fields and its size.
 */
export function finishLine(line: string): string {
	const masked = redactTokens(line);
	if (Buffer.byteLength(masked) <= MAX_LINE_BYTES) return masked;
	let record: Record<string, unknown>;
	try {
		record = JSON.parse(masked) as Record<string, unknown>;
	} catch {
		return `${JSON.stringify({ msg: "log line too long to write", bytes: Buffer.byteLength(masked) })}\n`;
	}
	const kept: Record<string, unknown> = {};
	const dropped: string[] = [];
	for (const [key, value] of Object.entries(record)) {
		if ((JSON.stringify(value) ?? "").length <= MAX_FIELD_CHARS) kept[key] = value;
		else dropped.push(key);
	}
	return `${JSON.stringify({ ...kept, truncated: { bytes: Buffer.byteLength(masked), dropped } })}\n`;
}

export function redactTokens(text: string): string {
	return text.replace(TOKEN_IN_URL, "$1[redacted]").replace(PASSWORD_IN_URL, "$1[redacted]@");
}

/**
 * pino's error serializer, with interaction tokens masked in every text field. A Discord error's
 * request body (an uploaded video among it) is dropped: method, URL, status, code and message
 * say what failed.
 */
function serializeError(error: unknown): unknown {
	const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
	delete serialized.requestBody;
	return JSON.parse(redactTokens(JSON.stringify(serialized)));
}

/** Where `pino-pretty` is installed, or undefined: it is a dev dependency, absent after `npm ci --omit=dev`. */
export function resolvePinoPretty(): string | undefined {
	try {
		return createRequire(import.meta.url).resolve("pino-pretty");
	} catch {
		return undefined;
	}
}

/**
 * The pretty-printing transport, only for a terminal (`pretty`: stdout is one) with `pino-pretty`
 * installed; undefined means JSON lines, which is also what a production install with a terminal
 * (`docker run -it`) gets instead of a crash on the missing module.
 */
export function prettyTransport(
	pretty: boolean | undefined,
	resolve: () => string | undefined = resolvePinoPretty,
): pino.TransportSingleOptions | undefined {
	if (!pretty) return undefined;
	const target = resolve();
	return target ? { target, options: { colorize: true } } : undefined;
}

export function createLogger(options: {
	level: string;
	/** Pretty lines when true and pino-pretty is installed; pass `process.stdout.isTTY`. */
	pretty?: boolean | undefined;
	destination?: pino.DestinationStream;
	/** Finds pino-pretty (tests replace it); default: resolvePinoPretty. */
	resolvePretty?: () => string | undefined;
}): Logger {
	const base = {
		level: options.level,
		redact: { paths: REDACT, censor: "[redacted]" },
		serializers: { err: serializeError },
		hooks: { streamWrite: finishLine },
	};
	if (options.destination) return pino(base, options.destination);
	const transport = prettyTransport(options.pretty, options.resolvePretty);
	return transport ? pino({ ...base, transport }) : pino(base);
}
