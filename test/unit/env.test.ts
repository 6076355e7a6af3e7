import { describe, expect, it } from "vitest";
import { ConfigError, parseDiscordEnv, parseEnv } from "../../src/env.js";

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
			POLL_INTERVAL_MS: 10_000,
			JOB_TIMEOUT_MS: 1_200_000,
			GUILD_DAILY_LIMIT: 50,
			GUILD_MONTHLY_LIMIT: 1000,
			GUILD_MAX_CONCURRENT: 5,
			USER_DAILY_LIMIT: 5,
			USER_MAX_CONCURRENT: 1,
			USER_COOLDOWN_SECONDS: 30,
			LOG_LEVEL: "info",
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
		expect(errorOf({ ...minimal, STORE_URL: "mysql://x" })).toMatch(/^STORE_URL must be sqlite:\/\//);
		expect(errorOf({ ...minimal, LOG_LEVEL: "loud" })).toMatch(/^LOG_LEVEL /);
		expect(errorOf({ ...minimal, USER_DAILY_LIMIT: "-1" })).toBe(
			"USER_DAILY_LIMIT must be 0 (no limit) or more",
		);
	});

	it("refuses providers that are not implemented yet, clearly", () => {
		expect(errorOf({ ...minimal, LUMA_PROVIDER: "302ai" })).toBe(
			"LUMA_PROVIDER 302ai is not supported yet; use acedatacloud",
		);
		expect(errorOf({ ...minimal, LUMA_PROVIDER: "nope" })).toMatch(
			/^LUMA_PROVIDER must be one of acedatacloud, 302ai/,
		);
	});

	it("strips a trailing slash from base URLs", () => {
		expect(parseEnv({ ...minimal, LUMA_API_BASE: "http://127.0.0.1:9/" }).LUMA_API_BASE).toBe(
			"http://127.0.0.1:9",
		);
	});

	it("lets command registration run without a provider key", () => {
		expect(parseDiscordEnv({ DISCORD_TOKEN: "t" }).DISCORD_TOKEN).toBe("t");
	});
});
