import type { APIEmbed } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { waitFor } from "../support/wait.js";
import { type Harness, startHarness } from "./harness.js";

let h: Harness;
afterEach(async () => {
	await h.close();
});

const title = (m: { embeds: APIEmbed[] }) => m.embeds[0]?.title;

describe("a file server that never answers", () => {
	it(
		"holds back only its own videos: the others are delivered meanwhile, and it is tried again later",
		{ timeout: 60_000 },
		async () => {
			h = await startHarness({ pollIntervalMs: 200 });
			h.ace.setBehaviour({ mode: "manual" });
			const interactions = Array.from({ length: 10 }, (_, i) =>
				h.discord.sendSlashCommand({
					name: "luma",
					subcommand: "generate",
					options: { prompt: `clip ${i}` },
				}),
			);
			await Promise.all(interactions.map((interaction) => interaction.response()));
			await waitFor(() => h.ace.tasks.size === 10);
			const taskIds = [...h.ace.tasks.keys()];
			const stalled = taskIds.slice(0, 4);
			// Four results sit on a server that takes the request and sends nothing for a minute.
			const endStall = h.ace.addFault({
				method: "GET",
				path: new RegExp(`/files/(${stalled.join("|")})\\.mp4$`),
				ratio: 1,
				faults: [{ delay: 60_000 }],
			});
			for (const taskId of taskIds) h.ace.completeTask(taskId);

			const ready = () => h.discord.messages().filter((m) => title(m) === "Video ready");
			await waitFor(() => ready().length === 6, 10_000);
			const stalledPrompts = new Set(
				stalled.map((id) => (h.ace.tasks.get(id)?.request as { prompt: string }).prompt),
			);
			expect(ready().every((m) => !stalledPrompts.has(m.embeds[0]?.description ?? ""))).toBe(true);

			// The server recovers; the stalled downloads are given up on (no progress) and made again.
			endStall();
			await waitFor(() => ready().length === 10, 40_000);
			expect(h.discord.messages().filter((m) => m.attachments.length === 1)).toHaveLength(10);
			expect(
				h.logs.some((line) => line.includes("download stalled") && line.includes("will try again")),
			).toBe(true);
		},
	);

	it("posts the link at once when the file's server refuses it for good", async () => {
		h = await startHarness({ pollIntervalMs: 200 });
		h.ace.setBehaviour({ mode: "manual" });
		const interaction = h.discord.sendSlashCommand({
			name: "luma",
			subcommand: "generate",
			options: { prompt: "gone from the server" },
		});
		await interaction.response();
		await waitFor(() => h.ace.tasks.size === 1);
		const [taskId] = [...h.ace.tasks.keys()];
		h.ace.addFault({
			method: "GET",
			path: new RegExp(`/files/${taskId}\\.mp4$`),
			ratio: 1,
			faults: [{ status: 404 }],
		});
		h.ace.completeTask(taskId!);
		const ready = await h.discord.waitForMessage((m) => title(m) === "Video ready");
		expect(ready.attachments).toEqual([]);
		expect(ready.content).toContain(`/files/${taskId}.mp4`);
		expect(h.logs.some((line) => line.includes("video download failed; posting the link"))).toBe(true);
	});
});
