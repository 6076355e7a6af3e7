import type { APIEmbed } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { GENERIC_ERROR } from "../../src/bot/router.js";
import type { Store } from "../../src/store/createStore.js";
import { waitFor } from "../support/wait.js";
import { type Harness, startHarness } from "./harness.js";

let h: Harness;
afterEach(async () => {
	writes.open();
	expect(h.discord.violations).toEqual([]);
	await h.close();
});

/** Holds or fails every write to the bot's store while told to. */
class WriteGate {
	#held: Promise<void> | undefined;
	#release: (() => void) | undefined;
	failing = false;
	hold(): void {
		this.#held ??= new Promise((resolve) => (this.#release = resolve));
	}
	open(): void {
		this.failing = false;
		this.#release?.();
		this.#held = undefined;
	}
	async pass(): Promise<void> {
		await this.#held;
		if (this.failing) throw new Error("store unavailable (test)");
	}
	wrap(store: Store): Store {
		return {
			kind: store.kind,
			shared: store.shared,
			claims: store.claims,
			versioned: <T>(namespace: string) => store.versioned<T>(namespace),
			openNamespace: <T>(namespace: string) => {
				const keyv = store.openNamespace<T>(namespace);
				const set = keyv.set.bind(keyv);
				const remove = keyv.delete.bind(keyv);
				keyv.set = (async (...args: Parameters<typeof set>) => {
					await this.pass();
					return set(...args);
				}) as typeof keyv.set;
				keyv.delete = (async (...args: Parameters<typeof remove>) => {
					await this.pass();
					return remove(...args);
				}) as typeof keyv.delete;
				return keyv;
			},
			close: () => store.close(),
		};
	}
}
const writes = new WriteGate();

const EPHEMERAL = 1 << 6;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const embedOf = (message: { embeds: APIEmbed[] } | undefined) => message?.embeds[0];
const generate = (prompt: string) =>
	h.discord.sendSlashCommand({ name: "luma", subcommand: "generate", options: { prompt } });

describe("the first answer to a text-only request", () => {
	it("is shown while the store is held, and nothing is sent until the job is stored", async () => {
		h = await startHarness({ wrapStore: (store) => writes.wrap(store) });
		h.ace.setBehaviour({ mode: "manual" });

		writes.hold();
		const interaction = generate("a lighthouse in fog");
		const response = await interaction.response();
		expect(response.type).toBe(4);
		expect(embedOf(interaction.originalMessage())?.title).toBe("Making your video");

		// The job and its unit are not in the store yet: the provider has not been asked.
		await sleep(500);
		expect(h.ace.submittedBodies()).toHaveLength(0);

		writes.open();
		await waitFor(() => h.ace.submittedBodies().length === 1);
		h.ace.completeTask([...h.ace.tasks.keys()][0]!);
		const id = interaction.originalMessage()!.id;
		await h.discord.waitForMessage((m) => m.id === id && embedOf(m)?.title === "Video ready");
	});

	it("is taken back when the store refuses the job: a private error, nothing sent, the unit given back", async () => {
		h = await startHarness({
			wrapStore: (store) => writes.wrap(store),
			env: { USER_DAILY_LIMIT: "1" },
		});
		h.ace.setBehaviour({ mode: "manual" });

		writes.hold();
		writes.failing = true;
		const interaction = generate("a glass city");
		await interaction.response();
		writes.open();
		writes.failing = true;
		const followUp = await h.discord.waitForRequest(
			(r) => r.method === "POST" && r.path.includes(`/webhooks/`) && r.path.includes(interaction.token),
		);
		const body = followUp.body as { content?: string; flags?: number };
		expect(body.content).toBe(GENERIC_ERROR);
		expect((body.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
		await waitFor(() =>
			h.discord.requests.some(
				(r) => r.method === "DELETE" && r.path.endsWith(`${interaction.token}/messages/@original`),
			),
		);
		expect(interaction.originalMessage()).toBeUndefined();
		expect(
			h.logs.some((line) => line.includes("interaction failed") && line.includes("store unavailable")),
		).toBe(true);

		// The store is back: the member's one video of the day was not spent on the failure.
		writes.open();
		const next = generate("a glass city, again");
		const answer = await next.response();
		expect(((answer.data as { flags?: number }).flags ?? 0) & EPHEMERAL).toBe(0);
		await waitFor(() => h.ace.submittedBodies().length === 1);
		expect(h.ace.submittedBodies()[0]).toMatchObject({ prompt: "a glass city, again" });
	});

	it("ends the job unsent when Discord refuses the answer: nothing submitted, the unit given back", async () => {
		h = await startHarness({ wrapStore: (store) => writes.wrap(store), env: { USER_DAILY_LIMIT: "1" } });
		h.ace.setBehaviour({ mode: "manual" });
		h.discord.injectError(
			{ method: "POST", pathPattern: /\/interactions\/\d+\/[^/]+\/callback/ },
			{ status: 400, code: 50035, message: "Invalid Form Body" },
		);
		generate("refused by discord");
		await waitFor(() => h.logs.some((line) => line.includes("interaction failed")));
		await waitFor(() => h.app.engine.active().length === 0);
		expect(h.ace.submittedBodies()).toHaveLength(0);

		// The member's one video of the day was not spent.
		const next = generate("and now it works");
		const answer = await next.response();
		expect(((answer.data as { flags?: number }).flags ?? 0) & EPHEMERAL).toBe(0);
		await waitFor(() => h.ace.submittedBodies().length === 1);
	});
});

describe("the first answer during a burst", () => {
	it("is a public thinking first, replaced by the pending view once the burst is answered", async () => {
		h = await startHarness();
		h.ace.setBehaviour({ mode: "manual" });
		// The first answer is slow to reach Discord, so the second request comes while it waits
		// (for less than the longest the pending view waits for a burst to be answered).
		h.discord.addFault({ method: "POST", path: /\/callback$/, ratio: 1, faults: [{ delay: 150 }], times: 1 });

		const first = generate("a harbour at dawn");
		await waitFor(() => h.discord.injectedFaults.length === 1);
		const second = generate("a harbour at dusk");

		// Alone, the pending view is the answer itself; behind a waiting one, a "thinking…" comes first.
		const secondAnswer = await second.response();
		expect(secondAnswer.type).toBe(5);
		expect(((secondAnswer.data as { flags?: number } | undefined)?.flags ?? 0) & EPHEMERAL).toBe(0);
		const firstAnswer = await first.response();
		expect(firstAnswer.type).toBe(4);
		expect((firstAnswer.data as { embeds?: APIEmbed[] }).embeds?.[0]?.title).toBe("Making your video");

		// The pending view replaces the same message, after the first request had its answer.
		const pending = await h.discord.waitForMessage(
			(m) => m.id === second.originalMessage()?.id && embedOf(m)?.title === "Making your video",
		);
		expect(embedOf(pending)?.description).toBe("a harbour at dusk");
		const firstCallback = h.discord.requests.find(
			(r) => r.method === "POST" && r.path.endsWith(`/${first.token}/callback`),
		);
		const edit = h.discord.requests.find(
			(r) => r.method === "PATCH" && r.path.endsWith(`/${second.token}/messages/@original`),
		);
		expect(firstCallback).toBeDefined();
		expect(edit!.at).toBeGreaterThanOrEqual(firstCallback!.at);

		// Each is made once and delivered into its own first message.
		await waitFor(() => h.ace.submittedBodies().length === 2);
		for (const taskId of h.ace.tasks.keys()) h.ace.completeTask(taskId);
		for (const interaction of [first, second]) {
			const id = interaction.originalMessage()!.id;
			await h.discord.waitForMessage((m) => m.id === id && embedOf(m)?.title === "Video ready");
		}
		expect(h.ace.submittedBodies()).toHaveLength(2);
		expect(h.discord.messages().filter((m) => embedOf(m)?.title === "Video ready")).toHaveLength(2);
	});

	it("goes ahead when the pending view cannot replace the first answer: the outcome replaces it", async () => {
		h = await startHarness();
		h.ace.setBehaviour({ mode: "manual" });
		h.discord.addFault({ method: "POST", path: /\/callback$/, ratio: 1, faults: [{ delay: 150 }], times: 1 });
		// Past discord.js's own retries.
		h.discord.addFault({
			method: "PATCH",
			path: /\/messages\/@original$/,
			ratio: 1,
			faults: [{ status: 500 }],
			times: 4,
		});

		generate("a quiet lake");
		await waitFor(() => h.discord.injectedFaults.length === 1);
		const second = generate("a loud lake");
		expect((await second.response()).type).toBe(5);
		await waitFor(() => h.logs.some((line) => line.includes("could not show the pending message")));

		await waitFor(() => h.ace.submittedBodies().length === 2);
		expect(h.discord.injectedFaults).toHaveLength(5);
		for (const taskId of h.ace.tasks.keys()) h.ace.completeTask(taskId);
		const id = second.originalMessage()!.id;
		const ready = await h.discord.waitForMessage((m) => m.id === id && embedOf(m)?.title === "Video ready");
		expect(embedOf(ready)?.description).toBe("a loud lake");
		expect(h.logs.some((line) => line.includes("interaction failed"))).toBe(false);
	});
});
