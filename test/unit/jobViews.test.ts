import { describe, expect, it } from "vitest";
import { translator } from "../../src/bot/i18n/translate.js";
import { failureView, pendingView, resultView } from "../../src/bot/views/jobViews.js";
import { aJob } from "../support/jobFixture.js";

const t = translator("en");

const job = aJob;

/** Every text of every embed within Discord's limits. */
function expectWithinLimits(view: ReturnType<typeof pendingView>) {
	for (const embed of view.embeds) {
		expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
		expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
		expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
		expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
		for (const field of embed.fields ?? []) {
			expect(field.name.length).toBeGreaterThan(0);
			expect(field.name.length).toBeLessThanOrEqual(256);
			expect(field.value.length).toBeGreaterThan(0);
			expect(field.value.length).toBeLessThanOrEqual(1024);
		}
	}
}

describe("job views", () => {
	it("draw the pending, result and failure messages as Discord's embeds and buttons", () => {
		const pending = pendingView(t, job());
		expect(pending.embeds[0]).toMatchObject({
			color: 0x5865f2,
			title: "Making your video",
			description: "a lantern drifting over the sea",
			footer: { text: expect.stringContaining("j1") },
		});
		const done = job({
			state: "succeeded",
			finishedAt: 90_000,
			result: {
				videoUrl: "https://files.example/v.mp4",
				videoId: "v1",
				thumbnailUrl: "https://files.example/t.jpg",
			},
		});
		const result = resultView(t, done);
		expect(result.embeds[0]).toMatchObject({
			title: "Video ready",
			thumbnail: { url: "https://files.example/t.jpg" },
		});
		expect(result.components[0]).toMatchObject({
			type: 1,
			components: [
				{ type: 2, style: 1, custom_id: expect.any(String) },
				{ type: 2, style: 5, url: "https://files.example/v.mp4" },
				{ type: 2, style: 4, custom_id: expect.any(String) },
			],
		});
		const failed = failureView(t, job({ state: "failed", error: { code: "moderated" } }));
		expect(failed.embeds[0]).toMatchObject({ color: 0xed4245, title: "Video failed" });
		for (const view of [pending, result, failed]) expectWithinLimits(view);
	});

	it("keep every text within Discord's limits, whatever the request held", () => {
		const prompt = `${"long ".repeat(2000)}end`;
		const huge = job({
			request: { prompt, model: "m".repeat(2000), aspectRatio: "16:9" },
			state: "succeeded",
			result: { videoUrl: "https://files.example/v.mp4", videoId: "v".repeat(2000) },
		});
		expectWithinLimits(pendingView(t, huge));
		expectWithinLimits(resultView(t, huge));
		expectWithinLimits(failureView(t, { ...huge, state: "failed", error: { code: "moderated" } }));
	});
});
