// The generated README is tested command by command: every command it tells a newcomer to run
// resolves in the planned project (a real package, a real script, a real task or generator), every
// path it names is planned or made by the build, every variable is in .env.example, and the URL it
// gives for `pnpm dev` is where the whole site, /api/* included, is served. The pairwise sample
// covers every module (checked below); tests/e2e runs the offline commands in installed projects.
import { describe, expect, it } from "vitest";
import { pairwise } from "../src/engine/matrix.ts";
import { registry } from "../src/engine/registry.ts";
import { resolveStack } from "../src/engine/stack.ts";
import { GO_LIVE_PHASES, type Choices } from "../src/engine/types.ts";
import { ignored, pathExists, readmeCommands, readmeDevUrl, readmePaths, readmeVariables, unresolved } from "./readme-commands.ts";
import { plan } from "./helpers.ts";

const sample = pairwise(registry).allowed;
const name = (c: Choices) => [c.framework, c.rendering, c.content, c.commerce, c.auth, c.backend, c.search, c.deploy.join("+") || "no-deploy"].join("-");

// Set by a host or a tool, never by the user in .env: a README may name them.
const HOST_VARIABLES = new Set([
  "VERCEL_ENV", // Vercel: production, preview or development
  "VERCEL_URL", // Vercel: the deployment's own address
  "DEPLOY_PRIME_URL", // Netlify: a deploy preview's address
  "WORKERS_CI", // Cloudflare Workers Builds
  "HUGO_VERSION", // the host's Hugo install (netlify.toml, Vercel's project settings)
  "HUGO_BIN", // where Hugo is, when not on PATH: the machine's
  "PROTOCOL_HEADER", // SvelteKit adapter-node's, behind a proxy
]);
// Made by a tool, not planned: the lockfile (pnpm install), an adapter's Build Output config.
const MADE_BY_TOOLS = new Set(["pnpm-lock.yaml", "config.json"]);

it("samples every module of the registry", () => {
  const chosen = new Set(sample.flatMap((c) => resolveStack(registry, c).modules.map((m) => m.dir)));
  expect(registry.map((m) => m.dir).filter((d) => !chosen.has(d))).toEqual([]);
});

describe.each(sample.map((c) => [name(c), c] as const))("the README of %s", (_, choices) => {
  const tree = plan(choices);
  const readme = tree.get("README.md") as string;

  it("names only commands that resolve in the project", () => {
    const commands = readmeCommands(readme);
    expect(commands).toContain("pnpm dev");
    expect(commands.map((c) => [c, unresolved(c, { tree })]).filter(([, why]) => why)).toEqual([]);
  });

  it("names only paths the plan or the build makes, and variables .env.example lists", () => {
    const missing = readmePaths(readme).filter((p) => !pathExists(tree, ".", p) && !pathExists(tree, "apps/web", p) && !ignored(tree, p) && !MADE_BY_TOOLS.has(p));
    expect(missing).toEqual([]);
    const listed = new Set([...(tree.get(".env.example") as string).matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
    expect(readmeVariables(readme).filter((v) => !listed.has(v) && !HOST_VARIABLES.has(v))).toEqual([]);
  });

  it("gives the URL where pnpm dev serves the whole site, /api/* included", () => {
    const port = readmeDevUrl(readme).port;
    const stack = resolveStack(registry, choices);
    const functions = JSON.parse(tree.get("packages/functions/package.json") as string);
    if (choices.rendering === "hybrid") {
      // The framework's dev server mounts the functions: no dev server of their own.
      expect(port).toBe(String(stack.view.framework.devPort));
      expect(functions.scripts.dev).toBeUndefined();
      // …through one catch-all route of its own, which every server it runs (dev included) serves.
      const catchAll = [...tree.keys()].filter((p) => /^apps\/web\/.*\bapi\/\[\.\.\.path\]/.test(p));
      expect(catchAll).toHaveLength(1);
      expect(tree.get(catchAll[0] as string)).toContain("@repo/functions");
    } else {
      // packages/functions' dev server listens on FUNCTIONS_PORT (8888 by default) and proxies the rest
      // to the framework's port, both started by the root's `turbo run dev`.
      expect(tree.get(".env.example")).toContain(`FUNCTIONS_PORT=${port}`);
      expect(tree.get("packages/functions/scripts/dev.ts")).toContain("process.env.FUNCTIONS_PORT ?? 8888");
      expect(port).toBe("8888");
      expect(functions.scripts.dev).toBe(`node --watch scripts/dev.ts ${stack.view.framework.devPort}`);
    }
    expect(JSON.parse(tree.get("package.json") as string).scripts.dev).toBe("turbo run dev");
    // No port left for the reader to guess, and Stripe's CLI forwards to where /api/* is served.
    expect(readme).not.toMatch(/localhost:<port>/);
    for (const m of readme.matchAll(/stripe listen [^`]*--forward-to ([^`\s]+)/g)) expect(m[1]).toBe(`http://localhost:${port}/api/stripe-webhook`);
    if (choices.commerce === "stripe") expect(readme).toMatch(/stripe listen [^`]*--forward-to /);
  });

  it("lists every workspace in its table, and has a Go live path of short steps, each with a check", () => {
    const workspaces = [...tree.keys()].filter((p) => /^(apps|packages)\/[^/]+\/package\.json$/.test(p)).map((p) => p.replace("/package.json", ""));
    for (const ws of workspaces) expect(readme, ws).toMatch(new RegExp(`^\\| \`${ws}\` \\| \\S`, "m"));
    const goLive = readme.slice(readme.indexOf("## Go live"), readme.indexOf("## What is where"));
    const steps = goLive.split("\n").filter((l) => /^\d+\. /.test(l));
    const checks = goLive.split("\n").filter((l) => /^ +Check: \S/.test(l));
    expect(steps.length).toBeGreaterThan(0);
    expect(checks).toHaveLength(steps.length);
    for (const line of [...steps, ...checks]) expect(line.length, line).toBeLessThanOrEqual(520);
    if (choices.deploy.length) expect(goLive).toContain("### Deploy");
  });

  it("keeps the paragraphs a newcomer reads first short: Start to What is where, no paragraph over 600 characters", () => {
    const top = readme.slice(readme.indexOf("## Start"), readme.indexOf("## What is where")).replace(/```[\s\S]*?```/g, "");
    // A list item or a table row is a paragraph of its own.
    const long = top.split(/\n\s*\n|\n(?=\d+\. |- |\| )/).filter((p) => p.replace(/\s+/g, " ").trim().length > 600);
    expect(long).toEqual([]);
  });
});

describe("the command check", () => {
  const tree = plan({ content: "sanity" });
  const why = (command: string) => unresolved(command, { tree });

  it("refuses pnpm's own command where a script was meant", () => {
    expect(why("pnpm --filter studio deploy")).toMatch(/pnpm runs its own `deploy`.*pnpm --filter studio run deploy/);
    expect(why("pnpm --filter studio run deploy")).toBeUndefined();
  });

  it("refuses an unknown package, script, task, generator or file", () => {
    expect(why("pnpm --filter nope run build")).toMatch(/no workspace package is called nope/);
    expect(why("pnpm --filter web run nope")).toMatch(/has no script nope/);
    expect(why("pnpm nope")).toMatch(/the root has no script nope/);
    expect(why("pnpm turbo run nope --filter=web")).toMatch(/no such task/);
    expect(why("pnpm turbo gen nope")).toMatch(/no such generator/);
    expect(why("node scripts/nope.ts")).toMatch(/no such file/);
    expect(why("npx left-pad")).toMatch(/not a dependency/);
  });

  it("reads commands from sh blocks and from inline code, comments dropped", () => {
    expect(readmeCommands("```sh\npnpm dev   # the site\n\npnpm build\n```\nRun `pnpm --filter web start`, not `web`.")).toEqual(["pnpm dev", "pnpm build", "pnpm --filter web start"]);
  });

  it("matches the Sanity CLI's env file: apps/studio/.env is gitignored, and the README says to put SANITY_STUDIO_* there", () => {
    expect(ignored(tree, "apps/studio/.env")).toBe(true);
    expect(tree.get("README.md")).toMatch(/`SANITY_STUDIO_PROJECT_ID` and `SANITY_STUDIO_DATASET` in `apps\/studio\/.env`/);
  });
});
