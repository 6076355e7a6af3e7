// `npm start` and `npm run deploy-commands` run this first: it builds dist/ only when the build is
// missing or older than the sources, so a production install (`npm ci --omit=dev`, no TypeScript)
// with a dist/ built beforehand starts as it is. Plain JavaScript: it must run without tsc or tsx.
//
//   node scripts/ensure-build.mjs [dist/file.js ...]   (default: dist/src/index.js)
//
// Exit 0: the build is there (built now, current, or stale with no compiler to rebuild it).
// Exit 1: there is no build and no compiler, or the build failed; one line says what to run.
/* global process */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE_DIRS = ["src", "commands", "scripts"];
const CONFIGS = ["tsconfig.json", "tsconfig.build.json"];
const BUILD_COMMAND = "npm ci && npm run build";
const entries = process.argv.length > 2 ? process.argv.slice(2) : ["dist/src/index.js"];

const mtime = (path) => statSync(path).mtimeMs;

function* typescriptFiles(dir) {
	if (!existsSync(dir)) return;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* typescriptFiles(path);
		else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) yield path;
	}
}

/** Why the build must be made again, or undefined when dist/ is current. */
function staleness() {
	for (const source of SOURCE_DIRS.flatMap((dir) => [...typescriptFiles(join(root, dir))])) {
		const name = relative(root, source);
		const output = join(root, "dist", name.replace(/\.ts$/, ".js"));
		if (!existsSync(output)) return `${name} has no build`;
		if (mtime(source) > mtime(output)) return `${name} changed since the build`;
	}
	const oldestEntry = Math.min(...entries.map((entry) => mtime(join(root, entry))));
	const config = CONFIGS.find(
		(name) => existsSync(join(root, name)) && mtime(join(root, name)) > oldestEntry,
	);
	return config && `${config} changed since the build`;
}

/** The TypeScript compiler, when it is installed (it is a dev dependency). */
function findCompiler() {
	try {
		return createRequire(join(root, "package.json")).resolve("typescript/bin/tsc");
	} catch {
		return undefined;
	}
}

const say = (line) => process.stderr.write(`${line}\n`);
const missing = entries.filter((entry) => !existsSync(join(root, entry)));
const reason = missing.length > 0 ? `${missing[0]} is missing` : staleness();
if (reason) {
	const tsc = findCompiler();
	if (!tsc && missing.length > 0) {
		say(`No build to start: ${reason} and TypeScript is not installed. Build with \`${BUILD_COMMAND}\`.`);
		process.exit(1);
	}
	if (!tsc) {
		say(
			`Starting the existing build (${reason}; TypeScript is not installed). Rebuild with \`${BUILD_COMMAND}\`.`,
		);
	} else {
		say(`Building dist/ (${reason})…`);
		const build = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
			cwd: root,
			stdio: "inherit",
		});
		if (build.status !== 0) {
			say(`The build failed (${build.error?.message ?? `exit ${build.status ?? build.signal}`}).`);
			process.exit(1);
		}
	}
}
