import { describe, expect, it } from "vitest";
import { lumaCommandData } from "../../commands/luma/data.js";
import { capabilityProblem } from "../../src/jobs/capabilities.js";
import type { Job } from "../../src/jobs/job.js";
import { CAPABILITIES, capabilitiesFor } from "../../src/providers/capabilities.js";
import { PROVIDER_NAMES } from "../../src/providers/names.js";
import { createAdapter } from "../../src/providers/registry.js";

type Option = { name: string; choices?: { value: string }[]; options?: Option[] };
const sub = (data: ReturnType<typeof lumaCommandData>, name: string) =>
	(data.options as Option[] | undefined)?.find((o) => o.name === name);
const names = (option: Option | undefined) => option?.options?.map((o) => o.name);

const adapter = (name: (typeof PROVIDER_NAMES)[number]) =>
	createAdapter(name, {
		apiKey: "k",
		baseUrl: "http://127.0.0.1:9",
		readFrame: async () => ({ data: Buffer.alloc(0), contentType: "image/png" }),
	});
const frame = { url: "https://cdn.example/a.png", filename: "a.png", size: 10 };

describe("/luma from capabilities", () => {
	it("offers only what each provider can do", () => {
		expect(names(sub(lumaCommandData(CAPABILITIES["302ai"]), "generate"))).toEqual([
			"prompt",
			"start_frame",
			"end_frame",
			"loop",
		]);
		expect(names(sub(lumaCommandData(CAPABILITIES["302ai"]), "extend"))).toEqual(["video", "prompt"]);
		expect(names(sub(lumaCommandData(CAPABILITIES.luma), "generate"))).toEqual([
			"prompt",
			"start_frame",
			"end_frame",
			"aspect_ratio",
			"loop",
			"model",
			"duration",
			"resolution",
		]);
		expect(names(sub(lumaCommandData(CAPABILITIES.luma), "extend"))).toEqual([
			"video",
			"prompt",
			"end_frame",
			"direction",
		]);
	});

	it("puts the configured model first, as the default", () => {
		const models = sub(lumaCommandData(capabilitiesFor("luma", "ray-flash-2")), "generate")?.options?.find(
			(o) => o.name === "model",
		);
		expect(models?.choices?.map((c) => c.value)).toEqual(["ray-flash-2", "ray-2"]);
	});

	it("stays within Discord's limits for every provider", () => {
		for (const name of PROVIDER_NAMES) {
			const data = lumaCommandData(CAPABILITIES[name]);
			for (const subcommand of data.options as Option[]) {
				expect((subcommand.options ?? []).length).toBeLessThanOrEqual(25);
				for (const option of subcommand.options ?? [])
					expect((option.choices ?? []).length).toBeLessThanOrEqual(25);
			}
		}
	});
});

describe("capabilityProblem", () => {
	const generate = (request: Job["request"]) => ({ kind: "generate" as const, request });
	it("names the option a provider cannot do", () => {
		expect(capabilityProblem(adapter("302ai"), generate({ prompt: "p", aspectRatio: "16:9" }))).toEqual({
			code: "unsupported_option",
			params: { provider: "302ai", option: "aspect_ratio", value: "16:9" },
		});
		expect(capabilityProblem(adapter("yescale"), generate({ prompt: "p", aspectRatio: "21:9" }))?.code).toBe(
			"unsupported_option",
		);
		expect(
			capabilityProblem(adapter("acedatacloud"), generate({ prompt: "p", duration: "5s" }))?.params?.option,
		).toBe("duration");
		expect(
			capabilityProblem(adapter("luma"), generate({ prompt: "p", resolution: "8k" }))?.params,
		).toMatchObject({ option: "resolution", value: "8k" });
	});

	it("lets harmless defaults through (loop or enhancement off where there is no such choice)", () => {
		expect(capabilityProblem(adapter("302ai"), generate({ prompt: "p", enhance: false }))).toBeUndefined();
		expect(
			capabilityProblem(adapter("luma"), generate({ prompt: "p", loop: false, startFrame: frame })),
		).toBeUndefined();
	});

	it("checks extensions: by URL, with an end frame, backward", () => {
		const extend = (request: Job["request"], parent: Job["parent"]) => ({
			kind: "extend" as const,
			request,
			parent,
		});
		expect(
			capabilityProblem(adapter("luma"), extend({ prompt: "p" }, { videoUrl: "https://x/v.mp4" }))?.code,
		).toBe("extend_by_url_unsupported");
		expect(
			capabilityProblem(adapter("acedatacloud"), extend({ prompt: "p" }, { videoUrl: "https://x/v.mp4" })),
		).toBeUndefined();
		expect(
			capabilityProblem(adapter("302ai"), extend({ prompt: "p", endFrame: frame }, { videoId: "luma_1" }))
				?.code,
		).toBe("extend_end_frame_unsupported");
		expect(
			capabilityProblem(adapter("yescale"), extend({ prompt: "p", direction: "backward" }, { videoId: "v" }))
				?.code,
		).toBe("extend_backward_unsupported");
		expect(
			capabilityProblem(
				adapter("luma-agents"),
				extend({ prompt: "p", direction: "backward" }, { videoId: "g" }),
			),
		).toBeUndefined();
	});
});
