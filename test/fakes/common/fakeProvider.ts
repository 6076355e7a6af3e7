import type { ProviderName } from "../../../src/providers/names.js";

/**
 * What every fake provider offers the end-to-end tests, whatever its own protocol, so one suite
 * runs against each provider. Each fake follows its provider's documents and records every
 * request that breaks them in `violations` (tests assert it stays empty).
 */
export type FakeFailure = "moderated" | "failed" | "no_credits";

/** Submit-time answers a test can inject, each in the provider's own documented shape. */
export type FakeSubmitError =
	"invalid_key" | "no_credits" | "rate_limited" | "unavailable" | "server_error" | "moderated";

export type FakeBehaviour =
	| { mode: "manual" }
	| {
			mode: "auto";
			/** From submission to running; default 50 ms. */
			runningAfterMs?: number;
			/** From submission to the end; default 150 ms. */
			completeAfterMs?: number;
			fail?: FakeFailure;
	  };

/** A create or extend request as the fake received it. */
export interface FakeSubmission {
	method: string;
	/** Path without the query string. */
	path: string;
	/** The JSON body, or the multipart text fields. */
	fields: Record<string, unknown>;
	/** Multipart file parts. */
	files: { field: string; filename?: string; contentType?: string; data: Buffer }[];
	/** The task it created, when it created one. */
	taskId?: string;
}

export interface FakeProvider {
	readonly name: ProviderName;
	/** `http://127.0.0.1:PORT` plus any documented path prefix: what LUMA_API_BASE is set to. */
	readonly baseUrl: string;
	readonly apiKey: string;
	/** Requests that broke the provider's documents (wrong endpoint, undocumented field, …). */
	readonly violations: string[];
	/** Task ids in the order they were created. */
	taskIds(): string[];
	/** Create and extend requests, in order, including refused ones. */
	submissions(): FakeSubmission[];
	/** How many status queries (requests) were answered. */
	queryCount(): number;
	setBehaviour(behaviour: FakeBehaviour): void;
	startTask(taskId: string): void;
	completeTask(taskId: string): void;
	failTask(taskId: string, why: FakeFailure): void;
	/** The next `times` (default 1) create/extend requests get this answer and create nothing. */
	injectSubmitError(error: FakeSubmitError, times?: number): void;
	/** The next `times` status queries answer HTTP `status` (429 or 5xx) in the provider's error shape. */
	injectQueryError(status: number, times?: number): void;
	/** Called when a task reaches a terminal state (delivery lag in the benchmark). */
	onTaskFinished(listener: (taskId: string) => void): () => void;
	close(): Promise<void>;
}

export interface FakeProviderOptions {
	apiKey?: string;
	/** Size of the served MP4; default 64 KiB. */
	videoBytes?: number;
}
