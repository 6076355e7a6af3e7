import type { APIEmbed } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import type { Job } from "../../src/jobs/job.js";
import type { Fault } from "../fakes/common/faults.js";
import type { InteractionHandle, StoredMessage } from "../fakes/discord/index.js";
import { waitFor } from "../support/wait.js";
import { type Harness, startHarness } from "./harness.js";

/**
 * The bot under injected faults: Discord and the provider failing a share of their requests for a
 * while, a channel deleted or closed to the bot mid-job. Every job still ends once, where someone
 * sees it, and costs a unit only when its video was seen.
 */

const JOB_TIMEOUT_MS = 20_000;
const POLL_INTERVAL_MS = 200;
const GENERAL = "500000000000000001";
const OTHER = "500000000000000002";
const FINAL = new Set(["Video ready", "Video failed"]);
/** Interaction callbacks carry the 3-second acknowledgement, which has tests of its own. */
const CALLBACK = /\/interactions\/\d+\/[^/]+\/callback$/;

let h: Harness;
afterEach(async () => {
	expect(h.discord.violations).toEqual([]);
	expect(h.provider.violations).toEqual([]);
	await h.close();
});

const start = () =>
	startHarness({
		pollIntervalMs: POLL_INTERVAL_MS,
		jobTimeoutMs: JOB_TIMEOUT_MS,
		discord: {
			guilds: [
				{
					channels: [
						{ id: GENERAL, name: "general" },
						{ id: OTHER, name: "other" },
					],
				},
			],
		},
	});

const title = (m: { embeds: APIEmbed[] } | undefined) => m?.embeds[0]?.title;
const messageOf = (interaction: InteractionHandle): StoredMessage | undefined => {
	const id = interaction.originalMessage()?.id;
	return id === undefined ? undefined : h.discord.messages().find((m) => m.id === id);
};
const stored = (id: string) => h.app.store.openNamespace<Job>("jobs").get(id);
const retries = () => h.logs.filter((line) => line.includes("showing a job failed; will retry")).length;

function generate(prompt: string, channelId = GENERAL, userId?: string): InteractionHandle {
	return h.discord.sendSlashCommand({
		name: "luma",
		subcommand: "generate",
		options: { prompt },
		channelId,
		...(userId && { userId }),
	});
}

/** The server's units used today and jobs in progress, as `/luma quota` tells them. */
async function serverUsage(): Promise<{ used: number; inProgress: number }> {
	const response = await h.discord.sendSlashCommand({ name: "luma", subcommand: "quota" }).response();
	const content = (response.data as { content: string }).content;
	const used = /\*\*Server today:\*\* no limit \((\d+) used\)/.exec(content)?.[1];
	const inProgress = /\*\*In progress:\*\* yours \d+, server (\d+)/.exec(content)?.[1];
	if (used === undefined || inProgress === undefined) throw new Error(`unexpected quota text: ${content}`);
	return { used: Number(used), inProgress: Number(inProgress) };
}

const kindOf = (fault: Fault) =>
	"status" in fault ? fault.status : "delay" in fault ? "delay" : fault.after ? "answer lost" : "reset";

/** Accepted submits (tasks the provider made) per prompt. */
function tasksByPrompt(): Map<string, number> {
	const counts = new Map<string, number>();
	for (const task of h.ace.tasks.values()) {
		const prompt = (task.request as { prompt: string }).prompt;
		counts.set(prompt, (counts.get(prompt) ?? 0) + 1);
	}
	return counts;
}

/** Every job ended once: its message shows the outcome, and no job has a second message. */
function expectEachShownOnce(interactions: InteractionHandle[]): { ready: number; failed: number } {
	let ready = 0;
	let failed = 0;
	for (const interaction of interactions) {
		const message = messageOf(interaction)!;
		if (title(message) === "Video ready") {
			ready++;
			expect(message.attachments).toHaveLength(1);
		} else {
			failed++;
			expect(title(message)).toBe("Video failed");
			expect(message.embeds[0]?.description).toBeTruthy();
			expect(message.attachments).toEqual([]);
		}
	}
	expect(h.discord.messages().filter((m) => m.embeds.length > 0)).toHaveLength(interactions.length);
	return { ready, failed };
}

describe("Discord failing a share of its requests for a while", () => {
	it(
		"delivers each of 30 videos once through 500s, 502s, 429s, cut connections and lost answers",
		{ timeout: 90_000 },
		async () => {
			h = await start();
			h.ace.setBehaviour({ mode: "manual" });
			h.discord.addFault({
				path: "/api/v10/",
				except: CALLBACK,
				ratio: 0.3,
				faults: [
					{ status: 500 },
					{ status: 502 },
					{ status: 429 },
					{ reset: true },
					{ reset: true, after: true },
				],
				seed: 20260301,
				forMs: 15_000,
			});
			const members = h.discord.guild.memberIds;
			const interactions = Array.from({ length: 30 }, (_, i) =>
				generate(`storm clip ${i}`, i % 2 ? OTHER : GENERAL, members[i % members.length]),
			);
			await Promise.all(interactions.map((interaction) => interaction.response(20_000)));
			// A third of the jobs have outlived their token: the bot edits their messages itself.
			for (const interaction of interactions.filter((_, i) => i % 3 === 0))
				h.discord.expireToken(interaction.id);
			await waitFor(() => h.ace.tasks.size === 30, 20_000);
			for (const taskId of h.ace.tasks.keys()) h.ace.startTask(taskId);
			await waitFor(() => h.app.engine.active().every((job) => job.progress === "running"));
			// And every message edit fails when the results come, past discord.js's own retries, until
			// the bot has had to try one again itself.
			const outage = h.discord.addFault({
				method: "PATCH",
				path: "/messages/",
				ratio: 1,
				faults: [{ status: 502 }],
			});
			for (const taskId of h.ace.tasks.keys()) h.ace.completeTask(taskId);
			await waitFor(() => retries() > 0);
			outage();

			await waitFor(
				() => interactions.every((interaction) => title(messageOf(interaction)) === "Video ready"),
				60_000,
			);
			await waitFor(() => h.app.engine.active().length === 0, 20_000);
			const kinds = new Set(h.discord.injectedFaults.map(({ fault }) => kindOf(fault)));
			expect(kinds).toEqual(new Set([500, 502, 429, "reset", "answer lost"]));
			const faulted = new Set(h.discord.injectedFaults.map(({ path }) => path.split("/")[3]));
			expect(faulted).toEqual(new Set(["webhooks", "channels"]));

			expect(expectEachShownOnce(interactions)).toEqual({ ready: 30, failed: 0 });
			expect([...tasksByPrompt().values()]).toEqual(Array<number>(30).fill(1));
			await waitFor(async () => (await serverUsage()).inProgress === 0);
			expect(await serverUsage()).toEqual({ used: 30, inProgress: 0 });
		},
	);
});

/** How the fake provider ends the task of prompt number `i`. */
const outcomeOf = (i: number) => (i % 4 === 0 ? "fails" : i % 8 === 1 ? "never ends" : "completes");

describe("the provider failing a share of its requests", () => {
	it(
		"ends each of 40 jobs once, delivered or failed with its unit back, each submitted once and none past the timeout",
		{ timeout: 90_000 },
		async () => {
			h = await start();
			h.ace.setBehaviour({ mode: "manual" });
			h.ace.addFault({
				path: "/luma/tasks",
				ratio: 0.3,
				faults: [
					{ status: 500 },
					{ status: 502 },
					{ status: 429 },
					{ reset: true },
					{ reset: true, after: true },
					{ delay: 300 },
				],
				seed: 7,
			});
			h.ace.addFault({
				method: "POST",
				path: "/luma/videos",
				ratio: 0.1,
				faults: [{ status: 429 }],
				seed: 11,
			});
			// The provider ends its tasks over a few seconds: some fail, some never end at all.
			const seen = new Map<string, number>();
			const settle = setInterval(() => {
				for (const [taskId, task] of h.ace.tasks) {
					const i = Number(/\d+$/.exec((task.request as { prompt: string }).prompt)?.[0]);
					const at = seen.get(taskId) ?? seen.set(taskId, Date.now()).get(taskId)!;
					if (task.state !== "queued" || Date.now() - at < (i % 5) * 400) continue;
					const outcome = outcomeOf(i);
					if (outcome === "fails") h.ace.failTask(taskId, { code: "api_error", message: "fetch failed" });
					else if (outcome === "never ends") h.ace.startTask(taskId);
					else h.ace.completeTask(taskId);
				}
			}, 50);
			try {
				const interactions = Array.from({ length: 40 }, (_, i) => generate(`rain clip ${i}`));
				await Promise.all(interactions.map((interaction) => interaction.response(20_000)));
				await waitFor(
					() => interactions.every((interaction) => FINAL.has(title(messageOf(interaction)) ?? "")),
					JOB_TIMEOUT_MS + 15_000,
				);
				await waitFor(() => h.app.engine.active().length === 0, 10_000);

				const submitFaults = h.ace.injectedFaults.filter((f) => f.path === "/luma/videos");
				expect(submitFaults.length).toBeGreaterThan(0);
				const queryFaults = h.ace.injectedFaults.filter((f) => f.path === "/luma/tasks");
				expect(new Set(queryFaults.map(({ fault }) => kindOf(fault)))).toEqual(
					new Set([500, 502, 429, "reset", "answer lost", "delay"]),
				);
				// One accepted submit per job: a 429 made no task, and nothing was sent twice.
				expect(tasksByPrompt().size).toBe(40);
				expect([...tasksByPrompt().values()].every((count) => count === 1)).toBe(true);
				const shown = expectEachShownOnce(interactions);
				expect(shown).toEqual({ ready: 25, failed: 15 });
				// Each says why in plain words: the provider's failure, or the wait given up at the timeout.
				const expected = {
					fails: ["Video failed", /had a problem/],
					"never ends": ["Video failed", /did not finish this video/],
					completes: ["Video ready", /.*/],
				} as const;
				for (const [i, interaction] of interactions.entries()) {
					const [heading, reason] = expected[outcomeOf(i)];
					expect(title(messageOf(interaction))).toBe(heading);
					expect(messageOf(interaction)?.embeds[0]?.description ?? "").toMatch(reason);
				}
				const stuck = [...h.ace.tasks.values()].filter((task) => task.state === "processing");
				expect(stuck).toHaveLength(5);
				await waitFor(async () => (await serverUsage()).inProgress === 0);
				expect(await serverUsage()).toEqual({ used: shown.ready, inProgress: 0 });
			} finally {
				clearInterval(settle);
			}
		},
	);
});

describe("a job's channel goes away mid-job", () => {
	const cases = [
		{
			what: "the channel is deleted (10003)",
			lose: (id: string) => h.discord.deleteChannel(id),
			expire: false,
		},
		{
			what: "the bot loses access to it (50001)",
			lose: (id: string) => h.discord.revokeChannelAccess(id),
			expire: true,
		},
	];
	for (const { what, lose, expire } of cases) {
		it(`${what}: a few requests, the outcome sent directly, and the next job elsewhere is unaffected`, async () => {
			h = await start();
			h.ace.setBehaviour({ mode: "manual" });
			const requester = h.discord.guild.memberIds[1]!;
			const first = generate("a channel about to go", GENERAL, requester);
			await first.response();
			await waitFor(() => h.ace.tasks.size === 1);
			const jobId = h.app.engine.active()[0]!.id;
			const taskId = [...h.ace.tasks.keys()][0]!;
			if (expire) h.discord.expireToken(first.id);
			const since = h.discord.requests.length;
			lose(GENERAL);
			h.ace.startTask(taskId);
			await waitFor(() => h.app.engine.active()[0]?.progress === "running");
			// Direct messages fail too when the video is ready, so at first it can go nowhere and the
			// bot tries again pass after pass.
			const outage = h.discord.addFault({
				method: "POST",
				path: "/users/@me/channels",
				ratio: 1,
				faults: [{ status: 500 }],
			});
			h.ace.completeTask(taskId);
			await waitFor(() => retries() >= 5);
			outage();

			const dm = await h.discord.waitForMessage(
				(m) => m.channel_id !== GENERAL && m.channel_id !== OTHER && title(m) === "Video ready",
				15_000,
			);
			expect(dm.content).toContain(`<#${GENERAL}>`);
			// The job leaves the active list as its last write is issued: wait for the write itself.
			await waitFor(async () => (await stored(jobId))?.deliveredVia !== undefined);
			expect((await stored(jobId))?.deliveredVia).toBe("dm");
			expect(h.discord.injectedFaults.length).toBeGreaterThan(0);
			// The refused channel and the dead message were each asked about a bounded number of times.
			const after = () => h.discord.requests.slice(since);
			const touching = () =>
				after().filter((r) => r.path.includes(`/channels/${GENERAL}`) || r.path.includes(first.token));
			expect(touching().length).toBeLessThanOrEqual(3);

			const next = generate("somewhere else", OTHER);
			await next.response();
			await waitFor(() => h.ace.tasks.size === 2);
			h.ace.completeTask([...h.ace.tasks.keys()][1]!);
			await h.discord.waitForMessage(
				(m) => m.id === next.originalMessage()?.id && title(m) === "Video ready",
			);
			expect(messageOf(next)?.attachments).toHaveLength(1);
			expect(touching().length).toBeLessThanOrEqual(3);
			expect(h.discord.messages().filter((m) => title(m) === "Video ready")).toHaveLength(2);
		});
	}
});

describe("an answer lost after Discord made the change", () => {
	it("sends the requester one direct message when the answer to it was cut off", async () => {
		h = await start();
		h.ace.setBehaviour({ mode: "manual" });
		const requester = h.discord.guild.memberIds[1]!;
		const interaction = generate("the answer never came back", GENERAL, requester);
		await interaction.response();
		await waitFor(() => h.ace.tasks.size === 1);
		const jobId = h.app.engine.active()[0]!.id;
		h.discord.expireToken(interaction.id);
		h.discord.revokeChannelAccess(GENERAL);
		// Discord posts the direct message, then the connection drops before its answer arrives.
		h.discord.addFault({
			method: "POST",
			path: /\/channels\/\d+\/messages$/,
			except: new RegExp(GENERAL),
			ratio: 1,
			faults: [{ reset: true, after: true }],
			times: 1,
		});
		h.ace.completeTask([...h.ace.tasks.keys()][0]!);
		// The job leaves the active list as its last write is issued: wait for the write itself.
		await waitFor(async () => (await stored(jobId))?.deliveredVia !== undefined);
		expect(h.discord.injectedFaults).toHaveLength(1);
		expect((await stored(jobId))?.deliveredVia).toBe("dm");
		const dms = h.discord.messages().filter((m) => m.channel_id !== GENERAL && title(m) === "Video ready");
		expect(dms).toHaveLength(1);
	});
});
