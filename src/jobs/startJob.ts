import type { Clock } from "../clock.js";
import type { Requester, RequestGate } from "../moderation/requestGate.js";
import type { ProviderRegistry } from "../providers/registry.js";
import type { ProviderAdapter } from "../providers/types.js";
import {
	type ExtendInput,
	type FrameInput,
	type GenerateInput,
	type ReadHead,
	validateExtend,
	validateGenerate,
} from "../requests/validateGenerate.js";
import { capabilityProblem } from "./capabilities.js";
import type { ExtendSource } from "./chain.js";
import type { JobEvents } from "./events.js";
import type { Job } from "./job.js";
import type { JobEngine } from "./jobEngine.js";
import type { JobStore } from "./jobStore.js";
import { Refusal } from "./refusal.js";
import type { RepeatGuard, RepeatHold } from "./repeatGuard.js";

export interface StartJobDeps {
	engine: JobEngine;
	store: JobStore;
	registry: ProviderRegistry;
	gate: RequestGate;
	events: JobEvents;
	readHead: ReadHead;
	clock: Clock;
	/** Tells a double submit of an extension from the first one; without it, each is its own. */
	repeats?: RepeatGuard;
	/**
	 * Resolves when the requests arriving now have been taken in (see AnswersFirst): a job's writes
	 * and provider call wait for it, so they do not delay the answers of the rest of a burst.
	 * Without it, they wait one turn of the event loop.
	 */
	afterAnswers?: () => Promise<void>;
}

/** What is being asked for: a new clip, or the next part of one. */
export type StartRequest =
	| { kind: "generate"; input: GenerateInput }
	| {
			kind: "extend";
			source: ExtendSource;
			prompt?: string | null;
			endFrame?: FrameInput;
			direction?: "forward" | "backward";
			/** Link to the parent's message when the parent starts the chain. */
			rootUrl?: string;
	  };

/** Where the request came from and how the Discord side shows it. */
export interface StartContext {
	requester: Requester;
	interaction?: Job["interaction"];
	/** The requester's private answer, when the public message is posted separately (extensions). */
	privateReply?: Job["privateReply"];
	attachmentSizeLimit: number;
	/** Wraps the checks that read frames, so the caller can keep Discord's 3-second rule. */
	withinDeadline?: <T>(work: Promise<T>) => Promise<T>;
	/**
	 * Shows the pending message and returns its id; if it throws, the job ends unsent. It runs
	 * while the job is being stored, so it must not read the job back from the store.
	 */
	show: (job: Job) => Promise<string>;
	/** Removes the pending message again (the job could not be stored). */
	retract?: (messageId: string) => Promise<void>;
}

/**
 * A request's whole start, the same for every way in (command, button, menu): validate, choose
 * the provider and check it can do this, admit (rules and quota), create, show, submit.
 */
export async function startJob(
	deps: StartJobDeps,
	request: StartRequest,
	context: StartContext,
): Promise<Job> {
	const { registry } = deps;
	const now = deps.clock();
	const parent = request.kind === "extend" && "job" in request.source ? request.source.job : undefined;
	const choice = chooseProvider(registry, parent, now);
	// Only frames are read over the network; a text-only request skips the deadline's race.
	const hasFrames =
		request.kind === "generate"
			? Boolean(request.input.startFrame ?? request.input.endFrame)
			: Boolean(request.endFrame);
	const within = (hasFrames && context.withinDeadline) || (<T>(work: Promise<T>) => work);

	const validated =
		request.kind === "generate"
			? await within(validateGenerate(request.input, deps.readHead))
			: await within(validateExtend(extendInput(request, parent), deps.readHead));
	const jobRequest: Job["request"] =
		request.kind === "extend" && request.direction
			? { ...validated, direction: request.direction }
			: validated;
	const shape = {
		kind: request.kind,
		request: jobRequest,
		...(request.kind === "extend" && { parent: parentRef(request.source) }),
	};
	const problem = capabilityProblem(choice.adapter, shape);
	// Sent to the fallback only because the primary is held: say why, not what the fallback lacks.
	if (problem && choice.failover)
		throw new Refusal({
			code: "provider_account",
			params: { provider: choice.failover.from, reason: choice.failover.code },
		});
	if (problem) throw new Refusal(problem);

	const repeat =
		request.kind === "extend" ? await holdExtension(deps, context, request.source, jobRequest) : undefined;
	try {
		const job = await admitAndStart(deps, request, context, { request: jobRequest, choice });
		repeat?.keep();
		return job;
	} catch (error) {
		// It did not start: the member is told why, and trying again is a request of its own.
		await repeat?.release().catch(() => undefined);
		throw error;
	}
}

/**
 * A member's second request for the same extension of the same clip within a few seconds (two
 * quick submits of one form) is the first one again: it is refused, saying so, and only the
 * first is made. Another member, clip, prompt or frame is a request of its own.
 */
async function holdExtension(
	deps: StartJobDeps,
	context: StartContext,
	source: ExtendSource,
	jobRequest: Job["request"],
): Promise<RepeatHold | undefined> {
	if (!deps.repeats) return undefined;
	const parent = "job" in source ? `job:${source.job.id}` : `url:${source.videoUrl}`;
	const { guildId, userId } = context.requester;
	const hold = await deps.repeats.hold(["extend", guildId ?? "", userId, parent, JSON.stringify(jobRequest)]);
	if (!hold) throw new Refusal({ code: "extension_repeated" });
	return hold;
}

/** Admits the checked request (rules and quota), then creates, shows and submits its job. */
async function admitAndStart(
	deps: StartJobDeps,
	request: StartRequest,
	context: StartContext,
	checked: { request: Job["request"]; choice: ReturnType<typeof chooseProvider> },
): Promise<Job> {
	const { engine } = deps;
	const { choice, request: jobRequest } = checked;
	const jobId = engine.newId();
	// Checked and counted in memory: with the guild's records cached, nothing here waits on the
	// store, so the pending message goes out as soon as the request is known to be allowed.
	const admitted = await deps.gate.admit(context.requester, { prompt: jobRequest.prompt, jobId });
	const base = {
		id: jobId,
		guildId: context.requester.guildId,
		channelId: context.requester.channelId,
		userId: context.requester.userId,
		...(context.interaction && { interaction: context.interaction }),
		...(context.privateReply && { privateReply: context.privateReply }),
		attachmentSizeLimit: context.attachmentSizeLimit,
		request: jobRequest,
		provider: choice.adapter.name,
		...(choice.failover && { failover: choice.failover }),
	};
	const job = engine.draft({
		...base,
		...(request.kind === "extend" && { source: request.source }),
		...(request.kind === "extend" && request.rootUrl && { rootUrl: request.rootUrl }),
	});

	// The answer goes out first and the writes after it; the provider is called only once both
	// the job and its quota unit are in the store, so a restart finds whatever was paid for. The
	// writes wait until this answer and those of requests received meanwhile (a burst) are taken,
	// so this one's writes and provider call do not hold the other answers back.
	const shown = context.show(job);
	// Its failure is read below, after the wait; it must not count as unhandled meanwhile.
	shown.catch(() => undefined);
	await (deps.afterAnswers?.() ?? new Promise((resolve) => setImmediate(resolve)));
	const saved = Promise.all([
		admitted.saved,
		engine.save(job, request.kind === "extend" ? request.source : undefined),
	]);
	const [show, save] = await Promise.allSettled([shown, saved]);
	if (save.status === "rejected") {
		await unwind(deps, context, job, show.status === "fulfilled" ? show.value : undefined);
		throw save.reason;
	}
	if (show.status === "rejected") {
		await engine.abandon(job.id);
		throw show.reason;
	}
	await engine.submit(job.id, { messageId: show.value });
	const latest = (await deps.store.get(job.id)) ?? job;
	deps.events.emit("accepted", { job: latest });
	return latest;
}

/**
 * A job the store could not take is never sent: its pending message is taken back (best effort;
 * the caller then answers privately) and its unit is given back.
 */
async function unwind(deps: StartJobDeps, context: StartContext, job: Job, messageId: string | undefined) {
	const steps: Promise<unknown>[] = [];
	if (messageId !== undefined && context.retract) steps.push(context.retract(messageId));
	if (job.guildId) steps.push(deps.gate.cancel(job.guildId, job.id));
	await Promise.allSettled(steps);
}

function extendInput(
	request: Extract<StartRequest, { kind: "extend" }>,
	parent: Job | undefined,
): ExtendInput {
	return {
		prompt: request.prompt ?? null,
		...(parent && { fallbackPrompt: parent.request.prompt }),
		...(request.endFrame && { endFrame: request.endFrame }),
	};
}

function parentRef(source: ExtendSource): Job["parent"] {
	if (!("job" in source)) return { videoUrl: source.videoUrl };
	const result = source.job.result;
	return result?.videoId ? { videoId: result.videoId } : { videoUrl: result?.videoUrl ?? "" };
}

/**
 * An extension goes to the provider that made its parent; anything else to the primary, or to
 * the fallback while the primary refuses the bot's account.
 */
function chooseProvider(
	registry: ProviderRegistry,
	parent: Job | undefined,
	now: number,
): { adapter: ProviderAdapter; failover?: Job["failover"] } {
	if (parent) {
		const own = registry.get(parent.provider);
		if (!own)
			throw new Refusal({ code: "extend_provider_not_configured", params: { provider: parent.provider } });
		const held = registry.heldFor(own.name, now);
		if (held) throw new Refusal({ code: "provider_account", params: { provider: own.name, reason: held } });
		return { adapter: own };
	}
	const primary = registry.primary;
	const held = registry.heldFor(primary.name, now);
	if (!held) return { adapter: primary };
	const fallback = registry.fallback;
	if (fallback && !registry.heldFor(fallback.name, now))
		return { adapter: fallback, failover: { from: primary.name, code: held } };
	throw new Refusal({ code: "provider_account", params: { provider: primary.name, reason: held } });
}
