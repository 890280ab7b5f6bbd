// The generated project's own CI (.github/workflows/ci.yml, templates/base/ci-workflow.ts): for every
// framework, static and hybrid, it passes @action-validator/core (the workflow schema GitHub's
// runner reads, checked in-process), installs with the frozen lockfile, keeps turbo's cache, and runs the tasks the
// project's own `pnpm build`, `check-types` and `lint` run.
import { validateWorkflow } from "@action-validator/core";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { matrix } from "../src/engine/matrix.ts";
import { registry } from "../src/engine/registry.ts";
import { plan } from "./helpers.ts";

// One stack per framework and rendering the registry allows.
const stacks = [...new Map(matrix(registry).allowed.map((c) => [`${c.framework}-${c.rendering}`, { framework: c.framework, rendering: c.rendering }])).values()];
type Step = { name: string; uses?: string; run?: string; with?: Record<string, unknown> };

describe("the generated CI workflow", () => {
  const trees = stacks.map((s) => ({ ...s, tree: plan({ ...s, deploy: ["netlify"] }) }));

  it.each(trees)("passes GitHub's workflow schema ($framework, $rendering)", ({ tree }) => {
    expect(validateWorkflow(tree.get(".github/workflows/ci.yml") as string).errors).toEqual([]);
  });

  it("is refused by the schema when it is wrong: the check can fail", () => {
    const broken = (trees[0]?.tree.get(".github/workflows/ci.yml") as string).replace("runs-on:", "runs_on:");
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  it.each(trees)("installs frozen, keeps turbo's cache, and runs the project's build, check-types and lint, then knip ($framework, $rendering)", ({ tree }) => {
    const workflow = parse(tree.get(".github/workflows/ci.yml") as string);
    expect(Object.keys(workflow.on)).toEqual(["push", "pull_request"]);
    const steps = workflow.jobs.build.steps as Step[];
    expect(steps.map((s) => s.run).filter(Boolean)).toContain("pnpm install --frozen-lockfile");
    expect(steps.find((s) => s.uses?.startsWith("actions/cache@"))?.with?.path).toBe(".turbo/cache");
    const build = JSON.parse(tree.get("package.json") as string).scripts.build as string;
    expect(steps.at(-2)?.run).toBe(`pnpm exec ${build} check-types lint`);
    // The project's own script, with the modules' knip.json.
    expect(steps.at(-1)?.run).toBe("pnpm knip");
    expect(JSON.parse(tree.get("package.json") as string).scripts.knip).toBe("knip");
    expect(tree.has("knip.json")).toBe(true);
    // pnpm/action-setup reads the version from here.
    expect(JSON.parse(tree.get("package.json") as string).packageManager).toMatch(/^pnpm@\d/);
  });

  it("installs the Hugo that the hosts install, for a Hugo site", () => {
    const tree = plan({ framework: "hugo", deploy: ["netlify"] });
    const steps = parse(tree.get(".github/workflows/ci.yml") as string).jobs.build.steps as Step[];
    const hugo = steps.find((s) => s.uses?.startsWith("peaceiris/actions-hugo@"));
    expect(tree.get("netlify.toml")).toContain(`HUGO_VERSION = "${hugo?.with?.["hugo-version"]}"`);
    expect(parse(plan({ framework: "astro", deploy: ["netlify"] }).get(".github/workflows/ci.yml") as string).jobs.build.steps.some((s: Step) => s.uses?.includes("hugo"))).toBe(false);
  });
});
