import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { type AddressInfo } from "node:net";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

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

	it("runs the same command as npm start, which execs it once the build is there", () => {
		const cmd = JSON.parse(lines.find((line) => line.startsWith("CMD "))!.slice(4)) as string[];
		const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
			scripts: Record<string, string>;
		};
		expect(pkg.scripts.start).toBe(`node scripts/ensure-build.mjs && exec ${cmd.join(" ")}`);
		expect(pkg.scripts.prestart).toBeUndefined();
	});

	it("uses a current Node LTS image, with tini as PID 1, and stops on SIGTERM", () => {
		const images = lines.filter((line) => line.startsWith("FROM ")).map((line) => line.split(/\s+/)[1]);
		for (const image of images) {
			const major = Number(/^node:(\d+)-/.exec(image ?? "")?.[1]);
			// Even majors are the LTS lines; 22 is the oldest one still maintained.
			expect(major % 2, image).toBe(0);
			expect(major, image).toBeGreaterThanOrEqual(22);
		}
		const runtime = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
		expect(runtime).toMatch(/apt-get install -y --no-install-recommends tini/);
		expect(lines).toContain('ENTRYPOINT ["/usr/bin/tini", "--"]');
		expect(lines).toContain("STOPSIGNAL SIGTERM");
		// The code keeps running on Node 20, which the engines field still allows.
		const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { engines: { node: string } };
		expect(pkg.engines.node).toMatch(/^>=20\./);
		expect(readFileSync(join(root, ".nvmrc"), "utf8").trim()).toBe(
			String(/^node:(\d+)/.exec(images[0]!)?.[1]),
		);
	});

	it("exposes the HTTP port and checks /healthz with a script the image holds", () => {
		expect(lines).toContain("EXPOSE 8080");
		const healthcheck = lines.find((line) => line.startsWith("HEALTHCHECK "));
		expect(healthcheck).toMatch(/ CMD \["node", "scripts\/healthcheck\.mjs"\]$/);
		const runtimeCopies = lines.filter((line) => line.startsWith("COPY --from=build "));
		for (const script of ["scripts/healthcheck.mjs", "scripts/ensure-build.mjs"]) {
			expect(
				runtimeCopies.some((line) => line.includes(`/app/${script}`)),
				script,
			).toBe(true);
			// The build stage has it: it copies scripts/ whole.
			expect(existsSync(join(root, script)), script).toBe(true);
		}
		expect(lines).toContain("COPY scripts ./scripts");
	});

	it("keeps dependencies, the build, secrets and data out of the build context", () => {
		const ignored = readFileSync(join(root, ".dockerignore"), "utf8")
			.split("\n")
			.map((line) => line.trim());
		for (const entry of ["node_modules", ".env", "data", "dist", ".git", "coverage"])
			expect(ignored, entry).toContain(entry);
		// Nothing the image copies is ignored.
		for (const source of ["package.json", "package-lock.json", "tsconfig.json", "src", "commands", "scripts"])
			expect(ignored).not.toContain(source);
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

/** The HEALTHCHECK command, run as the image runs it. */
describe("scripts/healthcheck.mjs", () => {
	const check = (env: Record<string, string>) =>
		new Promise<number | null>((resolve) => {
			const child = spawn(process.execPath, [join(root, "scripts", "healthcheck.mjs")], {
				env: { PATH: process.env.PATH ?? "", ...env },
				stdio: "ignore",
			});
			child.once("exit", (code) => resolve(code));
		});
	let status = 200;
	const server = createServer((req, res) => {
		res.writeHead(req.url === "/healthz" ? status : 404).end("{}");
	});
	let port = 0;
	beforeAll(async () => {
		await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
		port = (server.address() as AddressInfo).port;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	it("passes without HTTP_PORT: the bot has no endpoint to ask", async () => {
		expect(await check({})).toBe(0);
	});

	it("passes when /healthz answers 200 and fails on 503 or no answer", async () => {
		status = 200;
		expect(await check({ HTTP_PORT: String(port) })).toBe(0);
		expect(await check({ HTTP_PORT: String(port), HTTP_HOST: "127.0.0.1" })).toBe(0);
		status = 503;
		expect(await check({ HTTP_PORT: String(port), HTTP_HOST: "0.0.0.0" })).toBe(1);
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
		const unused = (closed.address() as AddressInfo).port;
		await new Promise<void>((resolve) => closed.close(() => resolve()));
		expect(await check({ HTTP_PORT: String(unused) })).toBe(1);
	});
});
