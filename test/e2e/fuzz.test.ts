import type { APIEmbed } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type {
	APIAttachmentLike,
	InteractionHandle,
	OptionValue,
	StoredMessage,
} from "../fakes/discord/index.js";
import { pino } from "pino";
import type { Job } from "../../src/jobs/job.js";
import { createStore } from "../../src/store/createStore.js";
import { type Harness, JPEG_BYTES, PNG_BYTES, startHarness } from "./harness.js";
import { seededRandom } from "../support/seededRandom.js";

/**
 * Hostile and broken input, seeded: every interaction is answered (the fake Discord takes a first
 * callback only within 3 s), none reaches the provider or the store as a job, nothing crashes, and
 * a normal request right after still makes a video.
 */
const SEED = 0x1d5eed;
const CASES = 520;
const BATCH = 10;

let h: Harness;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(async () => {
	process.on("unhandledRejection", onUnhandled);
	h = await startHarness();
});
afterEach(async () => {
	process.off("unhandledRejection", onUnhandled);
	await h.close();
});

const EPHEMERAL = 1 << 6;
const embed = (message: StoredMessage | undefined): APIEmbed | undefined => message?.embeds[0];
const jobIdOf = (message: StoredMessage) => /^Job (\S+)/.exec(embed(message)?.footer?.text ?? "")?.[1] ?? "";

/** Every job in the bot's store, read through a store of its own (the bot's may be closed). */
async function storedJobs(): Promise<Job[]> {
	const store = createStore(h.env.STORE_URL, pino({ level: "silent" }));
	try {
		const jobs: Job[] = [];
		for await (const [, job] of store.openNamespace<Job>("jobs").iterator!(undefined)) jobs.push(job as Job);
		return jobs;
	} finally {
		await store.close();
	}
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const int = (rng: Rng, below: number) => Math.floor(rng() * below);

/** Text that shows nothing: zero-width, format and control characters, fillers. */
const INVISIBLES = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u2066", "\u00ad", "\u3164"];
const CONTROLS = ["\u0000", "\u0001", "\u0007", "\u0008", "\u001b", "\u007f", "\u0085", "\t", "\n", "\r"];

function invisible(rng: Rng, length = 1 + int(rng, 40)): string {
	return Array.from({ length }, () => pick(rng, rng() < 0.5 ? INVISIBLES : CONTROLS)).join("");
}

/** Garbage of every shape: long, invisible, separators, lone surrogates, markup. */
function junk(rng: Rng): string {
	const shapes: ((r: Rng) => string)[] = [
		(r) => invisible(r),
		(r) => "x".repeat(10_000 + int(r, 100)),
		(r) => invisible(r, 10_000),
		() => "",
		() => "luma:",
		() => ":::",
		(r) =>
			`luma:${pick(r, ["extend", "delete", "link", "extend-modal", "nope"])}:${"z".repeat(1 + int(r, 300))}`,
		(r) => `luma:extend:${invisible(r)}`,
		() => "\ud800\udfff\ud800",
		() => "<@everyone> @here ``` **",
		() => "../../../etc/passwd",
		() => "%00%ff\\u0000",
		(r) => Array.from({ length: 1 + int(r, 60) }, () => String.fromCharCode(int(r, 0xffff))).join(""),
		() => "🎬".repeat(3_000),
	];
	return pick(rng, shapes)(rng);
}

describe(`hostile and broken input (mulberry32 seed ${SEED.toString(16)})`, () => {
	it(
		`${CASES} malformed interactions are each answered, cost nothing and crash nothing; a normal video right after is delivered`,
		{ timeout: 240_000 },
		async () => {
			const rng = seededRandom(SEED);
			const [owner, alice, bob] = h.discord.guild.memberIds as [string, string, string];
			const members = [owner, alice, bob];

			// One finished clip, for cases that name a real video.
			const first = h.discord.sendSlashCommand({
				name: "luma",
				subcommand: "generate",
				options: { prompt: "a lighthouse at dusk" },
				userId: alice,
			});
			await first.response();
			const clip = await h.discord.waitForMessage(
				(m) => m.id === first.originalMessage()?.id && embed(m)?.title === "Video ready",
			);
			const clipJob = jobIdOf(clip);
			expect(clipJob).not.toBe("");
			const submittedBefore = h.ace.submittedBodies().length;

			// Messages to press things on: the clip, a chat message, bot messages with select menus,
			// and a message in a member's DMs with the bot.
			const chat = h.discord.createMessage({ content: "hello", authorId: bob });
			// Select menus of every kind, under custom ids of the bot's own shape and garbage.
			const selects = [3, 5, 6, 7, 8].flatMap((type) =>
				[`luma:extend:${clipJob}`, `luma:delete:${clipJob}`, `luma:extend-modal:${clipJob}`, "menu"].map(
					(customId) =>
						h.discord.createMessage({
							authorId: h.discord.botUserId,
							content: "choose",
							components: [{ type: 1, components: [{ type, custom_id: customId, options: [] }] }],
						}),
				),
			);
			const dmMessage = h.discord.createMessage({
				channelId: h.discord.dmChannelId(bob),
				authorId: h.discord.botUserId,
				content: "a copy of the clip",
				components: clip.components,
			});

			/** Attachments that lie about their type or size, or whose URL fails. */
			const lyingAttachment = (r: Rng): APIAttachmentLike => {
				const shapes: ((r: Rng) => APIAttachmentLike)[] = [
					// Says PNG, is not an image.
					() =>
						h.discord.addAttachment({
							filename: "cat.png",
							data: Buffer.from("GIF89a definitely not a png"),
							contentType: "image/png",
						}),
					// Says PNG, is empty.
					() =>
						h.discord.addAttachment({
							filename: "empty.png",
							data: Buffer.alloc(0),
							contentType: "image/png",
						}),
					// Says it is small; is a JPEG of 11 MB.
					() => {
						const big = Buffer.alloc(11 * 1024 * 1024, 0x20);
						JPEG_BYTES.copy(big);
						return {
							...h.discord.addAttachment({ filename: "big.jpg", data: big, contentType: "image/jpeg" }),
							size: 1024,
						};
					},
					// Says it is 11 MB.
					() => ({
						...h.discord.addAttachment({ filename: "huge.png", data: PNG_BYTES, contentType: "image/png" }),
						size: 11 * 1024 * 1024,
					}),
					// A negative size on text.
					() => ({
						...h.discord.addAttachment({
							filename: "x.jpg",
							data: Buffer.from("hello"),
							contentType: "image/jpeg",
						}),
						size: -1,
					}),
					// The CDN has no such file.
					() => {
						const real = h.discord.addAttachment({
							filename: "gone.png",
							data: PNG_BYTES,
							contentType: "image/png",
						});
						return { ...real, url: real.url.replace(/\/\d+\/gone\.png$/, "/1/gone.png") };
					},
					// The CDN never answers.
					() =>
						h.discord.addAttachment({
							filename: "slow.png",
							data: PNG_BYTES,
							contentType: "image/png",
							stalls: true,
						}),
					// Not a URL that can be fetched.
					() => ({
						...h.discord.addAttachment({ filename: "odd.png", data: PNG_BYTES, contentType: "image/png" }),
						url: pick(r, [
							"javascript:alert(1)",
							"file:///etc/passwd",
							"http://127.0.0.1:1/x.png",
							"not a url",
						]),
					}),
				];
				return pick(r, shapes)(r);
			};

			const badPrompt = (r: Rng) =>
				pick(r, [
					() => invisible(r),
					() => invisible(r, 10_000),
					() => "a".repeat(10_000),
					() => `${invisible(r)}${"b".repeat(2_001)}`,
					() => "\u0000\u0000\u0000",
					() => " \u200b \u3164 \u115f ",
				])();

			type Case = { kind: string; send: () => InteractionHandle };
			const kinds: ((r: Rng) => Case)[] = [
				(r) => ({
					kind: "generate: bad prompt",
					send: () =>
						h.discord.sendSlashCommand({
							name: "luma",
							subcommand: "generate",
							options: { prompt: badPrompt(r) },
							userId: pick(r, members),
						}),
				}),
				(r) => ({
					kind: "generate: option the command does not allow",
					send: () =>
						h.discord.sendSlashCommand({
							name: "luma",
							subcommand: "generate",
							options: pick<Record<string, OptionValue>>(r, [
								{ prompt: "a cat", aspect_ratio: junk(r) },
								{ prompt: "a cat", aspect_ratio: "99:1" },
								{ prompt: "a cat", model: "ray-9" },
								{ prompt: "a cat", duration: "600s" },
								{ prompt: "a cat", resolution: "16k" },
								{ prompt: "a cat", loop: "yes" },
								{ prompt: "a cat", enhance: 1 },
								{ prompt: 42 },
								{ prompt: true },
								{ prompt: "a cat", start_frame: "1234567890" },
								{ prompt: "a cat", mystery: junk(r) },
								{ aspect_ratio: "16:9" },
							]),
							userId: pick(r, members),
						}),
				}),
				(r) => ({
					kind: "generate: attachment that lies or fails",
					send: () =>
						h.discord.sendSlashCommand({
							name: "luma",
							subcommand: "generate",
							options: { prompt: "a cat", [pick(r, ["start_frame", "end_frame"])]: lyingAttachment(r) },
							userId: pick(r, members),
						}),
				}),
				(r) => ({
					kind: "extend: bad video, prompt, frame or option",
					send: () =>
						h.discord.sendSlashCommand({
							name: "luma",
							subcommand: "extend",
							options: pick(r, [
								() => ({ video: junk(r), prompt: "go on" }),
								() => ({ video: `https://discord.com/channels/${h.discord.guild.id}/1/2` }),
								() => ({ video: "https://", prompt: "go on" }),
								() => ({ video: "https://videos.example/x.mp4" }),
								() => ({ video: clipJob, prompt: badPrompt(r) }),
								() => ({ video: clipJob, prompt: "go on", end_frame: lyingAttachment(r) }),
								() => ({ video: clipJob, prompt: "go on", direction: junk(r) || "sideways" }),
								() => ({ video: clipJob, prompt: "go on", mystery: 7 }),
								() => ({ video: 12345, prompt: "go on" }),
								() => ({ prompt: "go on" }),
							])(),
							userId: pick(r, members),
						}),
				}),
				(r) => ({
					kind: "/luma with an unknown subcommand, or an unknown command",
					send: () =>
						pick(r, [
							() => h.discord.sendSlashCommand({ name: "luma", subcommand: junk(r) || "nope", options: {} }),
							() => h.discord.sendSlashCommand({ name: "luma", options: { prompt: "a cat" } }),
							() => h.discord.sendSlashCommand({ name: junk(r) || "nope", options: { prompt: "a cat" } }),
							() =>
								h.discord.sendSlashCommand({
									name: "luma",
									subcommandGroup: "generate",
									subcommand: "generate",
									options: { prompt: "a cat" },
								}),
						])(),
				}),
				(r) => ({
					kind: "/luma-admin with bad options",
					send: () => {
						const admin = (input: {
							subcommand: string;
							subcommandGroup?: string;
							options?: Record<string, string | number | boolean>;
						}) => h.discord.sendSlashCommand({ name: "luma-admin", userId: owner, ...input });
						return pick(r, [
							() =>
								admin({
									subcommand: "limits",
									options: {
										[pick(r, ["server_daily", "member_daily", "member_cooldown_seconds"])]: pick(r, [
											-1,
											1.5,
											1e12,
											-1e9,
											"ten",
											true,
										]),
									},
								}),
							() => admin({ subcommand: "limits", options: { time_zone: junk(r) || "Mars/Olympus" } }),
							() =>
								admin({
									subcommandGroup: "channels",
									subcommand: "allow",
									options: { channel: "123456789012345678" },
								}),
							() =>
								admin({ subcommandGroup: "channels", subcommand: "allow", options: { channel: junk(r) } }),
							() => admin({ subcommandGroup: "roles", subcommand: "require", options: { role: "42" } }),
							() => admin({ subcommand: "ban", options: { user: "42" } }),
							() => admin({ subcommand: "ban", options: {} }),
							() => admin({ subcommand: "reset", options: { user: "42" } }),
							() => admin({ subcommandGroup: "log-channel", subcommand: "set", options: { channel: 7 } }),
							() =>
								admin({
									subcommandGroup: "blocklist",
									subcommand: "add",
									options: {
										entry: pick(r, [
											"x".repeat(10_000),
											"/(/",
											"/(a)\\1/",
											"/.*/",
											"",
											invisible(r),
											"/x/zz",
										]),
									},
								}),
							() =>
								admin({
									subcommandGroup: "settings",
									subcommand: "language",
									options: { language: junk(r) || "xx" },
								}),
							() => admin({ subcommand: junk(r) || "nope" }),
							() => admin({ subcommandGroup: junk(r) || "nope", subcommand: "list" }),
							() => admin({ subcommandGroup: "channels", subcommand: "nope" }),
						])();
					},
				}),
				(r) => ({
					kind: "button with a forged, over-long or garbage custom id",
					send: () =>
						h.discord.sendButton({
							customId: pick(r, [
								() => junk(r),
								() => `luma:delete:${"a".repeat(1 + int(r, 20))}`,
								() => `luma:delete:${clipJob}:again`,
								() => `luma:extend-modal:${clipJob}`,
								() => `luma:link:${clipJob}`,
								() => `luma:extend:${clipJob}${"x".repeat(200)}`,
								() => `LUMA:EXTEND:${clipJob.toUpperCase()}`,
								() => `luma:extend:${"0".repeat(5_000)}`,
							])(),
							messageId: pick(r, [clip.id, chat.id]),
							userId: pick(r, members),
						}),
				}),
				(r) => ({
					kind: "select menu with forged values or custom id",
					send: () => {
						const message = pick(r, selects);
						const menu = JSON.stringify(message.components);
						const customId = /"custom_id":"([^"]+)"/.exec(menu)?.[1] ?? "";
						return h.discord.sendButton({
							customId,
							messageId: message.id,
							values: Array.from({ length: int(r, 4) }, () => junk(r).slice(0, 200)),
							userId: pick(r, members),
						});
					},
				}),
				(r) => ({
					kind: "modal submit with missing, extra or garbage fields",
					send: () =>
						h.discord.sendModalSubmit({
							customId: pick(r, [
								`luma:extend-modal:${clipJob}`,
								`luma:extend-modal:${clipJob}`,
								`luma:extend:${clipJob}`,
								"luma:extend-modal:zzzz",
								junk(r),
							]),
							fields: pick(r, [
								() => ({}),
								() => ({ other: "a fox" }),
								() => ({ prompt: badPrompt(r) }),
								() => ({ prompt: badPrompt(r), extra: junk(r), another: "x" }),
								() => ({ [junk(r).slice(0, 100) || "x"]: junk(r) }),
							])(),
							messageId: clip.id,
							userId: pick(r, members),
						}),
				}),
				(r) => ({
					kind: "autocomplete with junk",
					send: () =>
						pick(r, [
							() =>
								h.discord.sendAutocomplete({
									name: "luma",
									subcommand: "extend",
									focused: "video",
									value: junk(r),
								}),
							() =>
								h.discord.sendAutocomplete({
									name: "luma",
									subcommand: "extend",
									focused: "prompt",
									value: junk(r),
								}),
							() =>
								h.discord.sendAutocomplete({
									name: "luma",
									subcommand: "generate",
									focused: "prompt",
									value: junk(r),
								}),
							() =>
								h.discord.sendAutocomplete({
									name: "luma",
									subcommand: junk(r) || "x",
									focused: "video",
									value: "a",
								}),
							() =>
								h.discord.sendAutocomplete({
									name: "luma-admin",
									subcommand: "ban",
									focused: "user",
									value: junk(r),
								}),
							() => h.discord.sendAutocomplete({ name: junk(r) || "x", focused: "video", value: junk(r) }),
							() =>
								h.discord.sendAutocomplete({
									name: "luma",
									subcommand: "extend",
									focused: "video",
									value: 12345 as unknown as string,
								}),
						])(),
				}),
				(r) => ({
					kind: "direct message with the bot",
					send: () => {
						const userId = pick(r, members);
						return pick(r, [
							() =>
								h.discord.sendSlashCommand({
									dm: true,
									userId,
									name: "luma",
									subcommand: "generate",
									options: { prompt: "a cat" },
								}),
							() =>
								h.discord.sendSlashCommand({
									dm: true,
									userId,
									name: "luma",
									subcommand: "extend",
									options: { video: clipJob, prompt: "go on" },
								}),
							() => h.discord.sendSlashCommand({ dm: true, userId, name: "luma", subcommand: "quota" }),
							() => h.discord.sendSlashCommand({ dm: true, userId, name: "luma-admin", subcommand: "usage" }),
							() =>
								h.discord.sendSlashCommand({
									dm: true,
									userId,
									name: "luma-admin",
									subcommand: "limits",
									options: { server_daily: 3 },
								}),
							() =>
								h.discord.sendButton({
									dm: true,
									userId: bob,
									customId: `luma:extend:${clipJob}`,
									messageId: dmMessage.id,
								}),
							() =>
								h.discord.sendButton({
									dm: true,
									userId: bob,
									customId: `luma:delete:${clipJob}`,
									messageId: dmMessage.id,
								}),
							() =>
								h.discord.sendModalSubmit({
									dm: true,
									userId,
									customId: `luma:extend-modal:${clipJob}`,
									fields: { prompt: "go on" },
								}),
							() =>
								h.discord.sendAutocomplete({
									dm: true,
									userId,
									name: "luma",
									subcommand: "extend",
									focused: "video",
									value: "",
								}),
						])();
					},
				}),
				(r) => ({
					kind: "context menu on the wrong message or unknown",
					send: () =>
						pick(r, [
							() =>
								h.discord.sendMessageCommand({
									name: "Extend video",
									targetMessageId: chat.id,
									userId: pick(r, members),
								}),
							() =>
								h.discord.sendMessageCommand({ name: "Extend video", targetMessageId: pick(r, selects).id }),
							() => h.discord.sendMessageCommand({ name: junk(r) || "x", targetMessageId: clip.id }),
						])(),
				}),
			];

			const seen = new Map<string, number>();
			/** Interaction id → its case, to name the case behind a message it left. */
			const sent = new Map<string, string>();
			const unanswered: string[] = [];
			for (let start = 0; start < CASES; start += BATCH) {
				const batch = Array.from({ length: Math.min(BATCH, CASES - start) }, () => pick(rng, kinds)(rng));
				await Promise.all(
					batch.map(async (c, i) => {
						seen.set(c.kind, (seen.get(c.kind) ?? 0) + 1);
						let handle: InteractionHandle;
						try {
							handle = c.send();
							sent.set(handle.id, `#${start + i} ${c.kind}`);
						} catch (error) {
							unanswered.push(`#${start + i} ${c.kind}: could not be sent (${String(error)})`);
							return;
						}
						await handle.response(5_000).catch(() => unanswered.push(`#${start + i} ${c.kind}`));
					}),
				);
			}
			expect(unanswered).toEqual([]);
			expect([...seen.keys()].sort()).toEqual(kinds.map((k) => k(seededRandom(1)).kind).sort());

			// A normal request right after is made and delivered.
			const normal = h.discord.sendSlashCommand({
				name: "luma",
				subcommand: "generate",
				options: { prompt: "a paper boat after the storm" },
				userId: bob,
			});
			await normal.response();
			await h.discord.waitForMessage(
				(m) => m.id === normal.originalMessage()?.id && embed(m)?.title === "Video ready",
				20_000,
			);

			// Whatever was still running (frames whose file never answers) finishes with the stop.
			await h.app.stop();
			// Nothing was made for any case: the only jobs are the clip and the normal request.
			const made = (await storedJobs())
				.filter((job) => job.id !== clipJob && job.request.prompt !== "a paper boat after the storm")
				.map((job) => `${job.kind} by ${job.userId}: ${JSON.stringify(job.request)}`);
			expect(made).toEqual([]);
			// Refusals are private: no public message of any case is left in a channel.
			const publicTraces = h.discord
				.messages()
				.filter((m) => m.interaction_id !== undefined && sent.has(m.interaction_id) && !(m.flags & EPHEMERAL))
				.map((m) => `${sent.get(m.interaction_id!)}: ${m.content || JSON.stringify(m.embeds)}`);
			expect(publicTraces).toEqual([]);
			expect(h.ace.submittedBodies()).toHaveLength(submittedBefore + 1);
			expect(h.ace.submittedBodies().at(-1)).toMatchObject({ prompt: "a paper boat after the storm" });
			expect(unhandled).toEqual([]);
			const errors = h.logs.filter((line) => /"level":(50|60)/.test(line));
			expect(errors).toEqual([]);
		},
	);
});
