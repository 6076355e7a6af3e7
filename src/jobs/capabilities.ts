import type { ProviderAdapter, ProviderCapabilities, RequestProblem } from "../providers/types.js";
import type { Job } from "./job.js";
import { toGenerateRequest } from "./providerRequest.js";

type Request = Job["request"];

/**
 * Drops choices that cannot matter to a provider without them (loop off, enhancement off), so a
 * command registered for another provider still works where it can.
 */
export function fitRequest(request: Request, capabilities: ProviderCapabilities): Request {
	const fitted = { ...request };
	if (!capabilities.loop && fitted.loop === false) delete fitted.loop;
	if (!capabilities.enhance && fitted.enhance === false) delete fitted.enhance;
	return fitted;
}

/**
 * The first thing in a request the provider cannot do, as a code and parameters, or undefined.
 * Requests are checked here as well as by the registered command, since a client can still
 * send options of an older registration.
 */
export function capabilityProblem(
	adapter: ProviderAdapter,
	job: Pick<Job, "kind" | "request" | "parent">,
): RequestProblem | undefined {
	const { capabilities: caps, name: provider } = adapter;
	const request = fitRequest(job.request, caps);
	const unsupported = (option: string, value?: string) => ({
		code: "unsupported_option",
		params: { provider, option, ...(value !== undefined && { value }) },
	});
	if (request.aspectRatio !== undefined && !caps.aspectRatios.includes(request.aspectRatio))
		return unsupported("aspect_ratio", request.aspectRatio);
	if (request.loop !== undefined && !caps.loop) return unsupported("loop");
	if (request.enhance !== undefined && !caps.enhance) return unsupported("enhance");
	if (request.startFrame && !caps.startFrame) return unsupported("start_frame");
	if (request.endFrame && !caps.endFrame && job.kind === "generate") return unsupported("end_frame");
	if (request.model !== undefined && !caps.models.includes(request.model))
		return unsupported("model", request.model);
	if (request.duration !== undefined && !caps.durations.includes(request.duration))
		return unsupported("duration", request.duration);
	if (request.resolution !== undefined && !caps.resolutions.includes(request.resolution))
		return unsupported("resolution", request.resolution);
	if (job.kind === "extend") {
		const extend = caps.extend;
		if (!extend) return { code: "extend_unsupported", params: { provider } };
		const byUrl = !job.parent?.videoId;
		if (byUrl && !extend.byUrl) return { code: "extend_by_url_unsupported", params: { provider } };
		if (!byUrl && !extend.byId) return { code: "extend_unsupported", params: { provider } };
		if (request.endFrame && !extend.endFrame)
			return { code: "extend_end_frame_unsupported", params: { provider } };
		if (request.direction === "backward" && !extend.backward)
			return { code: "extend_backward_unsupported", params: { provider } };
	}
	return adapter.checkRequest?.(toGenerateRequest({ ...job, request }));
}
