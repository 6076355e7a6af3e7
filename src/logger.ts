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

export function redactTokens(text: string): string {
	return text.replace(TOKEN_IN_URL, "$1[redacted]");
}

/** pino's error serializer, with interaction tokens masked in every text field. */
function serializeError(error: unknown): unknown {
	const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
	return JSON.parse(redactTokens(JSON.stringify(serialized)));
}

export function createLogger(options: {
	level: string;
	pretty?: boolean;
	destination?: pino.DestinationStream;
}): Logger {
	const base = {
		level: options.level,
		redact: { paths: REDACT, censor: "[redacted]" },
		serializers: { err: serializeError },
	};
	if (options.destination) return pino(base, options.destination);
	if (options.pretty)
		return pino({ ...base, transport: { target: "pino-pretty", options: { colorize: true } } });
	return pino(base);
}
