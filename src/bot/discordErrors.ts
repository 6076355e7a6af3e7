import { DiscordAPIError } from "discord.js";

/** Discord's JSON error codes the bot reacts to. */
export const DiscordCode = {
	UnknownMessage: 10008,
	UnknownWebhook: 10015,
	InvalidWebhookToken: 50027,
	RequestEntityTooLarge: 40005,
	MissingPermissions: 50013,
} as const;

export function discordCode(error: unknown): number | undefined {
	return error instanceof DiscordAPIError && typeof error.code === "number" ? error.code : undefined;
}

/** The interaction token can no longer be used: fall back to the bot's own endpoints. */
export function isTokenRefused(error: unknown): boolean {
	if (!(error instanceof DiscordAPIError)) return false;
	const code = discordCode(error);
	return (
		code === DiscordCode.InvalidWebhookToken ||
		code === DiscordCode.UnknownWebhook ||
		code === DiscordCode.UnknownMessage ||
		error.status === 401
	);
}

export function isUnknownMessage(error: unknown): boolean {
	return discordCode(error) === DiscordCode.UnknownMessage;
}

/**
 * Errors that retrying will not fix (no access, bad body). Rate limits and server errors are
 * retried by discord.js first and by the poller after that.
 */
export function isPermanent(error: unknown): boolean {
	return (
		error instanceof DiscordAPIError && error.status >= 400 && error.status < 500 && error.status !== 429
	);
}

/**
 * Discord would not take the file: over the channel's upload limit (a server that lost its boost,
 * say), or the bot may not attach files there. The same message without the file may still go.
 */
export function isUploadRefused(error: unknown): boolean {
	if (!(error instanceof DiscordAPIError)) return false;
	const code = discordCode(error);
	return (
		error.status === 413 ||
		code === DiscordCode.RequestEntityTooLarge ||
		code === DiscordCode.MissingPermissions
	);
}
