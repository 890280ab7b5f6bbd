// The good paths, run as a script would: dry run, a written project, git, interruption, a failed install.
import { execa } from "execa";
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reproduceCommand } from "../../create-jam/src/engine/command.ts";
import { matrix } from "../../create-jam/src/engine/matrix.ts";
import { planProject } from "../../create-jam/src/engine/plan.ts";
import { registry } from "../../create-jam/src/engine/registry.ts";
import { modulesOf, resolveStack } from "../../create-jam/src/engine/stack.ts";
import { collectTemplates, compileStore } from "../../create-jam/src/engine/templates.ts";
import { pnpmVersion } from "../../create-jam/src/engine/versions.ts";
import type { Choices } from "../../create-jam/src/engine/types.ts";
import { fakeCommand, listAll, listFiles, runCli, tempDir } from "../helpers.ts";

const options = { name: "site", install: false, git: false };

const gitIdentity = { GIT_AUTHOR_NAME: "Test", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "Test", GIT_COMMITTER_EMAIL: "t@example.com" };

describe("create-jam without a terminal", () => {
  it("--help lists every flag", async () => {
    const r = await runCli(["--help"]);
    expect(r.exitCode).toBe(0);
    for (const flag of ["--framework", "--rendering", "--content", "--search", "--deploy", "--install", "--no-install", "--git", "--no-git", "--yes", "--dry-run", "--json", "--overwrite", "--help", "--version"]) {
      expect(r.stdout).toContain(flag);
    }
    // Every id, however long (github-pages), is two spaces or more from its label.
    for (const m of registry.filter((x) => x.kind !== "base")) expect(r.stdout).toMatch(new RegExp(`\\n {6}${m.id} {2,}${m.label.replace(/[()+.]/g, "\\$&")}: `));
    // none is said once where it is the default; the prompt's keys are the prompt's.
    expect(r.stdout).not.toContain("Default: none. Or none.");
    expect(r.stdout).toContain("--search <id>  Site search? Default: pagefind. Or none.");
    expect(r.stdout).not.toContain("space selects");
  });

  it("--help lists the modules' own flags with the modules that have them", async () => {
    const r = await runCli(["--help"]);
    expect(r.stdout).toMatch(/--anonymous-comments {2}Let visitors comment without signing in, under a name they give \(--backend supabase, --backend firebase\)/);
  });

  it("turns a module's flag on, records it in jam.json and its reproduce command", async () => {
    const cwd = tempDir();
    const r = await runCli(["site", "--yes", "--backend", "firebase", "--deploy", "netlify", "--anonymous-comments", "--no-install", "--no-git"], { cwd });
    expect(r.exitCode, r.all).toBe(0);
    const jam = JSON.parse(readFileSync(join(cwd, "site/jam.json"), "utf8"));
    expect(jam.choices.flags).toEqual(["anonymous-comments"]);
    expect(jam.command).toContain(" --anonymous-comments ");
    expect(readFileSync(join(cwd, "site/packages/functions/src/comments/anonymous.ts"), "utf8")).toContain('posting: Posting = "anyone"');
  });

  it("--json prints one object and nothing else: the files, the stack, the steps, the next commands, the reproduce command", async () => {
    const cwd = tempDir();
    const r = await runCli(["My Café", "--yes", "--json", "--framework", "eleventy", "--no-install", "--no-git"], { cwd });
    expect(r.exitCode, r.all).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ ok: true, dryRun: false, project: { name: "my-cafe", dir: join(cwd, "My Café") }, steps: [], next: ["cd 'My Café'", "pnpm install", "pnpm dev", "pnpm build"] });
    expect(result.notices).toEqual(['Using "my-cafe" as the package name ("My Café" is not a valid one); the folder is "My Café".']);
    expect(result.stack.choices.framework).toBe("eleventy");
    expect(result.stack.modules.map((m: { kind: string; id: string }) => `${m.kind}:${m.id}`)).toContain("framework:eleventy");
    const written = listFiles(join(cwd, "My Café"));
    expect(result.files.map((f: { path: string }) => f.path).sort()).toEqual(written);
    expect(result.files).toContainEqual({ path: "package.json", bytes: readFileSync(join(cwd, "My Café/package.json")).length });
    // The reproduce command names the folder as given (quoted), where jam.json can only name the package.
    const recorded = JSON.parse(readFileSync(join(cwd, "My Café/jam.json"), "utf8")).command as string;
    expect(result.command).toBe(recorded.replace(" my-cafe -- ", " 'My Café' -- "));
  });

  it("--json --dry-run lists what it would write and writes nothing; a refusal is JSON too", async () => {
    const cwd = tempDir();
    const dry = await runCli(["site", "--yes", "--json", "--dry-run"], { cwd });
    expect(dry.exitCode, dry.all).toBe(0);
    const result = JSON.parse(dry.stdout);
    expect(result.dryRun).toBe(true);
    expect(result.files.map((f: { path: string }) => f.path)).toContain("apps/web/package.json");
    expect(listAll(cwd)).toEqual([]);
    // Without --yes it still never asks (stdout is the object's): the missing flags are the error.
    const refused = await runCli(["site", "--json", "--framework", "nope"], { cwd });
    expect(refused.exitCode).toBe(2);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { message: expect.stringContaining('Unknown --framework "nope"'), exitCode: 2 } });
  });

  it("--version prints the package version", async () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "../../create-jam/package.json"), "utf8"));
    expect((await runCli(["--version"])).stdout.trim()).toBe(pkg.version);
  });

  it("--dry-run prints the tree and writes nothing", async () => {
    const cwd = tempDir();
    const r = await runCli(["site", "--yes", "--dry-run"], { cwd });
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toContain("apps/web/package.json");
    expect(r.stdout).toContain("Nothing was written.");
    expect(listAll(cwd)).toEqual([]);
  });

  it("writes the default project with --yes, reproducible from its own jam.json", async () => {
    const cwd = tempDir();
    const r = await runCli(["site", "--yes", "--no-install", "--no-git"], { cwd });
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toContain("Created site\nAstro, Static (SSG), Markdown files, Pagefind, Vercel\n");
    const jam = JSON.parse(readFileSync(join(cwd, "site/jam.json"), "utf8"));
    // The reproduce command, in lines of 80 columns at most joined by " \\", as a shell runs them.
    // Every line of the last screen fits 80 columns, a script's as a terminal's.
    for (const line of r.stdout.split("\n")) expect(line.length, line).toBeLessThanOrEqual(80);
    const lines = r.stdout.slice(r.stdout.indexOf("Make it again")).trim().split("\n").slice(1);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(lines.join("\n").replace(/ \\\n {2}/g, " ")).toBe(jam.command);
    // A static stack's dev server: the functions' server on 8888 in front of the framework's.
    expect(r.stdout).toContain("  pnpm dev      # http://localhost:8888: the site and its functions");
    expect(r.stdout).toContain("  pnpm build    # the static site, cached by turbo");
    // The reproduce command, run again in another folder, writes byte-identical files.
    const args = jam.command.split(" -- ")[1].split(" ");
    const again = tempDir();
    expect((await runCli(["site", ...args], { cwd: again })).exitCode).toBe(0);
    // Every file, dotted folders (.github/) and extensionless files included.
    for (const f of listFiles(join(cwd, "site"))) {
      expect(readFileSync(join(again, "site", f), "utf8"), f).toBe(readFileSync(join(cwd, "site", f), "utf8"));
    }
  });

  it("keeps the folder the user named, makes a valid package name of it, and says so", async () => {
    const cwd = tempDir();
    const r = await runCli(["My Café", "--yes", "--no-install", "--no-git"], { cwd });
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toContain('Using "my-cafe" as the package name ("My Café" is not a valid one); the folder is "My Café".');
    expect(readdirSync(cwd)).toEqual(["My Café"]);
    expect(JSON.parse(readFileSync(join(cwd, "My Café/package.json"), "utf8")).name).toBe("my-cafe");
    // The next step quotes the folder for the shell.
    expect(r.stdout).toContain("  cd 'My Café'");
  });

  it("names the folder after the package when the given name cannot be a folder everywhere", async () => {
    const cwd = tempDir();
    const r = await runCli(["what?", "--yes", "--no-install", "--no-git"], { cwd });
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toContain('Using "what" as the package name ("what?" is not a valid one); the folder is "what".');
    expect(readdirSync(cwd)).toEqual(["what"]);
  });

  it("replaces a non-empty folder's contents with --overwrite and keeps its .git", async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, "site/.git"), { recursive: true });
    writeFileSync(join(cwd, "site/old.txt"), "old");
    const r = await runCli(["site", "--yes", "--no-install", "--no-git", "--overwrite"], { cwd });
    expect(r.exitCode, r.all).toBe(0);
    expect(existsSync(join(cwd, "site/old.txt"))).toBe(false);
    expect(existsSync(join(cwd, "site/.git"))).toBe(true);
    expect(readdirSync(cwd)).toEqual(["site"]);
  });

  it("creates a git repository with one commit", async () => {
    const cwd = tempDir();
    const r = await runCli(["site", "--yes", "--no-install", "--git"], { cwd, env: gitIdentity });
    expect(r.exitCode, r.all).toBe(0);
    const log = await execa("git", ["log", "--oneline"], { cwd: join(cwd, "site") });
    expect(log.stdout).toMatch(/Initial commit from create-jam/);
    expect((await execa("git", ["status", "--porcelain"], { cwd: join(cwd, "site") })).stdout).toBe("");
  });

  it("leaves no folder when interrupted mid-write", async () => {
    const cwd = tempDir();
    const child = runCli(["site", "--yes", "--no-install", "--no-git"], { cwd, env: { CREATE_JAM_TEST_WRITE_DELAY_MS: "40" } });
    await new Promise((r) => setTimeout(r, 600));
    child.kill("SIGINT");
    const r = await child;
    expect(r.exitCode, r.all).toBe(130);
    expect(r.stderr).toContain("Cancelled: nothing was written.");
    expect(listAll(cwd)).toEqual([]);
  });

  it("keeps the project when the install fails, and says what to run", async () => {
    const cwd = tempDir();
    // A pnpm that fails, first on PATH: the failure path, without breaking a real registry.
    const pnpm = fakeCommand("pnpm", () => "[ \"$1\" = --version ] && echo 11.0.0 && exit 0\necho 'ERR_PNPM_FETCH_404 no such package' >&2\nexit 1");
    const r = await runCli(["site", "--yes", "--install", "--no-git"], { cwd, env: pnpm.env });
    expect(r.exitCode, r.all).toBe(3);
    expect(r.stdout).toContain("install failed");
    expect(r.stdout).toContain("ERR_PNPM_FETCH_404");
    expect(r.stdout).toContain("  Run it by hand:\n    cd site\n    pnpm install\n");
    expect(existsSync(join(cwd, "site/package.json"))).toBe(true);
  });
});

describe("the last words of a run", () => {
  const version = JSON.parse(readFileSync(join(import.meta.dirname, "../../create-jam/package.json"), "utf8")).version as string;

  it("reproduce the folder as given, from where the command ran (../x), not the package name", async () => {
    const cwd = join(tempDir(), "here");
    mkdirSync(cwd);
    const r = await runCli(["../x", "--yes", "--no-install", "--no-git"], { cwd });
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toContain("  cd ../x\n");
    expect(r.stdout).toContain(`\nnpm create jam@${version} ../x -- --framework astro`);
    const json = JSON.parse((await runCli(["../y", "--yes", "--no-install", "--no-git", "--json"], { cwd })).stdout);
    expect(json.command).toMatch(new RegExp(`^npm create jam@${version.replace(/\./g, "\\.")} \\.\\./y -- `));
  });

  it("say a CMS stack's build is not cached by turbo, and why", async () => {
    const cwd = tempDir();
    const r = await runCli(["site", "--yes", "--content", "sanity", "--no-install", "--no-git"], { cwd });
    expect(r.exitCode, r.all).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, "site/turbo.json"), "utf8")).tasks.build.cache).toBe(false);
    const text = r.stdout.replace(/\n {16}# /g, " ");
    expect(text).toContain("pnpm build    # the static site; not cached by turbo, which cannot see a change in Sanity");
    expect(text).not.toContain("cached by turbo\n");
  });

  it("without pnpm, say what was tried and what happens instead before it happens", async () => {
    const cwd = tempDir();
    // A PATH with node and an npm that records how it was called, and no pnpm.
    const path = tempDir("jam-path-");
    symlinkSync(process.execPath, join(path, "node"));
    const npm = fakeCommand("npm", (calls) => `echo "$*" >> ${calls}\nexit 0`);
    const r = await runCli(["site", "--yes", "--install", "--no-git"], { cwd, env: { PATH: `${npm.env.PATH.split(":")[0]}:${path}` } });
    expect(r.exitCode, r.all).toBe(0);
    const said = `pnpm is not on PATH: installing with pnpm ${pnpmVersion} through \`npm exec --yes pnpm@${pnpmVersion} -- install\` instead (npm downloads it first).`;
    expect(r.stdout).toContain(said);
    expect(r.stdout.indexOf(said)).toBeLessThan(r.stdout.indexOf("Installing dependencies with pnpm"));
    expect(readFileSync(npm.calls, "utf8").trim()).toBe(`exec --yes pnpm@${pnpmVersion} -- install`);
    // Installed: the next steps do not ask for it.
    expect(r.stdout).not.toContain("  pnpm install");
  });
});

/** Per framework, the richest stack its rules allow: every test of the bundle sees every template. */
function richestPerFramework() {
  const { allowed } = matrix(registry);
  const score = (c: Choices) => (c.rendering === "hybrid" ? 4 : 0) + (c.search !== "none" ? 2 : 0) + c.deploy.length;
  return modulesOf(registry, "framework").map((f) => allowed.filter((c) => c.framework === f.id).sort((a, b) => score(b) - score(a))[0]);
}

describe("the bundled CLI and the engine", () => {
  it.each(richestPerFramework().map((c) => [reproduceCommand(c, options, "x").split(" -- ")[1], c] as const))(
    "write byte-identical files for %s (precompiled templates render like the engine's)",
    async (flags, choices) => {
      const { version } = JSON.parse(readFileSync(join(import.meta.dirname, "../../create-jam/package.json"), "utf8"));
      const tree = planProject({
        registry,
        stack: resolveStack(registry, choices),
        options,
        store: compileStore(collectTemplates(join(import.meta.dirname, "../.."))),
        version,
      });
      const cwd = tempDir();
      const r = await runCli(["site", ...flags.split(" ")], { cwd });
      expect(r.exitCode, r.all).toBe(0);
      expect(listFiles(join(cwd, "site"))).toEqual([...tree.keys()].sort());
      for (const [path, text] of tree) expect(readFileSync(join(cwd, "site", path), "utf8"), path).toBe(text);
    },
  );
});

describe("post steps that fail keep the project", () => {
  it("says git is missing, exits 3 and prints the commands to run", async () => {
    const cwd = tempDir();
    // A PATH that has node and nothing else.
    const onlyNode = tempDir("jam-path-");
    symlinkSync(process.execPath, join(onlyNode, "node"));
    const r = await runCli(["site", "--yes", "--no-install", "--git"], { cwd, env: { PATH: onlyNode } });
    expect(r.exitCode, r.all).toBe(3);
    expect(r.stdout).toContain("✖ git failed: git is not installed");
    expect(r.stdout).toContain('  Run it by hand:\n    cd site\n    git init\n    git add -A\n    git commit -m "Initial commit from create-jam"\n');
    expect(existsSync(join(cwd, "site/jam.json"))).toBe(true);
  });
});
