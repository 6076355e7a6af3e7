/**
 * A fake AceDataCloud Luma API on 127.0.0.1 that follows the provider documents
 * (providers.md §1): bearer auth, async submits, `/luma/tasks` records, error bodies, callbacks
 * to a submitted `callback_url`, and a tiny "CDN" under `/files/`. Built for end-to-end tests
 * and the benchmark (cheap per task).
 */

import type { FaultRule, InjectedFault } from "../common/faults.js";
import type { CallbackAttempt, CallbackMode } from "./callbacks.js";
import { mp4Bytes } from "./media.js";
import type { FakeTask, FakeTaskError, RecordedRequest, TaskBehaviour } from "./records.js";
import { FakeServer } from "./server.js";

export type { CallbackAttempt, CallbackMode } from "./callbacks.js";
export type { FakeTask, FakeTaskError, FakeTaskState, RecordedRequest, TaskBehaviour } from "./records.js";

export type Endpoint = "videos" | "tasks";

export interface InjectedError {
	status: number;
	code: string;
	message?: string;
	/** How many requests answer with this error; default 1. */
	times?: number;
}

export interface InjectedRaw {
	/** Default 200. */
	status?: number;
	/** Sent verbatim, e.g. a body that is not JSON. */
	body: string;
	/** Default `application/json`. */
	contentType?: string;
	times?: number;
}

export interface FakeAceDataCloud {
	/** `http://127.0.0.1:PORT` */
	readonly baseUrl: string;
	readonly apiKey: string;
	/** Every request, including file downloads (faulted ones excepted). */
	readonly requests: RecordedRequest[];
	readonly tasks: ReadonlyMap<string, FakeTask>;
	/**
	 * How newly submitted tasks behave. "manual": stay queued until the test moves them. "auto":
	 * queued, then processing after runningAfterMs, then completed (or failed with the given error)
	 * after completeAfterMs, both counted from submission. Default: auto with 50 / 150 ms, completed.
	 */
	setBehaviour(b: TaskBehaviour): void;
	/** -> processing */
	startTask(taskId: string): void;
	/** -> completed with video_id, video_url, thumbnail_url, sizes */
	completeTask(taskId: string): void;
	failTask(taskId: string, error: FakeTaskError): void;
	/**
	 * Replaces the task's `response` object verbatim (`null` sends `response: null`), for shapes
	 * the documents allow but the state machine never produces, e.g. a transient `success:false`.
	 * `finished` also sets `finished_at`. The next startTask/completeTask/failTask ends the override.
	 */
	setTaskResponse(
		taskId: string,
		response: Record<string, unknown> | null,
		options?: { finished?: boolean },
	): void;
	/** Next `times` requests to the endpoint answer with this HTTP status and error code body. */
	injectError(endpoint: Endpoint, error: InjectedError): void;
	/** Next `times` requests to the endpoint answer with this raw body (e.g. one that is not JSON). */
	injectRaw(endpoint: Endpoint, raw: InjectedRaw): void;
	/**
	 * Faults for every route (files too), drawn per request; a faulted request is answered in the
	 * documented error shape, delayed, or cut, and is not recorded in `requests`. Returns a
	 * function that ends the rule.
	 */
	addFault(rule: FaultRule): () => void;
	clearFaults(): void;
	/** Every fault drawn so far, in order. */
	readonly injectedFaults: readonly InjectedFault[];
	/** Delay (ms) before answering requests to the endpoint. */
	setDelay(endpoint: Endpoint, ms: number): void;
	/**
	 * "on" (default): when a task submitted with `callback_url` ends (completed or failed), the
	 * documented body (providers.md §1.6) is POSTed there as JSON, once, without a signature (a
	 * retry policy is undocumented [?], so none). "off": nothing is pushed, as if every callback
	 * were lost; polling still answers.
	 */
	setCallbacks(mode: CallbackMode): void;
	/** Every delivery attempt, in the order the answers came: URL, the receiver's status, body. */
	callbacks(): CallbackAttempt[];
	/** Resolves once no delivery is in flight. */
	callbacksSettled(): Promise<void>;
	/** Called whenever a task reaches a terminal state (for delivery-lag measurement). */
	onTaskFinished(listener: (task: FakeTask) => void): () => void;
	/** Bodies POSTed to /luma/videos. */
	submittedBodies(): unknown[];
	close(): Promise<void>;
}

export async function startFakeAceDataCloud(
	options: { apiKey?: string; videoBytes?: number } = {},
): Promise<FakeAceDataCloud> {
	const fake = new FakeServer(options.apiKey ?? "test-key", mp4Bytes(options.videoBytes ?? 64 * 1024));
	await fake.listen();
	return fake;
}
