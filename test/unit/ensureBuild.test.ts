import { spawnSync } from "node:child_process";
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	rmSync,
	statSync,
	symlinkSync,
	utimesSync,
	writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
let project: string;

afterEach(() => rmSync(project, { recursive: true, force: true }));

/** A small project laid out as this one: scripts/ensure-build.mjs, src/, tsconfig.build.json. */
function makeProject(options: { typescript: boolean }): string {
	project = mkdtempSync(join(tmpdir(), "luma-ensure-build-"));
	mkdirSync(join(project, "scripts"));
	copyFileSync(join(root, "scripts", "ensure-build.mjs"), join(project, "scripts", "ensure-build.mjs"));
	writeFileSync(join(project, "package.json"), JSON.stringify({ name: "p", type: "module" }));
	writeFileSync(
		join(project, "tsconfig.build.json"),
		JSON.stringify({
			compilerOptions: { module: "NodeNext", target: "ES2023", rootDir: ".", outDir: "dist", types: [] },
			include: ["src", "commands", "scripts"],
		}),
	);
	write("src/index.ts", "export const answer: number = 42;\n");
	write("src/bot/part.ts", "export const part = 'a';\n");
	mkdirSync(join(project, "node_modules"));
	if (options.typescript)
		symlinkSync(join(root, "node_modules", "typescript"), join(project, "node_modules", "typescript"));
	return project;
}

function write(name: string, text: string): void {
	mkdirSync(dirname(join(project, name)), { recursive: true });
	writeFileSync(join(project, name), text);
}

/** Sets a file's modification time to `secondsAgo` in the past. */
function age(name: string, secondsAgo: number): void {
	const at = new Date(Date.now() - secondsAgo * 1000);
	utimesSync(join(project, name), at, at);
}

/** Runs the script as `npm start` does, without this repository's node_modules on any path. */
function ensureBuild(...args: string[]) {
	const result = spawnSync(process.execPath, [join(project, "scripts", "ensure-build.mjs"), ...args], {
		cwd: project,
		env: { PATH: dirname(process.execPath) },
		encoding: "utf8",
		timeout: 60_000,
	});
	return { code: result.status, stderr: result.stderr };
}

const mtime = (name: string) => statSync(join(project, name)).mtimeMs;

describe("scripts/ensure-build.mjs (npm start builds only when it must)", () => {
	it("builds a missing dist/ when TypeScript is installed", { timeout: 60_000 }, () => {
		makeProject({ typescript: true });
		const { code, stderr } = ensureBuild();
		expect(code, stderr).toBe(0);
		expect(stderr).toMatch(/^Building dist\/ \(dist\/src\/index\.js is missing\)/);
		expect(existsSync(join(project, "dist/src/index.js"))).toBe(true);
		expect(existsSync(join(project, "dist/src/bot/part.js"))).toBe(true);
	});

	it("does nothing, quietly, when the build is current", { timeout: 60_000 }, () => {
		makeProject({ typescript: true });
		expect(ensureBuild().code).toBe(0);
		const built = mtime("dist/src/index.js");
		expect(ensureBuild()).toEqual({ code: 0, stderr: "" });
		expect(mtime("dist/src/index.js")).toBe(built);
	});

	it("builds again when a source is newer than its output, or has none", { timeout: 60_000 }, () => {
		makeProject({ typescript: true });
		expect(ensureBuild().code).toBe(0);
		age("dist/src/bot/part.js", 60);
		expect(ensureBuild().stderr).toMatch(/src\/bot\/part\.ts changed since the build/);
		write("src/added.ts", "export {};\n");
		expect(ensureBuild().stderr).toMatch(/src\/added\.ts has no build/);
		expect(existsSync(join(project, "dist/src/added.js"))).toBe(true);
	});

	it("says the build failed when it does", { timeout: 60_000 }, () => {
		makeProject({ typescript: true });
		write("src/index.ts", "export const answer: number = 'not a number';\n");
		const { code, stderr } = ensureBuild();
		expect(code).toBe(1);
		expect(stderr).toMatch(/The build failed \(exit 2\)/);
	});

	it("starts a stale build as it is when TypeScript is not installed", () => {
		makeProject({ typescript: false });
		write("dist/src/index.js", "export const answer = 42;\n");
		write("dist/src/bot/part.js", "export const part = 'a';\n");
		age("dist/src/index.js", 60);
		const { code, stderr } = ensureBuild();
		expect(code).toBe(0);
		expect(stderr).toBe(
			"Starting the existing build (src/index.ts changed since the build; TypeScript is not installed). " +
				"Rebuild with `npm ci && npm run build`.\n",
		);
	});

	it("starts a build without sources beside it (the Docker image) without a word", () => {
		makeProject({ typescript: false });
		rmSync(join(project, "src"), { recursive: true });
		write("dist/src/index.js", "export const answer = 42;\n");
		expect(ensureBuild()).toEqual({ code: 0, stderr: "" });
	});

	it("with no build and no TypeScript, says in one line which command builds", () => {
		makeProject({ typescript: false });
		const { code, stderr } = ensureBuild();
		expect(code).toBe(1);
		expect(stderr).toBe(
			"No build to start: dist/src/index.js is missing and TypeScript is not installed. " +
				"Build with `npm ci && npm run build`.\n",
		);
	});

	it("checks the file it is given (deploy-commands)", () => {
		makeProject({ typescript: false });
		rmSync(join(project, "src"), { recursive: true });
		write("dist/src/index.js", "export {};\n");
		expect(ensureBuild("dist/scripts/deploy-commands.js").stderr).toMatch(
			/^No build to start: dist\/scripts\/deploy-commands\.js is missing/,
		);
	});
});
