import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseDiscordEnv, parseEnv, parseShardChild, storeIsShareable } from "../../src/env.js";

const minimal = { DISCORD_TOKEN: "token", LUMA_API_KEY: "key" };

function errorOf(source: Record<string, string | undefined>): string {
	try {
		parseEnv(source);
	} catch (error) {
		expect(error).toBeInstanceOf(ConfigError);
		return (error as Error).message;
	}
	throw new Error("expected a ConfigError");
}

describe("parseEnv", () => {
	it("fills the documented defaults", () => {
		expect(parseEnv(minimal)).toEqual({
			...minimal,
			LUMA_PROVIDER: "acedatacloud",
			STORE_URL: "sqlite://data/luma.sqlite",
			SHARD_COUNT: 1,
			POLL_INTERVAL_MS: 10_000,
			JOB_TIMEOUT_MS: 1_200_000,
			GUILD_DAILY_LIMIT: 50,
			GUILD_MONTHLY_LIMIT: 1000,
			GUILD_MAX_CONCURRENT: 5,
			USER_DAILY_LIMIT: 5,
			USER_MAX_CONCURRENT: 1,
			USER_COOLDOWN_SECONDS: 30,
			LOG_LEVEL: "info",
			HTTP_HOST: "0.0.0.0",
		});
	});

	it("treats empty optional values as unset, as .env.example leaves them", () => {
		const env = parseEnv({
			...minimal,
			DISCORD_APPLICATION_ID: "",
			DISCORD_API_BASE: "",
			DISCORD_GUILD_ID: "",
			LUMA_API_BASE: "",
		});
		expect(env.DISCORD_APPLICATION_ID).toBeUndefined();
		expect(env.DISCORD_API_BASE).toBeUndefined();
	});

	it("names the variable and the rule in one line", () => {
		expect(errorOf({ LUMA_API_KEY: "key" })).toBe("DISCORD_TOKEN is required");
		expect(errorOf({ DISCORD_TOKEN: "t" })).toBe("LUMA_API_KEY is required");
		expect(errorOf({ ...minimal, POLL_INTERVAL_MS: "100" })).toBe("POLL_INTERVAL_MS must be at least 200");
		expect(errorOf({ ...minimal, POLL_INTERVAL_MS: "soon" })).toMatch(/^POLL_INTERVAL_MS /);
		expect(errorOf({ ...minimal, DISCORD_GUILD_ID: "abc" })).toBe(
			"DISCORD_GUILD_ID must be a Discord id (17 to 20 digits)",
		);
		expect(errorOf({ ...minimal, DISCORD_API_BASE: "http://127.0.0.1:1/api/v10" })).toBe(
			"DISCORD_API_BASE must not end with a version such as /v10",
		);
		expect(errorOf({ ...minimal, LOG_LEVEL: "loud" })).toMatch(/^LOG_LEVEL /);
		expect(errorOf({ ...minimal, USER_DAILY_LIMIT: "-1" })).toBe(
			"USER_DAILY_LIMIT must be 0 (no limit) or more",
		);
	});

	it("takes a store URL of every kind, and names the rule, never the URL, when one is wrong", () => {
		for (const url of [
			"sqlite://data/luma.sqlite",
			"memory://",
			"redis://127.0.0.1:6379",
			"redis://:secret@cache.internal:6380/2",
			"rediss://user:secret@cache.example.com",
			"postgres://bot:secret@db.internal/luma",
			"postgresql://127.0.0.1:5432/test?schema=luma_bot&sslmode=disable",
		])
			expect(parseEnv({ ...minimal, STORE_URL: url }).STORE_URL).toBe(url);
		const forms = /^STORE_URL must be sqlite:\/\/<path>, redis:\/\/.*postgres:\/\/.* or memory:\/\//;
		expect(errorOf({ ...minimal, STORE_URL: "mysql://x" })).toMatch(forms);
		expect(errorOf({ ...minimal, STORE_URL: "memory://x" })).toMatch(forms);
		expect(errorOf({ ...minimal, STORE_URL: "sqlite://" })).toMatch(forms);
		expect(errorOf({ ...minimal, STORE_URL: "redis://:secret@cache/db" })).toBe(
			"STORE_URL must name a Redis database by its number",
		);
		expect(errorOf({ ...minimal, STORE_URL: "postgres://u:secret@db/luma?schema=Luma" })).toBe(
			"STORE_URL must have a schema of lower-case letters, digits and _ (?schema=<name>)",
		);
		expect(errorOf({ ...minimal, STORE_URL: "redis://u:secret@[::1/0" })).toBe(
			"STORE_URL is not a valid URL",
		);
		expect(() =>
			parseDiscordEnv({ DISCORD_TOKEN: "t", STORE_URL: "postgres://u:secret@db/x?schema=a-b" }),
		).toThrow(/^STORE_URL must have a schema/);
	});

	it("accepts .env.example as shipped, once the two secrets are filled in, and names every variable it has", () => {
		const text = readFileSync(join(import.meta.dirname, "..", "..", ".env.example"), "utf8");
		const vars = Object.fromEntries(
			text
				.split("\n")
				.filter((line) => /^[A-Z_]+=/.test(line))
				.map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
		);
		const env = parseEnv({ ...vars, DISCORD_TOKEN: "t", LUMA_API_KEY: "k" });
		for (const name of Object.keys(env)) expect(text, name).toContain(name);
	});

	it("needs HTTP_PORT for PUBLIC_URL, and takes a port number", () => {
		expect(errorOf({ ...minimal, PUBLIC_URL: "https://bot.example.com" })).toBe(
			"PUBLIC_URL needs HTTP_PORT to be set",
		);
		expect(parseEnv({ ...minimal, HTTP_PORT: "8080", PUBLIC_URL: "https://bot.example.com/" })).toMatchObject(
			{
				HTTP_PORT: 8080,
				HTTP_HOST: "0.0.0.0",
				PUBLIC_URL: "https://bot.example.com",
			},
		);
		expect(errorOf({ ...minimal, HTTP_PORT: "70000" })).toBe("HTTP_PORT must be a port number");
	});

	it("takes every provider by its fixed name and refuses others, clearly", () => {
		for (const name of ["acedatacloud", "302ai", "yescale", "luma", "luma-agents"])
			expect(parseEnv({ ...minimal, LUMA_PROVIDER: name }).LUMA_PROVIDER).toBe(name);
		expect(errorOf({ ...minimal, LUMA_PROVIDER: "nope" })).toBe(
			"LUMA_PROVIDER must be one of acedatacloud, 302ai, yescale, luma, luma-agents",
		);
	});

	it("checks LUMA_MODEL against the provider's models", () => {
		expect(parseEnv({ ...minimal, LUMA_PROVIDER: "luma", LUMA_MODEL: "ray-flash-2" }).LUMA_MODEL).toBe(
			"ray-flash-2",
		);
		expect(errorOf({ ...minimal, LUMA_PROVIDER: "luma", LUMA_MODEL: "ray-9" })).toBe(
			"LUMA_MODEL must be one of ray-2, ray-flash-2 for luma",
		);
		expect(errorOf({ ...minimal, LUMA_MODEL: "ray-2" })).toBe(
			"LUMA_MODEL is not used by acedatacloud, which has no choice of model; leave it empty",
		);
	});

	it("builds the deploy script's configuration from the same rules, without a provider key", () => {
		expect(parseDiscordEnv({ DISCORD_TOKEN: "t", LUMA_PROVIDER: "luma", LUMA_MODEL: "ray-2" })).toMatchObject(
			{
				LUMA_PROVIDER: "luma",
				LUMA_MODEL: "ray-2",
			},
		);
		expect(() => parseDiscordEnv({ DISCORD_TOKEN: "t", LUMA_PROVIDER: "luma", LUMA_MODEL: "ray-9" })).toThrow(
			"LUMA_MODEL must be one of ray-2, ray-flash-2 for luma",
		);
	});

	it("takes an optional fallback provider with its own key, different from the primary", () => {
		const env = parseEnv({
			...minimal,
			LUMA_FALLBACK_PROVIDER: "302ai",
			LUMA_FALLBACK_API_KEY: "k2",
			LUMA_FALLBACK_API_BASE: "http://127.0.0.1:9/",
		});
		expect(env).toMatchObject({
			LUMA_FALLBACK_PROVIDER: "302ai",
			LUMA_FALLBACK_API_KEY: "k2",
			LUMA_FALLBACK_API_BASE: "http://127.0.0.1:9",
		});
		expect(parseEnv({ ...minimal, LUMA_FALLBACK_PROVIDER: "" }).LUMA_FALLBACK_PROVIDER).toBeUndefined();
		expect(errorOf({ ...minimal, LUMA_FALLBACK_PROVIDER: "302ai" })).toBe(
			"LUMA_FALLBACK_API_KEY is required when LUMA_FALLBACK_PROVIDER is set",
		);
		expect(errorOf({ ...minimal, LUMA_FALLBACK_PROVIDER: "acedatacloud", LUMA_FALLBACK_API_KEY: "k" })).toBe(
			"LUMA_FALLBACK_PROVIDER must differ from LUMA_PROVIDER",
		);
		expect(errorOf({ ...minimal, LUMA_FALLBACK_API_KEY: "k" })).toBe(
			"LUMA_FALLBACK_API_KEY needs LUMA_FALLBACK_PROVIDER to be set",
		);
		expect(
			errorOf({
				...minimal,
				LUMA_FALLBACK_PROVIDER: "yescale",
				LUMA_FALLBACK_API_KEY: "k",
				LUMA_FALLBACK_MODEL: "x",
			}),
		).toBe("LUMA_FALLBACK_MODEL is not used by yescale, which has no choice of model; leave it empty");
	});

	it("strips a trailing slash from base URLs", () => {
		expect(parseEnv({ ...minimal, LUMA_API_BASE: "http://127.0.0.1:9/" }).LUMA_API_BASE).toBe(
			"http://127.0.0.1:9",
		);
	});

	it("takes SHARD_COUNT as auto or a whole number from 1", () => {
		const shared = { ...minimal, STORE_URL: "redis://127.0.0.1:6379/0" };
		expect(parseEnv({ ...shared, SHARD_COUNT: "" }).SHARD_COUNT).toBe(1);
		expect(parseEnv({ ...shared, SHARD_COUNT: "4" }).SHARD_COUNT).toBe(4);
		expect(parseEnv({ ...shared, SHARD_COUNT: "auto" }).SHARD_COUNT).toBe("auto");
		for (const bad of ["0", "-2", "1.5", "two", "Auto"])
			expect(errorOf({ ...shared, SHARD_COUNT: bad }), bad).toBe(
				"SHARD_COUNT must be auto or a whole number from 1",
			);
	});

	it("refuses several shards on a store only one process can use, in one line", () => {
		const refusal =
			"SHARD_COUNT needs a store every shard reaches: set STORE_URL to redis://… or postgres://… (sqlite:// and memory:// belong to one process)";
		expect(errorOf({ ...minimal, SHARD_COUNT: "2" })).toBe(refusal);
		expect(errorOf({ ...minimal, SHARD_COUNT: "auto", STORE_URL: "memory://" })).toBe(refusal);
		expect(parseEnv({ ...minimal, SHARD_COUNT: "1", STORE_URL: "sqlite://x.sqlite" }).SHARD_COUNT).toBe(1);
		for (const url of ["redis://h:6379/0", "rediss://u:p@h/1", "postgres://h/db", "postgresql://h/db"]) {
			expect(storeIsShareable(url), url).toBe(true);
			expect(parseEnv({ ...minimal, SHARD_COUNT: "2", STORE_URL: url }).STORE_URL).toBe(url);
		}
		for (const url of ["sqlite://data/luma.sqlite", "memory://", "redis://"])
			expect(storeIsShareable(url), url).toBe(false);
	});

	it("reads the shard a sharding manager gave this process, and nothing otherwise", () => {
		expect(parseShardChild({ SHARD_COUNT: "2" })).toBeUndefined();
		expect(parseShardChild({ SHARDING_MANAGER: "true", SHARDS: "1", SHARD_COUNT: "2" })).toEqual({
			ids: [1],
			count: 2,
		});
		expect(parseShardChild({ SHARDING_MANAGER: "true", SHARDS: "[0,2]", SHARD_COUNT: "3" })).toEqual({
			ids: [0, 2],
			count: 3,
		});
		for (const [shards, count] of [
			["2", "2"],
			["x", "2"],
			["[]", "2"],
			["0", "auto"],
		] as const)
			expect(() => parseShardChild({ SHARDING_MANAGER: "true", SHARDS: shards, SHARD_COUNT: count })).toThrow(
				ConfigError,
			);
	});

	it("lets command registration run without a provider key", () => {
		expect(parseDiscordEnv({ DISCORD_TOKEN: "t" }).DISCORD_TOKEN).toBe("t");
	});
});
