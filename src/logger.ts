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

export function createLogger(options: {
	level: string;
	pretty?: boolean;
	destination?: pino.DestinationStream;
}): Logger {
	const base = { level: options.level, redact: { paths: REDACT, censor: "[redacted]" } };
	if (options.destination) return pino(base, options.destination);
	if (options.pretty)
		return pino({ ...base, transport: { target: "pino-pretty", options: { colorize: true } } });
	return pino(base);
}
