import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          testTimeout: 60_000,
          // CDK synth in a beforeAll takes ~10 s on a busy 2-core machine.
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
      {
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          testTimeout: 45_000,
          hookTimeout: 60_000,
          globalSetup: ["test/browser/global-setup.ts"],
          pool: "forks",
          // One file at a time: the files share one local runtime, and Chromium wants the cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
