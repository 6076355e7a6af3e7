import { pino } from "pino";
import { Counter, Registry } from "prom-client";
import { afterEach, describe, expect, it } from "vitest";
import type { HttpServer } from "../../src/http/server.js";
import { startManagerHttp } from "../../src/shard/managerHttp.js";
import { answerManager, type ManagerRequest, type MessagePort } from "../../src/shard/managerRequests.js";
import { ipcChannel } from "../support/ipcChannel.js";

function shard(answer: (request: ManagerRequest) => Promise<unknown>): MessagePort {
	const { manager, shard: own } = ipcChannel();
	answerManager(own, answer);
	return manager;
}

const servers: HttpServer[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function manager(shards: Map<number, MessagePort>, shardCount = 2): Promise<HttpServer> {
	const server = await startManagerHttp({
		host: "127.0.0.1",
		port: 0,
		logger: pino({ level: "silent" }),
		shards: () => shards,
		shardCount,
	});
	servers.push(server);
	return server;
}

const healthy = { ok: true, checks: { gateway: { ok: true }, store: { ok: true } } };

describe("the sharding manager's HTTP endpoint", () => {
	it("is healthy only when every shard is, and names the one that is not", async () => {
		const shards = new Map([[0, shard(async () => healthy)]]);
		const server = await manager(shards);
		let response = await fetch(`${server.address}/healthz`);
		expect(response.status).toBe(503);
		expect(await response.json()).toMatchObject({
			checks: { shard_1: { ok: false, detail: "not started" } },
		});
		shards.set(
			1,
			shard(async () => ({
				ok: false,
				checks: { gateway: { ok: false, detail: "not connected to Discord" } },
			})),
		);
		response = await fetch(`${server.address}/healthz`);
		expect(await response.json()).toMatchObject({
			checks: { shard_0: { ok: true }, shard_1: { ok: false, detail: "not connected to Discord" } },
		});
		shards.set(
			1,
			shard(async () => healthy),
		);
		expect((await fetch(`${server.address}/healthz`)).status).toBe(200);
	});

	it("hands a callback to the shard that owns the job, and answers 503 when none does", async () => {
		const seen: string[] = [];
		const answering = (id: number, owns: boolean) =>
			shard(async (request) => {
				if (request.kind !== "callback") return undefined;
				seen.push(`${id}:${request.request.jobId}`);
				return owns ? 200 : 421;
			});
		const shards = new Map([
			[0, answering(0, false)],
			[1, answering(1, true)],
		]);
		const server = await manager(shards);
		const post = () =>
			fetch(`${server.address}/callbacks/acedatacloud/job1/token`, {
				method: "POST",
				headers: { "content-type": "application/json" },
				body: JSON.stringify({ success: true }),
			});
		expect((await post()).status).toBe(200);
		expect(seen.sort()).toEqual(["0:job1", "1:job1"]);
		shards.set(1, answering(1, false));
		expect((await post()).status).toBe(503);
	});

	it("sums the shards' metrics", async () => {
		const metricsOf = async (count: number) => {
			const registry = new Registry();
			new Counter({ name: "luma_jobs_total", help: "jobs", registers: [registry] }).inc(count);
			return registry.getMetricsAsJSON();
		};
		const shards = new Map([
			[0, shard(async (request) => (request.kind === "metrics" ? metricsOf(2) : undefined))],
			[1, shard(async (request) => (request.kind === "metrics" ? metricsOf(3) : undefined))],
		]);
		const server = await manager(shards);
		const text = await (await fetch(`${server.address}/metrics`)).text();
		expect(text).toContain("luma_jobs_total 5");
	});
});
