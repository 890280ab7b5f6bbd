import { defineConfig } from "vitest/config";

// Three projects, cheapest first: `unit` (engine, in-process), `cli` (the built bin as a user runs
// it, no TTY) and `e2e` (generated projects installed from the registry and built for real).
export default defineConfig({
  test: {
    globalSetup: ["tests/temp-root.ts"],
    projects: [
      { test: { name: "unit", include: ["create-jam/test/**/*.test.ts", "packages/*/test/**/*.test.ts"] } },
      { test: { name: "cli", include: ["tests/cli/**/*.test.ts", "tests/repo/**/*.test.ts"], testTimeout: 60_000 } },
      // Two files at a time: most of an end-to-end test waits on servers, browsers and the registry, so
      // the 2-core CI machine runs the longest file (frameworks.test.ts) beside all the others. Every
      // server takes a free port and every project its own folder.
      { test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"], testTimeout: 900_000, hookTimeout: 900_000, maxWorkers: 2 } },
    ],
  },
});
