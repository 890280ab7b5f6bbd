// Each bad input: one sentence and the fix on stderr, its exit code, and not one file written.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reproduceCommand } from "../../create-jam/src/engine/command.ts";
import { kinds } from "../../create-jam/src/engine/kinds.ts";
import { pairwise } from "../../create-jam/src/engine/matrix.ts";
import { registry } from "../../create-jam/src/engine/registry.ts";
import { chosenIds, findModule, incompatibilities, modulesOf } from "../../create-jam/src/engine/stack.ts";
import type { Choices, RegisteredModule } from "../../create-jam/src/engine/types.ts";
import { listAll, runCli, tempDir } from "../helpers.ts";

// The deploy targets, as the CLI lists them.
const deployIds = modulesOf(registry, "deploy").map((m) => m.id);

const options = { name: "site", install: false, git: false };
const resolveModules = (c: Choices) =>
  kinds.flatMap((k) => chosenIds(c, k.kind).map((id) => findModule(registry, k.kind, id) as RegisteredModule));

const USAGE = 2;

async function expectRefused(args: string[], message: RegExp, setup?: (cwd: string) => void) {
  const cwd = tempDir();
  setup?.(cwd);
  const before = listAll(cwd);
  const r = await runCli(args, { cwd });
  expect(r.exitCode, r.all).toBe(USAGE);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/at .*\.mjs:\d+/); // no stack trace
  expect(listAll(cwd)).toEqual(before);
  return r;
}

describe("create-jam refuses bad input and writes nothing", () => {
  it("names every missing flag and its allowed values when there is no terminal", async () => {
    const r = await expectRefused([], /No terminal to ask in/);
    for (const part of ["project folder", "--framework astro|next", "--rendering static|hybrid", "--content markdown", "--search pagefind|algolia|none", `--deploy ${deployIds.join("|")}|none`, "--install or --no-install", "--git or --no-git"]) {
      expect(r.stderr).toContain(part);
    }
    expect(r.stderr).toContain("--yes");
  });

  it("names only what is missing", async () => {
    const given = ["--framework", "next", "--rendering", "static", "--content", "markdown", "--search", "none", "--no-install", "--no-git"];
    const r = await expectRefused(["site", ...given], new RegExp(`missing: --deploy ${deployIds.join("\\|")}\\|none\\.`));
    expect(r.stderr).not.toContain("--framework");
    // A kind left out by default (--commerce) is not asked for: such flags came later than scripts.
    expect(r.stderr).not.toContain("--commerce");
  });

  it("does not ask, without a terminal, for a kind the other flags leave one value for (Hugo and Eleventy render statically)", async () => {
    for (const framework of ["hugo", "eleventy"]) {
      const cwd = tempDir();
      const r = await runCli(["site", "--framework", framework, "--content", "markdown", "--search", "none", "--deploy", "netlify", "--no-install", "--no-git", "--dry-run", "--json"], { cwd });
      expect(r.exitCode, r.all).toBe(0);
      expect(JSON.parse(r.stdout).stack.choices.rendering).toBe("static");
    }
    // Where both are open, it is still missing.
    await expectRefused(["site", "--framework", "astro", "--content", "markdown", "--search", "none", "--deploy", "netlify", "--no-install", "--no-git"], /missing: --rendering static\|hybrid\./);
  });

  it("suggests the nearest flag for an unknown one", async () => {
    const r = await expectRefused(["site", "--yes", "--framwork", "next"], /Unknown flag --framwork\./);
    expect(r.stderr).toContain("Did you mean --framework?");
  });

  it("lists the allowed values for an unknown one", async () => {
    const r = await expectRefused(["site", "--yes", "--deploy", "vercel,netlfy"], /Unknown --deploy "netlfy"\./);
    expect(r.stderr).toContain(`Did you mean netlify? Allowed: ${deployIds.join(", ")}, none.`);
  });

  it("rejects a name that cannot become a package name", async () => {
    await expectRefused(["node_modules", "--yes"], /"node_modules" cannot be made into a package name/);
    await expectRefused(["***", "--yes"], /"\*\*\*" cannot be made into a package name/);
  });

  it("refuses an existing non-empty folder unless --overwrite is given", async () => {
    const r = await expectRefused(["site", "--yes", "--no-install", "--no-git"], /already exists and is not empty \(1 entry\)/, (cwd) => {
      mkdirSync(join(cwd, "site"));
      writeFileSync(join(cwd, "site/notes.txt"), "mine");
    });
    expect(r.stderr).toContain("--overwrite");
  });

  it("refuses when a file is in the way", async () => {
    await expectRefused(["site", "--yes"], /site is a file, not a folder/, (cwd) => writeFileSync(join(cwd, "site"), "x"));
    await expectRefused(["f/site", "--yes"], /part of that path is a file|f is a file/, (cwd) => writeFileSync(join(cwd, "f"), "x"));
  });

  it("refuses a folder it may not write", async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, "locked"));
    chmodSync(cwd, 0o755);
    chmodSync(join(cwd, "locked"), 0o555);
    // Root may write anywhere, so when the tests run as root the CLI runs as an unprivileged user.
    const r = await runCli(["locked/site", "--yes", "--no-install", "--no-git"], { cwd, unprivileged: true });
    expect(r.exitCode, r.all).toBe(USAGE);
    expect(r.stderr).toMatch(/Cannot write in .*locked: permission denied\./);
    expect(listAll(cwd)).toEqual(["locked"]);
  });

  it("says which Node version the stack needs, and runs on the oldest supported Node to say it", async () => {
    const oldNode = process.env.JAM_OLD_NODE as string;
    expect(oldNode, "JAM_OLD_NODE (the oldest supported Node) is set by scripts/test.ts").toBeTruthy();
    const cwd = tempDir();
    const r = await runCli(["site", "--yes", "--no-install", "--no-git"], { cwd, node: oldNode });
    expect(r.exitCode, r.all).toBe(USAGE);
    expect(r.stderr).toMatch(/This stack needs Node 22\.18\.0 or newer .*, and this is Node 20\.12\.0\./);
    expect(r.stderr).toContain("Install Node 24 LTS");
    expect(listAll(cwd)).toEqual([]);
  });

  it.each(pairwise(registry).refused.map(({ choices: c }) => [reproduceCommand(c, options, "x").split(" -- ")[1], c] as const))(
    "refuses %s with the rule's own words (one refused combination per refused pair)",
    async (flags, choices) => {
      const [broken] = incompatibilities(registry, resolveModules(choices));
      expect(broken, flags).toBeDefined();
      const r = await expectRefused(["site", ...flags.split(" ")], /does not work with/);
      expect(r.stderr).toContain(broken.message);
      expect(r.stderr).toContain("Either ");
    },
  );

  it("refuses a module's flag without its module, or beside a module it does not work with, before any question", async () => {
    const r = await expectRefused(["site", "--backend", "none", "--anonymous-comments"], /--anonymous-comments is an option of Supabase and Firebase, and no backend module that has it is chosen/);
    expect(r.stderr).toContain("Add --backend supabase|firebase, or drop --anonymous-comments.");
    const withAuth = await expectRefused(["site", "--yes", "--backend", "supabase", "--auth", "auth0", "--deploy", "netlify", "--anonymous-comments"], /--anonymous-comments does not work with --auth auth0: with an auth module, commenters sign in/);
    expect(withAuth.stderr).toContain("Either drop --anonymous-comments, or use --auth none.");
  });

  it("refuses what GitHub Pages cannot run, with a host that can or a module that needs no server", async () => {
    const stripe = await expectRefused(["site", "--yes", "--framework", "eleventy", "--commerce", "stripe", "--deploy", "github-pages"], /--deploy github-pages does not work with --commerce stripe: GitHub Pages serves files and runs no server routes, and Stripe Checkout starts at \/api\/checkout: Snipcart's cart needs none\./);
    expect(stripe.stderr).toContain("Either use --commerce snipcart, or pick --deploy vercel|netlify|cloudflare.");
    const auth = await expectRefused(["site", "--yes", "--framework", "hugo", "--auth", "auth0", "--deploy", "github-pages"], /--deploy github-pages does not work with --auth auth0: GitHub Pages serves files and runs no server routes, and sign-in needs \/api\/auth\/\*\./);
    expect(auth.stderr).toContain("Either use --auth none, or pick --deploy vercel|netlify|cloudflare.");
    const hybrid = await expectRefused(["site", "--yes", "--framework", "astro", "--rendering", "hybrid", "--deploy", "github-pages"], /--deploy github-pages does not work with --rendering hybrid: GitHub Pages serves files and runs no server routes: every page must be pre-rendered\./);
    expect(hybrid.stderr).toContain("Either use --rendering static, or pick --deploy vercel|netlify|cloudflare.");
  });

  it("names every conflict of the given flags at once, each with its fix", async () => {
    const flags = ["--framework", "gatsby", "--rendering", "hybrid", "--commerce", "stripe", "--deploy", "github-pages"];
    const choices = { framework: "gatsby", rendering: "hybrid", content: "markdown", commerce: "stripe", auth: "none", backend: "none", search: "none", deploy: ["github-pages"] } as Choices;
    const broken = incompatibilities(registry, resolveModules(choices));
    expect(broken.length).toBeGreaterThanOrEqual(3);
    const r = await expectRefused(["site", "--yes", ...flags], new RegExp(`^✖ ${broken.length} problems, each with its fix:\n`));
    for (const [i, b] of broken.entries()) expect(r.stderr).toContain(`  ${i + 1}. ${b.message}\n     ${b.fix}`);
    // --json lists them one by one too.
    const json = await runCli(["site", "--yes", "--json", ...flags], { cwd: tempDir() });
    expect(JSON.parse(json.stdout).error.problems).toEqual(broken.map((b) => ({ message: b.message, fix: b.fix })));
  });

  it("--dry-run refuses a non-empty folder as the real run does", async () => {
    const r = await expectRefused(["site", "--yes", "--dry-run"], /already exists and is not empty \(1 entry\)/, (cwd) => {
      mkdirSync(join(cwd, "site"));
      writeFileSync(join(cwd, "site/notes.txt"), "mine");
    });
    expect(r.stdout).not.toContain("Dry run");
  });

  it("rejects contradicting flags", async () => {
    await expectRefused(["site", "--yes", "--git", "--no-git"], /--git and --no-git contradict/);
  });

  it("does not touch a folder it refuses", async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, "site"));
    writeFileSync(join(cwd, "site/keep.md"), "precious");
    await runCli(["site", "--framework", "nope", "--yes"], { cwd });
    expect(readFileSync(join(cwd, "site/keep.md"), "utf8")).toBe("precious");
  });
});
