// .github/workflows/ci.yml of every generated project, as data: on every push to main and every pull
// request, install with the frozen lockfile and run the full build (`pnpm build`'s tasks), the type
// checks and the lint through turbo, then knip (unused code), with turbo's local cache kept between runs by actions/cache.
// A framework that needs a tool outside npm (Hugo's binary) names its setup steps as module data
// (`ciSteps`): no framework has a workflow of its own.
import type { StackView } from "../../create-jam/src/engine/types.ts";

/** One step of a GitHub Actions job. */
export type CiStep = { name: string; id?: string; uses?: string; with?: Record<string, string | number | boolean>; run?: string; env?: Record<string, string> };

/** What every workflow of the project starts with: the code, pnpm, Node, the framework's tools, the frozen install. */
export function setupSteps(view: StackView): CiStep[] {
  const frameworkSteps = (view.framework.ciSteps as CiStep[] | undefined) ?? [];
  return [
    { name: "Check out", uses: "actions/checkout@v5" },
    // The pnpm version comes from package.json's packageManager.
    { name: "Set up pnpm", uses: "pnpm/action-setup@v4" },
    { name: "Set up Node", uses: "actions/setup-node@v5", with: { "node-version": 24, cache: "pnpm" } },
    ...frameworkSteps,
    { name: "Install", run: "pnpm install --frozen-lockfile" },
  ];
}

export function ciWorkflow(view: StackView) {
  return {
    name: "CI",
    on: { push: { branches: ["main"] }, pull_request: {} },
    permissions: { contents: "read" },
    // A newer push to the same branch or pull request makes the older run moot.
    concurrency: { group: "ci-${{ github.ref }}", "cancel-in-progress": true },
    jobs: {
      build: {
        "runs-on": "ubuntu-latest",
        "timeout-minutes": 20,
        steps: [
          ...setupSteps(view),
          // turbo keeps its cache in .turbo/cache: restored from the last run of this branch (or any),
          // so unchanged packages are cache hits.
          {
            name: "Restore turbo's cache",
            uses: "actions/cache@v4",
            with: { path: ".turbo/cache", key: "turbo-${{ runner.os }}-${{ github.ref_name }}-${{ github.sha }}", "restore-keys": "turbo-${{ runner.os }}-${{ github.ref_name }}-\nturbo-${{ runner.os }}-" },
          },
          { name: "Build, type-check and lint", run: `pnpm exec turbo run ${[...view.buildTasks, "check-types", "lint"].join(" ")}` },
          // Whole-project, so not a turbo task: an unused file, dependency or export fails the run.
          { name: "Unused code", run: "pnpm knip" },
        ],
      },
    },
  };
}
