import Fastify, { type FastifyInstance } from "fastify";
import type { Logger } from "../logger.js";

/** Callback bodies are small JSON objects; anything bigger is refused before it is read. */
export const MAX_CALLBACK_BYTES = 64 * 1024;

export interface HealthReport {
	ok: boolean;
	checks: Record<string, { ok: boolean; detail?: string }>;
}

/** Hands a provider's callback to the job engine; returns the HTTP status to answer. */
export type CallbackIntake = (request: {
	provider: string;
	jobId: string;
	token: string;
	body: unknown;
}) => Promise<number>;

/** The Prometheus text of the process (or of every shard, in the sharding manager). */
export interface MetricsSource {
	readonly contentType: string;
	text(): Promise<string>;
}

export interface HttpServer {
	/** `http://host:port` as bound (the real port when 0 was asked for). */
	readonly address: string;
	close(): Promise<void>;
}

/**
 * The bot's one HTTP endpoint: health for orchestrators, metrics for Prometheus, and provider
 * callbacks. Nothing else answers but 404.
 */
export async function startHttpServer(deps: {
	host: string;
	port: number;
	logger: Logger;
	health: () => Promise<HealthReport>;
	metrics: MetricsSource;
	callbacks: CallbackIntake;
}): Promise<HttpServer> {
	const app: FastifyInstance = Fastify({
		logger: false,
		bodyLimit: MAX_CALLBACK_BYTES,
		return503OnClosing: true,
	});

	app.get("/healthz", async (_request, reply) => {
		const report = await deps.health();
		return reply
			.code(report.ok ? 200 : 503)
			.send({ status: report.ok ? "ok" : "unavailable", checks: report.checks });
	});

	app.get("/metrics", async (_request, reply) => {
		return reply.type(deps.metrics.contentType).send(await deps.metrics.text());
	});

	app.post<{ Params: { provider: string; jobId: string; token: string } }>(
		"/callbacks/:provider/:jobId/:token",
		async (request, reply) => {
			const { provider, jobId, token } = request.params;
			const status = await deps.callbacks({ provider, jobId, token, body: request.body });
			return reply.code(status).send(status < 300 ? { ok: true } : { ok: false });
		},
	);

	app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
		const status = typeof error.statusCode === "number" && error.statusCode < 500 ? error.statusCode : 500;
		if (status >= 500) deps.logger.error({ err: error }, "http request failed");
		return reply.code(status).send({ ok: false });
	});

	await app.listen({ host: deps.host, port: deps.port });
	const bound = app.server.address();
	const port = typeof bound === "object" && bound ? bound.port : deps.port;
	const shownHost = deps.host === "0.0.0.0" || deps.host === "::" ? "127.0.0.1" : deps.host;
	deps.logger.info({ host: deps.host, port }, "http endpoint listening");
	return {
		address: `http://${shownHost}:${port}`,
		close: () => app.close(),
	};
}
