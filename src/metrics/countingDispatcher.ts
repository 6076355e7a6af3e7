import { Agent, type Dispatcher } from "undici";

/** Path segments that name a record (task ids, luma_… ids, UUIDs) become `:id`, keeping labels few. */
export function endpointOf(method: string, path: string): string {
	const bare = path.split("?")[0] ?? path;
	const template = bare
		.split("/")
		.map((segment) => (/\d/.test(segment) && segment.length >= 8 ? ":id" : segment))
		.join("/");
	return `${method} ${template}`;
}

/**
 * A dispatcher that counts each request's answer (status, or `error`) for one provider, so every
 * adapter is measured the same way without knowing about metrics.
 */
export function countingDispatcher(
	base: Dispatcher | undefined,
	observe: (endpoint: string, status: number | "error") => void,
): Dispatcher {
	const dispatcher = base ?? new Agent();
	return dispatcher.compose((dispatch) => (options, handler) => {
		const endpoint = endpointOf(options.method, options.path);
		// A proxy keeps every other handler method as it is, bound to the original handler.
		const counted = new Proxy(handler, {
			get(target, property) {
				const value: unknown = Reflect.get(target, property);
				if (typeof value !== "function") return value;
				if (property === "onHeaders")
					return (statusCode: number, ...rest: unknown[]) => {
						observe(endpoint, statusCode);
						return (value as (...args: unknown[]) => unknown).call(target, statusCode, ...rest);
					};
				if (property === "onError")
					return (error: Error) => {
						observe(endpoint, "error");
						return (value as (error: Error) => unknown).call(target, error);
					};
				return (value as (...args: unknown[]) => unknown).bind(target);
			},
		});
		return dispatch(options, counted);
	});
}
