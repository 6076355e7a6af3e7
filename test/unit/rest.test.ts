import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { RESTEvents, type RateLimitData } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../../src/bot/client.js";
import { DiscordRest, isInteractionWebhookRequest } from "../../src/bot/rest.js";

let server: Server;
let api: string;
const seen: { method: string; url: string; auth: string | undefined }[] = [];

beforeAll(async () => {
	server = createServer((req, res) => {
		seen.push({ method: req.method ?? "", url: req.url ?? "", auth: req.headers.authorization });
		req.resume();
		req.on("end", () => {
			res.writeHead(200, { "content-type": "application/json" });
			res.end(JSON.stringify({ id: "1" }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

const APP = "1234567890123456789";
const channel = (i: number) => String(100000000000000000n + BigInt(i));

describe("the bot's REST client", () => {
	it("tells interaction webhook requests from bot-token ones", () => {
		const webhook = `/webhooks/${APP}/aW50ZXJhY3Rpb24/messages/@original` as const;
		expect(isInteractionWebhookRequest({ fullRoute: webhook, auth: false })).toBe(true);
		expect(isInteractionWebhookRequest({ fullRoute: `/webhooks/${APP}/tok`, auth: false })).toBe(true);
		// The same path with the bot's token, and the bot's own routes, keep the global limit.
		expect(isInteractionWebhookRequest({ fullRoute: webhook, auth: true })).toBe(false);
		expect(isInteractionWebhookRequest({ fullRoute: `/channels/${channel(1)}/messages`, auth: false })).toBe(
			false,
		);
		expect(isInteractionWebhookRequest({ fullRoute: `/channels/${channel(1)}/webhooks` })).toBe(false);
	});

	it("sends interaction webhooks past the global limit, and holds the bot's own routes to it", async () => {
		const rest = new DiscordRest({ api, globalRequestsPerSecond: 2, version: "10" }).setToken("bot-token");
		const limited: { manager: string; data: RateLimitData }[] = [];
		rest.on(RESTEvents.RateLimited, (data) => limited.push({ manager: "bot", data }));
		rest.webhooks.on(RESTEvents.RateLimited, (data) => limited.push({ manager: "webhooks", data }));
		try {
			// Eight interactions, each its own token (its own bucket): none waits for the global limit.
			await Promise.all(
				Array.from({ length: 8 }, (_, i) =>
					rest.patch(`/webhooks/${APP}/token-${i}/messages/@original`, {
						auth: false,
						body: { content: "x" },
					}),
				),
			);
			expect(limited).toEqual([]);
			const webhookCalls = seen.filter((call) => call.url.includes("/webhooks/"));
			expect(webhookCalls).toHaveLength(8);
			expect(webhookCalls.every((call) => call.auth === undefined)).toBe(true);

			// Four bot calls to four channels: the third and fourth wait for the global window.
			await Promise.all(
				Array.from({ length: 4 }, (_, i) =>
					rest.patch(`/channels/${channel(i)}/messages/${channel(9)}`, { body: {} }),
				),
			);
			expect(limited.length).toBeGreaterThan(0);
			expect(limited.every(({ manager, data }) => manager === "bot" && data.global)).toBe(true);
			expect(
				seen.filter((call) => call.url.includes("/channels/")).every((c) => c.auth === "Bot bot-token"),
			).toBe(true);
		} finally {
			rest.clearHashSweeper();
			rest.clearHandlerSweeper();
		}
	});

	it("is the REST client the discord.js client uses", () => {
		const client = createClient({ apiBase: api });
		expect(client.rest).toBeInstanceOf(DiscordRest);
		void client.destroy();
	});
});
