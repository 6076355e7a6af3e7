import type { Store } from "./state.js";

/** What the route modules share. */
export interface FakeContext {
	store: Store;
	/** http://127.0.0.1:PORT */
	origin: string;
	token: string;
	applicationId: string;
	followupReplacesDeferred: boolean;
	/** What GET /gateway/bot answers: recommended shards, identify concurrency, sessions started. */
	gatewayBot: { shards: number; maxConcurrency: number; sessionsStarted: () => number };
}
