import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Job } from "../jobs/job.js";

const SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const JOB_SECONDS = [15, 30, 60, 90, 120, 180, 300, 600, 1200];

/**
 * The bot's Prometheus metrics. Labels are closed sets (provider names, outcomes, rules, codes,
 * endpoint templates): never prompts, user ids or guild names.
 */
export class Metrics {
	readonly registry = new Registry();
	readonly #jobs = new Counter({
		name: "luma_jobs_finished_total",
		help: "Jobs that reached an end, by provider and outcome (succeeded, or the failure code).",
		labelNames: ["provider", "outcome"] as const,
		registers: [this.registry],
	});
	readonly #providerRequests = new Counter({
		name: "luma_provider_requests_total",
		help: "Requests to video providers, by provider, endpoint and HTTP status (or error).",
		labelNames: ["provider", "endpoint", "status"] as const,
		registers: [this.registry],
	});
	readonly #jobDuration = new Histogram({
		name: "luma_job_duration_seconds",
		help: "From the request to the provider's result, by provider and outcome.",
		labelNames: ["provider", "outcome"] as const,
		buckets: JOB_SECONDS,
		registers: [this.registry],
	});
	readonly #deliveryLag = new Histogram({
		name: "luma_delivery_lag_seconds",
		help: "From the provider's result being known to the outcome being shown in Discord.",
		buckets: SECONDS,
		registers: [this.registry],
	});
	readonly #ackLatency = new Histogram({
		name: "luma_interaction_ack_seconds",
		help: "From an interaction's creation to the bot's first answer to it.",
		buckets: SECONDS,
		registers: [this.registry],
	});
	readonly #refusals = new Counter({
		name: "luma_request_refusals_total",
		help: "Requests turned away by a server rule or limit, by rule.",
		labelNames: ["rule"] as const,
		registers: [this.registry],
	});
	readonly #discordErrors = new Counter({
		name: "luma_discord_rest_errors_total",
		help: "Discord REST answers that were errors, by HTTP status and Discord's error code (none when absent).",
		labelNames: ["status", "code"] as const,
		registers: [this.registry],
	});

	constructor(options: { activeJobs: () => readonly Job[]; processDefaults?: boolean }) {
		if (options.processDefaults !== false) collectDefaultMetrics({ register: this.registry });
		new Gauge({
			name: "luma_jobs_in_flight",
			help: "Jobs not finished yet, by provider.",
			labelNames: ["provider"] as const,
			registers: [this.registry],
			// Read at scrape time from the engine's own list, so the gauge can never drift.
			collect() {
				this.reset();
				for (const job of options.activeJobs())
					if (job.state !== "succeeded" && job.state !== "failed") this.inc({ provider: job.provider });
			},
		});
	}

	jobFinished(job: Job): void {
		const outcome = job.state === "succeeded" ? "succeeded" : (job.error?.code ?? "failed");
		this.#jobs.inc({ provider: job.provider, outcome });
		if (job.finishedAt !== undefined)
			this.#jobDuration.observe({ provider: job.provider, outcome }, (job.finishedAt - job.createdAt) / 1000);
	}

	jobDelivered(job: Job, now: number): void {
		if (job.finishedAt !== undefined) this.#deliveryLag.observe(Math.max(0, now - job.finishedAt) / 1000);
	}

	providerRequest(provider: string, endpoint: string, status: number | "error"): void {
		this.#providerRequests.inc({ provider, endpoint, status: String(status) });
	}

	interactionAnswered(latencyMs: number): void {
		this.#ackLatency.observe(Math.max(0, latencyMs) / 1000);
	}

	refused(rule: string): void {
		this.#refusals.inc({ rule });
	}

	discordError(status: number, code?: number): void {
		this.#discordErrors.inc({ status: String(status), code: code === undefined ? "none" : String(code) });
	}

	async text(): Promise<string> {
		return this.registry.metrics();
	}

	get contentType(): string {
		return this.registry.contentType;
	}
}
