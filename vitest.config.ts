import { configDefaults, defineConfig } from "vitest/config";

/** Tests that use real processes, ports or time (browser, Redis queue): their own project, one file at a time. */
const integration = ["test/browser/**/*.test.ts", "test/queue/**/*.test.ts", "test/serve/**/*.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "test/**/*.test.ts", "examples/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...integration],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // After the CPU-bound suites (groupOrder), so their processes and timeouts are not starved.
        extends: true,
        test: {
          name: "integration",
          include: integration,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
