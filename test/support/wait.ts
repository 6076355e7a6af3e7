import { connect, createServer } from "node:net";

/** Polls `condition` every 10 ms until it holds; fails after `timeoutMs` so no test hangs. */
export async function waitFor(
	condition: () => boolean | Promise<boolean>,
	timeoutMs = 10_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error("condition not met in time");
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/** A loopback port that was free a moment ago: for a server to bind, or for nothing to answer on. */
export async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, "127.0.0.1", () => {
			const address = server.address();
			server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
		});
	});
}

/**
 * A loopback port nothing answers on, for as long as the test runs: below the range the system
 * hands out for port 0, so no fake started meanwhile can take it (as a port freed a moment ago can).
 */
export async function refusedPort(): Promise<number> {
	for (const port of [9, 47, 63, 83, 95, 101, 127]) {
		const refused = await new Promise<boolean>((resolve) => {
			const socket = connect(port, "127.0.0.1");
			socket.once("connect", () => {
				socket.destroy();
				resolve(false);
			});
			socket.once("error", () => resolve(true));
		});
		if (refused) return port;
	}
	throw new Error("every candidate port answers; no port refuses connections here");
}

/** Whether a process with this id is still running. */
export function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}
