/**
 * What the sharding manager asks its shard processes, and how they answer, over the IPC channel
 * discord.js's sharding already opens. The manager serves the one HTTP endpoint (a port can be
 * bound once), so health, metrics and provider callbacks are asked of the shards that hold them.
 */

export type ManagerRequest =
	| { kind: "health" }
	| { kind: "metrics" }
	| { kind: "callback"; request: { provider: string; jobId: string; token: string; body: unknown } };

interface RequestMessage {
	lumaRequest: { id: number } & ManagerRequest;
}
interface ReplyMessage {
	lumaReply: { id: number; value?: unknown; error?: string };
}

const isRequest = (message: unknown): message is RequestMessage =>
	typeof message === "object" && message !== null && "lumaRequest" in message;
const isReply = (message: unknown): message is ReplyMessage =>
	typeof message === "object" && message !== null && "lumaReply" in message;

/** A channel to one process: `process` in a shard, a discord.js `Shard` in the manager. */
export interface MessagePort {
	on(event: "message", listener: (message: unknown) => void): unknown;
	off(event: "message", listener: (message: unknown) => void): unknown;
	send(message: unknown): unknown;
}

/** In a shard: answers the manager's requests with `handle`. Returns a function that stops it. */
export function answerManager(
	port: MessagePort,
	handle: (request: ManagerRequest) => Promise<unknown>,
): () => void {
	const listener = (message: unknown) => {
		if (!isRequest(message)) return;
		const { id, ...request } = message.lumaRequest;
		void handle(request).then(
			(value) => port.send({ lumaReply: { id, value } } satisfies ReplyMessage),
			(error: unknown) =>
				port.send({ lumaReply: { id, error: error instanceof Error ? error.message : "failed" } }),
		);
	};
	port.on("message", listener);
	return () => port.off("message", listener);
}

let nextId = 0;

/** In the manager: asks one shard and waits at most `timeoutMs` for its answer. */
export function askShard(port: MessagePort, request: ManagerRequest, timeoutMs: number): Promise<unknown> {
	const id = ++nextId;
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			port.off("message", listener);
			reject(new Error(`no answer to ${request.kind} within ${timeoutMs} ms`));
		}, timeoutMs);
		const listener = (message: unknown) => {
			if (!isReply(message) || message.lumaReply.id !== id) return;
			clearTimeout(timer);
			port.off("message", listener);
			if (message.lumaReply.error !== undefined) reject(new Error(message.lumaReply.error));
			else resolve(message.lumaReply.value);
		};
		port.on("message", listener);
		try {
			void Promise.resolve(port.send({ lumaRequest: { id, ...request } } satisfies RequestMessage)).catch(
				(error: unknown) => {
					clearTimeout(timer);
					port.off("message", listener);
					reject(error instanceof Error ? error : new Error("send failed"));
				},
			);
		} catch (error) {
			clearTimeout(timer);
			port.off("message", listener);
			reject(error instanceof Error ? error : new Error("send failed"));
		}
	});
}
