// knip (the dead-code finder a generated project runs as `pnpm knip`, with the knip.json the
// modules write) on every pairwise stack's plan, written to a folder without node_modules. Without
// an install knip still follows every import, so unused files, exports and types show; dependency
// and binary findings need node_modules (the e2e runs `pnpm knip` on the stacks it installs).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { pairwise } from "../src/engine/matrix.ts";
import { registry } from "../src/engine/registry.ts";
import type { Choices } from "../src/engine/types.ts";
import { plan, repoRoot } from "./helpers.ts";

const knip = join(repoRoot, "node_modules/.bin/knip");
const root = mkdtempSync(join(process.env.JAM_TEST_TMP ?? tmpdir(), "jam-knip-"));

// Gatsby's and Eleventy's knip plugins find their entry files (src/pages/, src/_data/) by loading
// the framework's config, which imports the installed framework: without node_modules those files
// look unused. Their installed stacks are checked in the e2e.
const needsInstall = (c: Choices, file: string) => ["gatsby", "eleventy"].includes(c.framework) && file.startsWith("apps/web/");


type Report = { issues: Record<string, unknown>[] };

describe.each(pairwise(registry).allowed.map((c, i) => [i, c] as const))("knip on pairwise stack %i", (i, choices) => {
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
          if (!(type === "files" && needsInstall(choices, file))) findings.push(`${type}: ${key}`);
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
