/** Cuts text to Discord's limits with an ellipsis, counting UTF-16 units as Discord does. */
export function truncate(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function unixSeconds(ms: number): number {
	return Math.floor(ms / 1000);
}

/** "2m 14s", "45s": how long a job took, for the result embed. */
export function formatDuration(ms: number): string {
	const seconds = Math.max(0, Math.round(ms / 1000));
	const minutes = Math.floor(seconds / 60);
	return minutes > 0 ? `${minutes}m ${seconds % 60}s` : `${seconds}s`;
}
