// knip (the dead-code finder a generated project runs as `pnpm knip`, with the knip.json the
// modules write) on every pairwise stack's plan (and each module flag on), written to a folder without node_modules. Without
// an install knip still follows every import, so unused files, exports and types show; dependency
// and binary findings need node_modules (the e2e runs `pnpm knip` on the stacks it installs).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { NONE } from "../src/engine/kinds.ts";
import { pairwise } from "../src/engine/matrix.ts";
import { registry } from "../src/engine/registry.ts";
import { isAllowed, moduleFlags } from "../src/engine/stack.ts";
import type { Choices, Kind } from "../src/engine/types.ts";
import { plan, repoRoot } from "./helpers.ts";

const knip = join(repoRoot, "node_modules/.bin/knip");
const root = mkdtempSync(join(process.env.JAM_TEST_TMP ?? tmpdir(), "jam-knip-"));

// What only an install makes true: Gatsby's knip plugin finds its entry files (src/pages/...) by
// loading the framework's config, which imports the installed framework, so without node_modules
// they look unused (Eleventy's too, though its module names them); SvelteKit's route types
// (./$types) are written by `svelte-kit sync`, which the install runs. The e2e checks those stacks.
const needsInstall = (c: Choices, type: string, file: string, name: string) =>
  (type === "files" && ["gatsby", "eleventy"].includes(c.framework) && file.startsWith("apps/web/")) || (type === "unresolved" && c.framework === "sveltekit" && name === "./$types");

// The pairwise set has no module flags: each flag also on, in the first pairwise stack of each of
// its modules that allows it.
const stacks = pairwise(registry).allowed;
const flagged = moduleFlags(registry).flatMap(({ flag, owners }) =>
  owners.flatMap((m) => {
    const choices = stacks
      .filter((c) => c[m.kind as Kind] === m.id)
      .map((c) => ({ ...c, ...(flag.without ? { [flag.without.kind]: NONE } : {}), flags: [flag.name] }))
      .find((c) => isAllowed(registry, c));
    return choices ? [choices] : [];
  }),
);

type Report = { issues: Record<string, unknown>[] };

describe.each([...stacks, ...flagged].map((c, i) => [i, c] as const))("knip on stack %i", (i, choices) => {
  it(`finds nothing unused in ${JSON.stringify(choices)}`, () => {
    const dir = join(root, String(i));
    for (const [path, text] of plan(choices)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    let out: string;
    try {
      out = execFileSync(knip, ["--reporter", "json", "--no-progress", "--include", "files,exports,types,nsExports,nsTypes,enumMembers,duplicates,unresolved,unlisted"], { cwd: dir, encoding: "utf8" });
    } catch (e) {
      // knip exits 1 with findings; its report is still on stdout.
      out = (e as { stdout: string }).stdout;
    }
    rmSync(dir, { recursive: true, force: true });
    const findings: string[] = [];
    for (const issue of (JSON.parse(out) as Report).issues) {
      const file = issue.file as string;
      for (const [type, value] of Object.entries(issue)) {
        if (!Array.isArray(value) || type === "owners") continue;
        for (const item of value as { name: string }[]) {
          const key = `${file} ${item.name}`;
          if (!needsInstall(choices, type, file, item.name)) findings.push(`${type}: ${key}`);
        }
      }
    }
    expect(findings).toEqual([]);
  }, 60_000);
});


describe("knip.json", () => {
  const knipOf = (choices: Partial<Choices>) => JSON.parse(plan(choices).get("knip.json") as string);

  it("names a host's entry points only where that host serves the functions", () => {
    expect(knipOf({ deploy: ["vercel", "netlify"] }).workspaces["apps/web"].entry).toEqual(["api/**/*.mts", "netlify/functions/*.mts"]);
    // A hybrid site's functions are the framework's own routes.
    expect(knipOf({ framework: "astro", rendering: "hybrid", deploy: ["vercel", "netlify"] }).workspaces["apps/web"]?.entry).toBeUndefined();
    expect(knipOf({ deploy: ["github-pages"] }).workspaces["apps/web"]?.entry).toBeUndefined();
  });

  it("merges the modules' lists and plugin settings, sorted, and relaxes in-file exports only in the shared packages", () => {
    const knip = knipOf({ framework: "gatsby", content: "strapi", deploy: ["netlify"] });
    expect(knip.$schema).toMatch(/^https:\/\/unpkg\.com\/knip@\d+\.\d+\.\d+\/schema\.json$/);
    expect(knip.workspaces["apps/web"]).toEqual({ entry: ["gatsby-node.ts", "netlify/functions/*.mts"], ignoreDependencies: ["@repo/security"], gatsby: { config: ["gatsby-config.ts"] } });
    expect(knip.workspaces["apps/cms"].entry).toEqual(["config/*.js", "src/**/*.js"]);
    expect(knip.workspaces["packages/functions"].ignoreDependencies).toEqual([...knip.workspaces["packages/functions"].ignoreDependencies].sort());
    expect(knip.workspaces["packages/functions"].ignoreExportsUsedInFile).toBe(true);
    expect(knip.workspaces["apps/web"].ignoreExportsUsedInFile).toBeUndefined();
  });

  it("is a devDependency and a script of the root, pinned like every other", () => {
    const pkg = JSON.parse(plan().get("package.json") as string);
    expect(pkg.scripts.knip).toBe("knip");
    expect(pkg.devDependencies.knip).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

// knip skips what git ignores (build outputs): a root .gitignore line with an inner slash is
// anchored at the root, so it must name the path from there ("apps/web/public/pagefind/").
it.each(stacks)("ignores build outputs by their path from the root in %o", (choices) => {
  const tree = plan(choices);
  const top = new Set([...tree.keys()].map((p) => p.split("/")[0]));
  const lines = (tree.get(".gitignore") as string).split("\n").filter((l) => l && !l.startsWith("#"));
  const anchored = lines.map((l) => l.replace(/^!/, "")).filter((l) => l.replace(/\/$/, "").includes("/"));
  expect(anchored.filter((l) => !top.has(l.split("/")[0] as string))).toEqual([]);
});
