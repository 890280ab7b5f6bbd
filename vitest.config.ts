import { defineConfig } from "vitest/config";

// Three projects, cheapest first: `unit` (engine, in-process), `cli` (the built bin as a user runs
// it, no TTY) and `e2e` (generated projects installed from the registry and built for real).
export default defineConfig({
  test: {
    globalSetup: ["tests/temp-root.ts"],
    projects: [
      { test: { name: "unit", include: ["create-jam/test/**/*.test.ts", "packages/*/test/**/*.test.ts"] } },
      { test: { name: "cli", include: ["tests/cli/**/*.test.ts", "tests/repo/**/*.test.ts"], testTimeout: 60_000 } },
      { test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"], testTimeout: 900_000, hookTimeout: 900_000, fileParallelism: false } },
    ],
  },
});
