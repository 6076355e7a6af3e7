import type { Store } from "./state.js";

/** What the route modules share. */
export interface FakeContext {
	store: Store;
	/** http://127.0.0.1:PORT */
	origin: string;
	token: string;
	applicationId: string;
	followupReplacesDeferred: boolean;
}
