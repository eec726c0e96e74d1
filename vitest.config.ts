import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          testTimeout: 60_000,
          // The CDK suites synthesise in beforeAll: over 10 s when the machine is busy.
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globalSetup: ["test/integration/global-setup.ts"],
          pool: "forks",
          // One file at a time: the files share one local runtime started by the global setup.
          fileParallelism: false,
        },
      },
    ],
  },
});
