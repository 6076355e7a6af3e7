// The Docker HEALTHCHECK: GET /healthz on the bot's HTTP endpoint, when it has one. Without
// HTTP_PORT the bot opens no port and there is nothing to ask, so the check passes (exit 0).
// Exit 1 when /healthz does not answer 2xx within 4 s. Plain JavaScript, no dependencies.
/* global process, fetch, AbortSignal */
const port = process.env.HTTP_PORT;
if (!port) process.exit(0);
// The endpoint listens on HTTP_HOST (default 0.0.0.0, every address): ask it on loopback then.
const configured = process.env.HTTP_HOST;
const host = !configured || configured === "0.0.0.0" || configured === "::" ? "127.0.0.1" : configured;
const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}/healthz`;
try {
	const answer = await fetch(url, { signal: AbortSignal.timeout(4000) });
	if (!answer.ok) process.stderr.write(`${url} answered ${answer.status}\n`);
	process.exit(answer.ok ? 0 : 1);
} catch (error) {
	process.stderr.write(`${url} did not answer: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
}
