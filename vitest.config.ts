import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

/**
 * Tests that use real processes, ports or time (browser, Redis queue, CLI child processes and promtool, the lab, the web app's
 * server): their own project, one file at a time.
 */
const integration = [
  "test/browser/**/*.test.ts",
  "test/queue/**/*.test.ts",
  "test/cli/**/*.test.ts",
  "test/serve/**/*.test.ts",
  "test/lab/**/*.test.ts",
];

export default defineConfig({
  // Tests (and the docs' examples they run) import the policies package by its name, from source: no build needed.
  resolve: {
    alias: {
      "@stampede-sim/policies": fileURLToPath(new URL("./src/entries/policies.ts", import.meta.url)),
    },
  },
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
