import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { constants, createDeflate, type Deflate } from "node:zlib";
import { WebSocket, WebSocketServer } from "ws";
import { guildCreatePayload, readyPayload } from "./gatewayPayloads.js";
import { shardOfGuild } from "./snowflake.js";
import type { GuildState, Store } from "./state.js";
import type { IdentifyRecord } from "./types.js";

/** GuildMembers, GuildPresences, MessageContent. */
const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);
const KNOWN_INTENTS = (1 << 26) - 1;
const GUILDS_INTENT = 1;
/** Events kept per session for RESUME replay. */
const REPLAY_LOG = 2000;

interface Session {
	id: string;
	seq: number;
	log: { s: number; t: string; d: unknown }[];
	conn?: Connection;
	intents: number;
	/** [shard id, shard count] from IDENTIFY. */
	shard: readonly [number, number];
}

interface Connection {
	ws: WebSocket;
	session?: Session;
	deflate?: { stream: Deflate; chunks: Buffer[] };
}

export interface GatewayOptions {
	store: Store;
	token: string;
	applicationId: string;
	wsUrl: string;
	heartbeatIntervalMs: number;
	allowedPrivilegedIntents: number;
}

/** The gateway discord.js needs: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME, dispatches. */
export class Gateway {
	readonly #options: GatewayOptions;
	readonly #wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
	readonly #sessions = new Map<string, Session>();
	readonly #connections = new Set<Connection>();
	readonly #loginListeners = new Set<() => void>();
	readonly #identified: IdentifyRecord[] = [];

	constructor(options: GatewayOptions) {
		this.#options = options;
	}

	/** Sockets still OPEN: one whose close frame has arrived no longer counts, even before TCP ends. */
	get connections(): number {
		let open = 0;
		for (const conn of this.#connections) if (conn.ws.readyState === WebSocket.OPEN) open++;
		return open;
	}

	get identified(): readonly IdentifyRecord[] {
		return this.#identified;
	}

	get loggedIn(): boolean {
		for (const session of this.#sessions.values()) if (session.conn) return true;
		return false;
	}

	handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
		const url = new URL(request.url ?? "/", "http://localhost");
		if (url.pathname !== "/gateway") {
			socket.end("HTTP/1.1 404 Not Found\r\n\r\n");
			return;
		}
		this.#wss.handleUpgrade(request, socket, head, (ws) => {
			const conn: Connection = { ws };
			this.#connections.add(conn);
			ws.on("close", (code) => this.#onClose(conn, code));
			ws.on("error", () => {});
			if (url.searchParams.get("v") !== "10") {
				ws.close(4012, "Invalid API version");
				return;
			}
			if (url.searchParams.get("compress") === "zlib-stream") {
				const stream = createDeflate({ flush: constants.Z_SYNC_FLUSH });
				conn.deflate = { stream, chunks: [] };
				stream.on("data", (chunk: Buffer) => conn.deflate?.chunks.push(chunk));
			}
			ws.on("message", (data) => this.#onMessage(conn, data.toString()));
			this.#send(conn, { op: 10, d: { heartbeat_interval: this.#options.heartbeatIntervalMs } });
		});
	}

	/**
	 * Sends an event to every live session of the shard that owns its guild, shard 0 when it has
	 * none (buffered for RESUME while a session is disconnected). Returns the shard of each session
	 * it went to.
	 */
	dispatch(t: string, d: unknown): number[] {
		const guildId = (d as { guild_id?: unknown } | null)?.guild_id;
		const delivered: number[] = [];
		for (const session of this.#sessions.values()) {
			const [id, count] = session.shard;
			if ((typeof guildId === "string" ? shardOfGuild(guildId, count) : 0) !== id) continue;
			const s = ++session.seq;
			session.log.push({ s, t, d });
			if (session.log.length > REPLAY_LOG) session.log.shift();
			if (session.conn) this.#send(session.conn, { op: 0, t, s, d });
			delivered.push(id);
		}
		return delivered;
	}

	waitForLogin(timeoutMs: number): Promise<void> {
		if (this.loggedIn) return Promise.resolve();
		return new Promise((resolve, reject) => {
			const done = () => {
				clearTimeout(timer);
				this.#loginListeners.delete(done);
				resolve();
			};
			const timer = setTimeout(() => {
				this.#loginListeners.delete(done);
				reject(new Error(`fake discord: no bot logged in within ${timeoutMs} ms`));
			}, timeoutMs);
			this.#loginListeners.add(done);
		});
	}

	async close(): Promise<void> {
		const closing = [...this.#connections].map(
			(conn) => new Promise<void>((resolve) => conn.ws.once("close", () => resolve())),
		);
		for (const conn of this.#connections) conn.ws.close(1000, "fake discord closing");
		// Give clients a moment to answer the close frame, then cut whoever did not.
		await Promise.race([Promise.all(closing), new Promise((resolve) => setTimeout(resolve, 500).unref())]);
		for (const conn of this.#connections) conn.ws.terminate();
		this.#sessions.clear();
		await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
	}

	#send(conn: Connection, payload: unknown): void {
		const text = JSON.stringify(payload);
		const deflate = conn.deflate;
		if (!deflate) {
			conn.ws.send(text);
			return;
		}
		// One zlib context per connection, each payload ends with a sync flush (00 00 ff ff).
		deflate.stream.write(text);
		deflate.stream.flush(constants.Z_SYNC_FLUSH, () => {
			const chunk = Buffer.concat(deflate.chunks);
			deflate.chunks = [];
			if (chunk.length > 0) conn.ws.send(chunk);
		});
	}

	#onClose(conn: Connection, code: number): void {
		this.#connections.delete(conn);
		conn.deflate?.stream.destroy();
		const session = conn.session;
		if (!session || session.conn !== conn) return;
		session.conn = undefined;
		// A clean close ends the session, as on Discord; anything else may be resumed.
		if (code === 1000 || code === 1001) this.#sessions.delete(session.id);
	}

	#onMessage(conn: Connection, text: string): void {
		let packet: { op?: unknown; d?: unknown };
		try {
			packet = JSON.parse(text) as { op?: unknown; d?: unknown };
		} catch {
			conn.ws.close(4002, "Error while decoding payload.");
			return;
		}
		const d = (packet.d ?? {}) as Record<string, unknown>;
		switch (packet.op) {
			case 1:
				this.#send(conn, { op: 11 });
				return;
			case 2:
				this.#identify(conn, d);
				return;
			case 6:
				this.#resume(conn, d);
				return;
			case 3:
			case 4:
				if (!conn.session) conn.ws.close(4003, "Not authenticated.");
				return;
			case 8:
				this.#requestMembers(conn, d);
				return;
			default:
				conn.ws.close(4001, "Unknown opcode.");
		}
	}

	#tokenMatches(token: unknown): boolean {
		return token === this.#options.token || token === `Bot ${this.#options.token}`;
	}

	#identify(conn: Connection, d: Record<string, unknown>): void {
		if (conn.session) return void conn.ws.close(4005, "Already authenticated.");
		if (!this.#tokenMatches(d.token)) return void conn.ws.close(4004, "Authentication failed.");
		const intents = d.intents;
		if (typeof intents !== "number" || (intents & ~KNOWN_INTENTS) !== 0) {
			return void conn.ws.close(4013, "Invalid intent(s).");
		}
		if (intents & PRIVILEGED_INTENTS & ~this.#options.allowedPrivilegedIntents) {
			return void conn.ws.close(4014, "Disallowed intent(s).");
		}
		const shard = parseShard(d.shard);
		if (!shard) return void conn.ws.close(4010, "Invalid shard.");
		const { store, applicationId, wsUrl } = this.#options;
		const session: Session = { id: randomBytes(16).toString("hex"), seq: 0, log: [], conn, intents, shard };
		conn.session = session;
		this.#sessions.set(session.id, session);
		this.#identified.push({ shard, sessionId: session.id, at: store.now() });
		const guilds = store.guilds.filter((guild) => ownedBy(session, guild));
		this.#sendTo(session, "READY", readyPayload(store, applicationId, session.id, wsUrl, shard, guilds));
		if (intents & GUILDS_INTENT) {
			for (const guild of guilds) this.#sendTo(session, "GUILD_CREATE", guildCreatePayload(store, guild));
		}
		for (const listener of [...this.#loginListeners]) listener();
	}

	#sendTo(session: Session, t: string, d: unknown): void {
		const s = ++session.seq;
		session.log.push({ s, t, d });
		if (session.conn) this.#send(session.conn, { op: 0, t, s, d });
	}

	#resume(conn: Connection, d: Record<string, unknown>): void {
		const session = typeof d.session_id === "string" ? this.#sessions.get(d.session_id) : undefined;
		const seq = typeof d.seq === "number" ? d.seq : -1;
		const oldest = session?.log[0]?.s ?? 0;
		if (!session || !this.#tokenMatches(d.token) || (seq < oldest - 1 && session.log.length >= REPLAY_LOG)) {
			this.#send(conn, { op: 9, d: false });
			return;
		}
		if (session.conn && session.conn !== conn) session.conn.ws.close(4000, "Session resumed elsewhere");
		session.conn = conn;
		conn.session = session;
		for (const event of session.log) {
			if (event.s > seq) this.#send(conn, { op: 0, t: event.t, s: event.s, d: event.d });
		}
		this.#sendTo(session, "RESUMED", {});
	}

	#requestMembers(conn: Connection, d: Record<string, unknown>): void {
		const session = conn.session;
		if (!session) return void conn.ws.close(4003, "Not authenticated.");
		const guild = this.#options.store.guildById.get(String(d.guild_id));
		if (!guild || !ownedBy(session, guild)) return;
		const members = guildCreatePayload(this.#options.store, guild).members;
		this.#sendTo(session, "GUILD_MEMBERS_CHUNK", {
			guild_id: guild.id,
			members,
			chunk_index: 0,
			chunk_count: 1,
			not_found: [],
			nonce: d.nonce,
		});
	}
}

/** IDENTIFY's optional `shard`: [id, count] with 0 <= id < count; none is [0, 1]. Undefined: invalid. */
function parseShard(value: unknown): readonly [number, number] | undefined {
	if (value === undefined) return [0, 1];
	if (!Array.isArray(value) || value.length !== 2) return undefined;
	const [id, count] = value as unknown[];
	if (!Number.isInteger(id) || !Number.isInteger(count)) return undefined;
	const shard = [id as number, count as number] as const;
	return shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1] ? shard : undefined;
}

function ownedBy(session: Session, guild: GuildState): boolean {
	return shardOfGuild(guild.id, session.shard[1]) === session.shard[0];
}
