/**
 * Runs `work` over `items` with at most `limit` calls in flight and returns the results in
 * order. After the first failure no new call starts; once the calls in flight have settled, that
 * first failure is thrown (so a poller backs off instead of hammering a provider that refused).
 */
export async function mapLimited<T, R>(
	items: readonly T[],
	limit: number,
	work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	let failed = false;
	let failure: unknown;
	const worker = async () => {
		while (!failed && next < items.length) {
			const index = next++;
			try {
				results[index] = await work(items[index]!, index);
			} catch (error) {
				if (!failed) failure = error;
				failed = true;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	if (failed) throw failure;
	return results;
}
