import type Keyv from "keyv";
import type { HealthReport } from "./server.js";

const STORE_ANSWER_MS = 2000;

/** Healthy when the Discord gateway is ready and the store answers a read within 2 s. */
export function healthCheck(deps: {
	gatewayReady: () => boolean;
	store: Keyv<unknown>;
}): () => Promise<HealthReport> {
	return async () => {
		const gateway = deps.gatewayReady();
		const store = await Promise.race([
			deps.store.get("health-check").then(
				() => true,
				() => false,
			),
			new Promise<boolean>((resolve) => setTimeout(() => resolve(false), STORE_ANSWER_MS).unref()),
		]);
		return {
			ok: gateway && store,
			checks: {
				gateway: { ok: gateway, ...(!gateway && { detail: "not connected to Discord" }) },
				store: { ok: store, ...(!store && { detail: "the store did not answer" }) },
			},
		};
	};
}
