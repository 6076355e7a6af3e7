import type { FakeBehaviour, FakeFailure, FakeProvider, FakeSubmitError } from "../common/fakeProvider.js";
import type { FakeAceDataCloud } from "./index.js";

/** Fields `POST /luma/videos` documents (providers.md §1.2); anything else is a violation. */
const VIDEO_FIELDS = new Set([
	"action",
	"prompt",
	"aspect_ratio",
	"start_image_url",
	"end_image_url",
	"video_id",
	"video_url",
	"loop",
	"enhancement",
	"timeout",
	"callback_url",
	"async",
]);
const TASK_FIELDS = new Set(["id", "ids", "action"]);

const FAILURES: Record<FakeFailure, { code: string; message: string }> = {
	moderated: {
		code: "forbidden",
		message: "Sorry! Our AI moderators feel your prompt might be against our community standards.",
	},
	failed: { code: "api_error", message: "fetch failed" },
	no_credits: { code: "used_up", message: "Your balance is used up." },
};

const SUBMIT_ERRORS: Record<FakeSubmitError, { status: number; code: string }> = {
	invalid_key: { status: 401, code: "invalid_token" },
	no_credits: { status: 403, code: "used_up" },
	rate_limited: { status: 429, code: "too_many_requests" },
	unavailable: { status: 503, code: "api_error" },
	server_error: { status: 500, code: "api_error" },
	moderated: { status: 403, code: "forbidden" },
};

/** The AceDataCloud fake seen through the interface every provider's fake offers. */
export function asFakeProvider(ace: FakeAceDataCloud): FakeProvider {
	return {
		name: "acedatacloud",
		get baseUrl() {
			return ace.baseUrl;
		},
		apiKey: ace.apiKey,
		get violations() {
			const found: string[] = [];
			for (const request of ace.requests) {
				const fields =
					request.path === "/luma/videos"
						? VIDEO_FIELDS
						: request.path === "/luma/tasks"
							? TASK_FIELDS
							: undefined;
				if (!fields || typeof request.body !== "object" || request.body === null) continue;
				for (const key of Object.keys(request.body))
					if (!fields.has(key)) found.push(`${request.method} ${request.path}: undocumented field ${key}`);
				const callbackUrl = (request.body as Record<string, unknown>).callback_url;
				if (callbackUrl !== undefined && !isHttpUrl(callbackUrl))
					found.push(`${request.method} ${request.path}: callback_url is not an http(s) URL`);
			}
			return found;
		},
		taskIds: () => [...ace.tasks.keys()],
		submissions: () =>
			ace.requests
				.filter((r) => r.method === "POST" && r.path === "/luma/videos")
				.map((r) => ({
					method: r.method,
					path: r.path,
					fields: (r.body ?? {}) as Record<string, unknown>,
					files: [],
				})),
		queryCount: () => ace.requests.filter((r) => r.path === "/luma/tasks").length,
		setBehaviour(behaviour: FakeBehaviour) {
			ace.setBehaviour(
				behaviour.mode === "manual"
					? behaviour
					: {
							mode: "auto",
							...(behaviour.runningAfterMs !== undefined && { runningAfterMs: behaviour.runningAfterMs }),
							...(behaviour.completeAfterMs !== undefined && { completeAfterMs: behaviour.completeAfterMs }),
							...(behaviour.fail && { fail: FAILURES[behaviour.fail] }),
						},
			);
		},
		startTask: (id) => ace.startTask(id),
		completeTask: (id) => ace.completeTask(id),
		failTask: (id, why) => ace.failTask(id, FAILURES[why]),
		injectSubmitError(error, times = 1) {
			const { status, code } = SUBMIT_ERRORS[error];
			ace.injectError("videos", { status, code, times });
		},
		injectQueryError(status, times = 1) {
			ace.injectError("tasks", { status, code: status === 429 ? "too_many_requests" : "api_error", times });
		},
		onTaskFinished: (listener) => ace.onTaskFinished((task) => listener(task.id)),
		close: () => ace.close(),
	};
}

function isHttpUrl(value: unknown): boolean {
	if (typeof value !== "string" || !URL.canParse(value)) return false;
	const { protocol } = new URL(value);
	return protocol === "http:" || protocol === "https:";
}
