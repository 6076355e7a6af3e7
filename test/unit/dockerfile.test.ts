import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const dockerfile = readFileSync(join(root, "Dockerfile"), "utf8");
const lines = dockerfile.split("\n").map((line) => line.trim());
const outDir = mkdtempSync(join(tmpdir(), "luma-docker-build-"));

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Docker cannot run here, so check what the image is made of instead. */
describe("Dockerfile", () => {
	it("copies only files that exist in the repository", () => {
		const sources = lines
			.filter((line) => line.startsWith("COPY ") && !line.includes("--from="))
			.flatMap((line) => line.split(/\s+/).slice(1, -1));
		expect(sources.length).toBeGreaterThan(3);
		for (const source of sources) expect(existsSync(join(root, source)), source).toBe(true);
	});

	it("runs as a non-root user with a data volume and production dependencies only", () => {
		expect(lines).toContain("USER node");
		expect(dockerfile).toMatch(/VOLUME \["\/app\/data"\]/);
		expect(dockerfile).toMatch(/npm prune --omit=dev/);
		expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
	});

	it("runs the same command as npm start", () => {
		const cmd = JSON.parse(lines.find((line) => line.startsWith("CMD "))!.slice(4)) as string[];
		const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
			scripts: Record<string, string>;
		};
		expect(cmd.join(" ")).toBe(pkg.scripts.start);
	});

	it("starts a file that the build produces", { timeout: 120_000 }, async () => {
		const cmd = lines.find((line) => line.startsWith("CMD "));
		const entry = (JSON.parse(cmd!.slice(4)) as string[]).find((part) => part.startsWith("dist/"));
		expect(entry).toBeDefined();
		expect(dockerfile).toMatch(/RUN npm run build/);
		const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
			scripts: Record<string, string>;
		};
		expect(pkg.scripts.build).toBe("tsc -p tsconfig.build.json");
		// The same build the image runs, into a scratch folder standing in for /app/dist.
		await promisify(execFile)(
			process.execPath,
			[join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", outDir],
			{ cwd: root },
		);
		expect(existsSync(join(outDir, entry!.slice("dist/".length)))).toBe(true);
		expect(existsSync(join(outDir, "scripts/deploy-commands.js"))).toBe(true);
	});
});
