import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue } from "prom-client";
import type { Logger } from "../logger.js";
import { type HealthReport, type HttpServer, startHttpServer } from "../http/server.js";
import { NOT_MINE } from "../jobs/callbackIntake.js";
import { askShard, type MessagePort } from "./managerRequests.js";

/** A shard that does not answer within this is reported unhealthy (the health check's own budget). */
const SHARD_ANSWER_MS = 2_000;
/** A callback waits this long for the job's owner; the provider's call must not hang. */
const CALLBACK_ANSWER_MS = 5_000;

/**
 * The sharding manager's HTTP endpoint: health when every shard is healthy, metrics summed over
 * the shards, and each provider callback handed to the shard that owns its job.
 */
export async function startManagerHttp(deps: {
	host: string;
	port: number;
	logger: Logger;
	/** The shards by id; a shard not spawned yet is missing. */
	shards: () => ReadonlyMap<number, MessagePort>;
	shardCount: number;
}): Promise<HttpServer> {
	const ask = async (request: Parameters<typeof askShard>[1], timeoutMs: number) => {
		const shards = [...deps.shards().entries()];
		return Promise.all(
			shards.map(async ([id, port]) => {
				try {
					return { id, value: await askShard(port, request, timeoutMs) };
				} catch (error) {
					return { id, error: error instanceof Error ? error.message : "no answer" };
				}
			}),
		);
	};

	const health = async (): Promise<HealthReport> => {
		const answers = await ask({ kind: "health" }, SHARD_ANSWER_MS);
		const checks: HealthReport["checks"] = {};
		for (let id = 0; id < deps.shardCount; id++) {
			const answer = answers.find((entry) => entry.id === id);
			const report = answer?.value as HealthReport | undefined;
			if (!answer) checks[`shard_${id}`] = { ok: false, detail: "not started" };
			else if (!report) checks[`shard_${id}`] = { ok: false, detail: answer.error ?? "no answer" };
			else {
				const failing = Object.entries(report.checks).filter(([, check]) => !check.ok);
				checks[`shard_${id}`] = report.ok
					? { ok: true }
					: { ok: false, detail: failing.map(([name, check]) => check.detail ?? name).join("; ") };
			}
		}
		return { ok: Object.values(checks).every((check) => check.ok), checks };
	};

	const aggregator = new AggregatorRegistry();
	const metrics = {
		contentType: aggregator.contentType,
		async text() {
			const answers = await ask({ kind: "metrics" }, SHARD_ANSWER_MS);
			const lists = answers.flatMap((answer) =>
				Array.isArray(answer.value) ? [answer.value as MetricObjectWithValues<MetricValue<string>>[]] : [],
			);
			return AggregatorRegistry.aggregate(lists).metrics();
		},
	};

	return startHttpServer({
		host: deps.host,
		port: deps.port,
		logger: deps.logger,
		health,
		metrics,
		callbacks: async (request) => {
			const answers = await ask({ kind: "callback", request }, CALLBACK_ANSWER_MS);
			const owner = answers.find((answer) => typeof answer.value === "number" && answer.value !== NOT_MINE);
			if (owner) return owner.value as number;
			// The job's shard is down or restarting: the provider may try again, and the shard's
			// own queries find the result anyway once it is back.
			deps.logger.warn({ jobId: request.jobId, provider: request.provider }, "no shard took a callback");
			return 503;
		},
	});
}
