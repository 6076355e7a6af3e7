import { EventEmitter } from "node:events";
import type { MessagePort } from "../../src/shard/managerRequests.js";

/** Both ends of an IPC channel in one process: what one end sends, the other receives (a copy, later). */
export function ipcChannel(): { manager: MessagePort; shard: MessagePort } {
	const toShard = new EventEmitter();
	const toManager = new EventEmitter();
	const end = (inbox: EventEmitter, outbox: EventEmitter): MessagePort => ({
		on: (event, listener) => inbox.on(event, listener),
		off: (event, listener) => inbox.off(event, listener),
		send: (message) => void setImmediate(() => outbox.emit("message", structuredClone(message))),
	});
	return { manager: end(toManager, toShard), shard: end(toShard, toManager) };
}
