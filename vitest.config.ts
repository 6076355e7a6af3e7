import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		include: ["test/**/*.test.ts"],
		testTimeout: 30_000,
		hookTimeout: 30_000,
		// End-to-end files each start a bot, a fake Discord and a fake provider on loopback ports.
		fileParallelism: true,
		pool: "forks",
	},
});
