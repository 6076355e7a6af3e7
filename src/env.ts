import { z } from "zod";
import { CAPABILITIES } from "./providers/capabilities.js";
import { PROVIDER_NAMES } from "./providers/names.js";
import type { ShardAssignment } from "./shard/ownership.js";
import { parseStoreUrl, StoreUrlError } from "./store/url.js";

const snowflake = z.string().regex(/^\d{17,20}$/, "must be a Discord id (17 to 20 digits)");
const optionalString = (schema: z.ZodType<string>) =>
	z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const httpUrl = z
	.string()
	.url("must be a URL such as https://example.com")
	.refine((value) => /^https?:\/\//.test(value), "must start with http:// or https://")
	.transform((value) => value.replace(/\/+$/, ""));

function limit(fallback: number) {
	return z.coerce
		.number({ error: "must be a number" })
		.int("must be a whole number")
		.min(0, "must be 0 (no limit) or more")
		.default(fallback);
}

const providerName = z.enum(PROVIDER_NAMES, { error: `must be one of ${PROVIDER_NAMES.join(", ")}` });

const baseSchema = z.object({
	DISCORD_TOKEN: z.string({ error: "is required" }).min(1, "is required"),
	DISCORD_APPLICATION_ID: optionalString(snowflake),
	DISCORD_API_BASE: optionalString(
		httpUrl.refine((v) => !/\/v\d+$/.test(v), "must not end with a version such as /v10"),
	),
	DISCORD_GUILD_ID: optionalString(snowflake),

	LUMA_PROVIDER: providerName.default("acedatacloud"),
	LUMA_API_KEY: z.string({ error: "is required" }).min(1, "is required"),
	LUMA_API_BASE: optionalString(httpUrl),
	LUMA_MODEL: optionalString(z.string()),

	// A second provider for requests the first one provably could not start. All optional.
	LUMA_FALLBACK_PROVIDER: z.preprocess(
		(value) => (value === "" ? undefined : value),
		providerName.optional(),
	),
	LUMA_FALLBACK_API_KEY: optionalString(z.string()),
	LUMA_FALLBACK_API_BASE: optionalString(httpUrl),
	LUMA_FALLBACK_MODEL: optionalString(z.string()),

	STORE_URL: z
		.string()
		.default("sqlite://data/luma.sqlite")
		.superRefine((value, context) => {
			try {
				parseStoreUrl(value);
			} catch (error) {
				if (!(error instanceof StoreUrlError)) throw error;
				context.addIssue({ code: "custom", message: error.rule });
			}
		}),

	// 1: one process, no sharding manager. Otherwise the process starts that many gateway shards,
	// each a process of its own; auto asks Discord how many it recommends.
	SHARD_COUNT: z.preprocess(
		(value) => (value === "" ? undefined : value),
		z
			.string()
			.regex(/^(auto|[1-9]\d{0,4})$/, "must be auto or a whole number from 1")
			.transform((value) => (value === "auto" ? ("auto" as const) : Number(value)))
			.default(1),
	),

	POLL_INTERVAL_MS: z.coerce
		.number({ error: "must be a number" })
		.int("must be a whole number")
		.min(200, "must be at least 200")
		.default(10_000),
	/** Unset: each provider's usual shortest clip time before a task is first asked about. */
	POLL_FIRST_DELAY_MS: z.preprocess(
		(value) => (value === "" ? undefined : value),
		z.coerce
			.number({ error: "must be a number" })
			.int("must be a whole number")
			.min(0, "must be 0 or more")
			.optional(),
	),
	JOB_TIMEOUT_MS: z.coerce
		.number({ error: "must be a number" })
		.int("must be a whole number")
		.min(1_000, "must be at least 1000")
		.default(1_200_000),

	// Defaults for every server; admins change them per server with /luma-admin limits. 0 = no limit.
	GUILD_DAILY_LIMIT: limit(50),
	GUILD_MONTHLY_LIMIT: limit(1000),
	GUILD_MAX_CONCURRENT: limit(5),
	USER_DAILY_LIMIT: limit(5),
	USER_MAX_CONCURRENT: limit(1),
	USER_COOLDOWN_SECONDS: limit(30),

	LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

	// The HTTP endpoint (health, metrics, provider callbacks). Unset HTTP_PORT: no server, no port.
	HTTP_PORT: z.preprocess(
		(value) => (value === "" ? undefined : value),
		z.coerce
			.number({ error: "must be a number" })
			.int("must be a whole number")
			.min(0, "must be a port number")
			.max(65_535, "must be a port number")
			.optional(),
	),
	HTTP_HOST: z.preprocess((value) => (value === "" ? undefined : value), z.string().default("0.0.0.0")),
	/** Where providers reach the HTTP endpoint from outside, e.g. https://bot.example.com. */
	PUBLIC_URL: optionalString(httpUrl),
});

/**
 * Whether several processes can use the store at once: a server they all reach. An SQLite file
 * belongs to one machine and memory:// to one process.
 */
export function storeIsShareable(url: string): boolean {
	return /^(redis|rediss|postgres|postgresql):\/\/.+/.test(url);
}

/** A model must be one the provider has. */
function checkModel(
	context: z.RefinementCtx,
	variable: string,
	provider: keyof typeof CAPABILITIES,
	model: string | undefined,
): void {
	if (model === undefined) return;
	const models = CAPABILITIES[provider].models;
	if (models.includes(model)) return;
	context.addIssue({
		code: "custom",
		path: [variable],
		message:
			models.length === 0
				? `is not used by ${provider}, which has no choice of model; leave it empty`
				: `must be one of ${models.join(", ")} for ${provider}`,
	});
}

/** A fallback needs its own key and must differ from the primary. */
export const envSchema = baseSchema.superRefine((env, context) => {
	checkModel(context, "LUMA_MODEL", env.LUMA_PROVIDER, env.LUMA_MODEL);
	if (env.SHARD_COUNT !== 1 && !storeIsShareable(env.STORE_URL))
		context.addIssue({
			code: "custom",
			path: ["SHARD_COUNT"],
			message:
				"needs a store every shard reaches: set STORE_URL to redis://… or postgres://… (sqlite:// and memory:// belong to one process)",
		});
	if (env.PUBLIC_URL !== undefined && env.HTTP_PORT === undefined)
		context.addIssue({ code: "custom", path: ["PUBLIC_URL"], message: "needs HTTP_PORT to be set" });
	const fallback = env.LUMA_FALLBACK_PROVIDER;
	if (!fallback) {
		for (const name of ["LUMA_FALLBACK_API_KEY", "LUMA_FALLBACK_API_BASE", "LUMA_FALLBACK_MODEL"] as const) {
			if (env[name] !== undefined)
				context.addIssue({ code: "custom", path: [name], message: "needs LUMA_FALLBACK_PROVIDER to be set" });
		}
		return;
	}
	if (fallback === env.LUMA_PROVIDER)
		context.addIssue({
			code: "custom",
			path: ["LUMA_FALLBACK_PROVIDER"],
			message: "must differ from LUMA_PROVIDER",
		});
	if (!env.LUMA_FALLBACK_API_KEY)
		context.addIssue({
			code: "custom",
			path: ["LUMA_FALLBACK_API_KEY"],
			message: "is required when LUMA_FALLBACK_PROVIDER is set",
		});
	checkModel(context, "LUMA_FALLBACK_MODEL", fallback, env.LUMA_FALLBACK_MODEL);
});

export type Env = z.infer<typeof envSchema>;

/** A configuration problem, worded as one line that names the variable and the rule. */
export class ConfigError extends Error {
	override readonly name = "ConfigError";
}

/** Parses the given variables (normally `process.env`); throws `ConfigError` on the first bad one. */
export function parseEnv(source: Record<string, string | undefined>): Env {
	const result = envSchema.safeParse(source);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	const name = issue?.path.join(".") ?? "configuration";
	throw new ConfigError(`${name} ${issue?.message ?? "is invalid"}`);
}

/**
 * Reads `.env` into the environment when the file exists. Variables already set win, and a
 * missing file is not an error, so the same command works with or without one.
 */
export function loadEnvFile(path = ".env"): void {
	try {
		process.loadEnvFile(path);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
	}
}

/** The subset command registration needs: the provider decides the options, no key required. */
export function parseDiscordEnv(source: Record<string, string | undefined>) {
	const schema = baseSchema
		.pick({
			LUMA_PROVIDER: true,
			LUMA_MODEL: true,
			DISCORD_TOKEN: true,
			DISCORD_APPLICATION_ID: true,
			DISCORD_API_BASE: true,
			DISCORD_GUILD_ID: true,
			STORE_URL: true,
			LOG_LEVEL: true,
		})
		.superRefine((env, context) => checkModel(context, "LUMA_MODEL", env.LUMA_PROVIDER, env.LUMA_MODEL));
	const result = schema.safeParse(source);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	throw new ConfigError(`${issue?.path.join(".") ?? "configuration"} ${issue?.message ?? "is invalid"}`);
}

export function readEnv(): Env {
	return parseEnv(process.env);
}

/**
 * The shards given to this process by the sharding manager that started it (discord.js passes
 * SHARDING_MANAGER, SHARDS and SHARD_COUNT to each child); undefined in a process nobody started
 * as a shard.
 */
export function parseShardChild(source: Record<string, string | undefined>): ShardAssignment | undefined {
	if (source.SHARDING_MANAGER !== "true" || source.SHARDS === undefined) return undefined;
	let parsed: unknown;
	try {
		parsed = JSON.parse(source.SHARDS);
	} catch {
		parsed = undefined;
	}
	const ids = Array.isArray(parsed) ? (parsed as unknown[]) : [parsed];
	const count = Number(source.SHARD_COUNT);
	const valid = (id: unknown): id is number =>
		Number.isInteger(id) && (id as number) >= 0 && (id as number) < count;
	if (!Number.isInteger(count) || count < 1 || ids.length === 0 || !ids.every(valid))
		throw new ConfigError(`SHARDS must be shard ids below SHARD_COUNT (set by the sharding manager)`);
	return { ids: ids as number[], count };
}

export function readShardChild(): ShardAssignment | undefined {
	return parseShardChild(process.env);
}
