import { describe, expect, it } from "vitest";
import { messageBody, multipartBody } from "../../src/bot/multipart.js";

/** Reads a body back the way a server does (undici's own multipart parser). */
async function parse(body: Buffer, contentType: string) {
	return new Response(body, { headers: { "content-type": contentType } }).formData();
}

describe("multipartBody", () => {
	it("holds the payload as payload_json and each file as files[n] with its name, type and bytes", async () => {
		const video = Buffer.alloc(300_000, 7);
		const payload = { content: "", embeds: [{ title: "Video ready" }], attachments: [{ id: 0 }] };
		const { body, contentType } = multipartBody(payload, [
			{ name: "clip.mp4", data: video, contentType: "video/mp4" },
			{ name: 'odd "name"\r\n.txt', data: "text", key: "files[7]" },
		]);
		const form = await parse(body, contentType);
		expect(JSON.parse(String(form.get("payload_json")))).toEqual(payload);
		const clip = form.get("files[0]") as File;
		expect(clip.name).toBe("clip.mp4");
		expect(clip.type).toBe("video/mp4");
		expect(Buffer.from(await clip.arrayBuffer()).equals(video)).toBe(true);
		const odd = form.get("files[7]") as File;
		expect(odd.name).toBe('odd "name"\r\n.txt');
		expect(await odd.text()).toBe("text");
		expect([...form.keys()]).toEqual(["payload_json", "files[0]", "files[7]"]);
	});

	it("keeps a body without files as JSON for the REST client", () => {
		expect(messageBody({ content: "hi" }, undefined)).toEqual({ body: { content: "hi" } });
		expect(messageBody({ content: "hi" }, [])).toEqual({ body: { content: "hi" } });
		const withFile = messageBody({ content: "hi" }, [{ name: "a.mp4", data: Buffer.from("x") }]);
		expect(withFile.passThroughBody).toBe(true);
		expect(String(withFile.headers?.["Content-Type"])).toMatch(/^multipart\/form-data; boundary=/);
		expect(Buffer.isBuffer(withFile.body)).toBe(true);
	});
});
