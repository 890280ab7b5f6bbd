// `create-jam add` and `upgrade` as a user runs them, in a git repository the test makes: merged
// edits, conflicts git sees, refusals that change nothing, the dry run, a run stopped midway.
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { exitCodeLines } from "../../create-jam/src/engine/errors.ts";
import { treeHash } from "../../create-jam/src/engine/tree-hash.ts";
import { editFile, fakeCommand, listFiles, projectFiles, runCli, tempDir } from "../helpers.ts";

const gitIdentity = { GIT_AUTHOR_NAME: "Test", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "Test", GIT_COMMITTER_EMAIL: "t@example.com" };
const env = { ...gitIdentity, CI: "true" };

/** A project made as a user makes one (a git repository with its first commit), in a folder of its own. */
async function project(flags: string[] = []): Promise<string> {
  const cwd = tempDir("jam-update-");
  const r = await runCli(["site", "--yes", "--no-install", "--git", ...flags], { cwd, env });
  expect(r.exitCode, r.all).toBe(0);
  return join(cwd, "site");
}

const git = (dir: string, ...args: string[]) => execa("git", args, { cwd: dir, env, reject: false });
const commitAll = async (dir: string, message: string) => {
  await git(dir, "add", "-A");
  await git(dir, "commit", "-qm", message);
};
const files = projectFiles;
const edit = (dir: string, path: string, change: (text: string) => string) => editFile(join(dir, path), change);

describe("create-jam add", () => {
  it("on an unedited project, from a folder inside it, writes exactly the project made fresh with the module; a second add changes nothing", async () => {
    const site = await project();
    const r = await runCli(["add", "search", "algolia"], { cwd: join(site, "apps/web"), env });
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toMatch(/added +packages\/sections\/src\/algolia\.ts/);
    expect(r.stdout).toMatch(/deleted +apps\/web\/pagefind\.json/);
    const fresh = await project(["--search", "algolia"]);
    expect(files(site)).toEqual(files(fresh));
    await commitAll(site, "algolia");
    const again = await runCli(["add", "search", "algolia"], { cwd: site, env });
    expect(again.exitCode, again.all).toBe(0);
    expect(again.stdout).toContain("Nothing to change");
    expect((await git(site, "status", "--porcelain")).stdout).toBe("");
  });

  it("keeps the user's edits: a line elsewhere in a file the template changes, and a version the user raised", async () => {
    const site = await project();
    edit(site, "README.md", (t) => t.replace(/^# Site$/m, "# Site, by me"));
    edit(site, "apps/web/package.json", (t) => t.replace(/"astro": "[^"]+"/, '"astro": "99.0.0"'));
    await commitAll(site, "my edits");
    const r = await runCli(["add", "commerce", "stripe"], { cwd: site, env });
    expect(r.exitCode, r.all).toBe(0);
    const readme = readFileSync(join(site, "README.md"), "utf8");
    expect(readme).toContain("# Site, by me");
    expect(readme).toContain("--commerce stripe");
    const web = JSON.parse(readFileSync(join(site, "apps/web/package.json"), "utf8"));
    expect(web.dependencies.astro).toBe("99.0.0");
    expect(existsSync(join(site, "packages/sections/src/commerce/stripe.ts"))).toBe(true);
    expect(JSON.parse(readFileSync(join(site, "jam.json"), "utf8")).choices.commerce).toBe("stripe");
  });

  it("marks edits on the same lines as a conflict git sees (both modified, three stages) and exits 4; JSON gets no markers", async () => {
    const site = await project();
    edit(site, "README.md", (t) => t.replace(/^Made with create-jam /m, "Made by me with create-jam "));
    await commitAll(site, "my line");
    const r = await runCli(["add", "commerce", "snipcart"], { cwd: site, env });
    expect(r.exitCode, r.all).toBe(4);
    expect(r.stdout).toMatch(/CONFLICT +README\.md/);
    expect(r.stdout).toContain("staged as git conflicts");
    const readme = readFileSync(join(site, "README.md"), "utf8");
    expect(readme).toMatch(/<<<<<<< ours \(your project\)\nMade by me with create-jam [\s\S]*\|\|\|\|\|\|\| base \(create-jam [^)]+\)\n[\s\S]*=======\n[\s\S]*--commerce snipcart[\s\S]*>>>>>>> theirs/);
    expect((await git(site, "status", "--porcelain", "README.md")).stdout).toBe("UU README.md");
    const stages = (await git(site, "ls-files", "-u", "README.md")).stdout.split("\n").map((l) => l.split(/\s+/));
    expect(stages.map((s) => s[2])).toEqual(["1", "2", "3"]);
    expect(new Set(stages.map((s) => s[1])).size).toBe(3);
    for (const p of listFiles(site).filter((p) => /\.(json|ya?ml)$/.test(p) && !p.startsWith(".git/"))) expect(readFileSync(join(site, p), "utf8"), p).not.toContain("<<<<<<<");
  });

  it("merges a wrangler.jsonc of the user's own with the one add deploy cloudflare plans as data: no markers, the user's values kept", async () => {
    const site = await project();
    writeFileSync(join(site, "apps/web/wrangler.jsonc"), '{\n  // mine\n  "name": "my-own-worker",\n  "vars": { "MINE": "1" },\n}\n');
    await commitAll(site, "my own Worker config");
    const r = await runCli(["add", "deploy", "cloudflare"], { cwd: site, env });
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toMatch(/merged +apps\/web\/wrangler\.jsonc \(kept your name\)/);
    const text = readFileSync(join(site, "apps/web/wrangler.jsonc"), "utf8");
    expect(text).not.toContain("<<<<<<<");
    const config = JSON.parse(text);
    expect(config).toMatchObject({ name: "my-own-worker", vars: { MINE: "1" }, assets: { directory: expect.any(String) } });
  });

  it("keeps the mode of a file it changes: a file the user made executable stays executable", async () => {
    const site = await project();
    chmodSync(join(site, "README.md"), 0o755);
    await commitAll(site, "an executable README");
    const r = await runCli(["add", "commerce", "snipcart"], { cwd: site, env });
    expect(r.exitCode, r.all).toBe(0);
    expect(readFileSync(join(site, "README.md"), "utf8")).toContain("--commerce snipcart");
    expect(statSync(join(site, "README.md")).mode & 0o777).toBe(0o755);
  });

  it("leaves a file the user deleted deleted, and says how to bring it back; --restore does", async () => {
    const site = await project();
    await git(site, "rm", "-q", "README.md");
    await commitAll(site, "no README");
    const r = await runCli(["add", "commerce", "snipcart"], { cwd: site, env });
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toMatch(/deleted by you, stays deleted \(the new templates changed it; --restore <path> brings it back\) README\.md/);
    expect(existsSync(join(site, "README.md"))).toBe(false);
    await commitAll(site, "snipcart");
    const restored = await runCli(["upgrade", "--restore", "README.md"], { cwd: site, env });
    expect(restored.exitCode, restored.all).toBe(0);
    expect(readFileSync(join(site, "README.md"), "utf8")).toContain("--commerce snipcart");
    const unknown = await runCli(["upgrade", "--restore", "nope.md"], { cwd: site, env });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain("--restore takes files the templates make, and these are none: nope.md.");
  });

  it("a file the user renamed (git mv) takes the template's change under its new name, and is not made again under the old", async () => {
    const site = await project();
    await git(site, "mv", "README.md", "DOCS.md");
    edit(site, "DOCS.md", (t) => t.replace(/^# .*$/m, "# Our site"));
    await commitAll(site, "README is DOCS now");
    const r = await runCli(["add", "commerce", "snipcart", "--json"], { cwd: site, env });
    expect(r.exitCode, r.all).toBe(0);
    expect(JSON.parse(r.stdout).actions).toContainEqual({ path: "DOCS.md", action: "merged", renamedFrom: "README.md" });
    const docs = readFileSync(join(site, "DOCS.md"), "utf8");
    expect(docs).toContain("# Our site");
    expect(docs).toContain("--commerce snipcart");
    expect(existsSync(join(site, "README.md"))).toBe(false);
  });

  it("works in a project inside a larger git repository: dirty files and conflict stages under the project's own path", async () => {
    const outer = tempDir("jam-outer-");
    await git(outer, "init", "-q");
    const made = await runCli(["sites/site", "--yes", "--no-install", "--git"], { cwd: outer, env });
    expect(made.exitCode, made.all).toBe(0);
    expect(made.stdout).toContain("already in the git repository");
    const site = join(outer, "sites/site");
    await commitAll(outer, "the site");
    edit(site, "README.md", (t) => t.replace(/^Made with create-jam /m, "Made by us with create-jam "));
    const dirty = await runCli(["add", "commerce", "snipcart"], { cwd: site, env });
    expect(dirty.stderr).toContain("uncommitted changes: README.md.");
    await commitAll(outer, "our line");
    const r = await runCli(["add", "commerce", "snipcart"], { cwd: site, env });
    expect(r.exitCode, r.all).toBe(4);
    expect((await git(outer, "status", "--porcelain", "sites/site/README.md")).stdout).toBe("UU sites/site/README.md");
  });

  it("refuses, changing nothing, when a file it would change has uncommitted changes; --allow-dirty merges into it", async () => {
    const site = await project();
    edit(site, "README.md", (t) => t.replace(/^# Site$/m, "# Uncommitted"));
    const before = files(site);
    const r = await runCli(["add", "deploy", "netlify"], { cwd: site, env });
    expect(r.exitCode, r.all).toBe(2);
    expect(r.stderr).toContain("These files it would change have uncommitted changes: README.md.");
    expect(r.stderr).toContain("--allow-dirty");
    expect(files(site)).toEqual(before);
    const dirty = await runCli(["add", "deploy", "netlify", "--allow-dirty"], { cwd: site, env });
    expect(dirty.exitCode, dirty.all).toBe(0);
    expect(readFileSync(join(site, "README.md"), "utf8")).toContain("# Uncommitted");
    expect(existsSync(join(site, "netlify.toml"))).toBe(true);
  });

  it("--dry-run --json changes nothing and lists the actions the real run then takes", async () => {
    const site = await project();
    edit(site, "README.md", (t) => t.replace(/^# Site$/m, "# Site, by me"));
    await commitAll(site, "edit");
    const before = files(site);
    const dry = await runCli(["add", "search", "algolia", "--dry-run", "--json"], { cwd: site, env });
    expect(dry.exitCode, dry.all).toBe(0);
    expect(files(site)).toEqual(before);
    const plan = JSON.parse(dry.stdout);
    expect(plan).toMatchObject({ ok: true, dryRun: true, done: false, command: "add search algolia" });
    expect(plan.actions).toContainEqual({ path: "README.md", action: "merged" });
    expect(plan.actions).toContainEqual({ path: "apps/web/pagefind.json", action: "delete" });
    const real = await runCli(["add", "search", "algolia", "--json"], { cwd: site, env });
    expect(real.exitCode, real.all).toBe(0);
    expect(JSON.parse(real.stdout).actions).toEqual(plan.actions);
  });

  it("a run stopped by Ctrl+C leaves the old tree; one killed outright is undone by the next run, which then finishes", async () => {
    const site = await project();
    const before = files(site);
    const child = runCli(["add", "commerce", "stripe"], { cwd: site, env: { ...env, CREATE_JAM_TEST_WRITE_DELAY_MS: "100" } });
    await new Promise((r) => setTimeout(r, 1500));
    child.kill("SIGINT");
    const stopped = await child;
    expect(stopped.exitCode, stopped.all).toBe(130);
    expect(files(site)).toEqual(before);

    const killed = runCli(["add", "commerce", "stripe"], { cwd: site, env: { ...env, CREATE_JAM_TEST_WRITE_DELAY_MS: "100" } });
    await new Promise((r) => setTimeout(r, 1500));
    killed.kill("SIGKILL");
    await killed;
    expect(existsSync(join(site, ".create-jam-update"))).toBe(true);
    // What it left is never committed by mistake: the project's .gitignore names it.
    expect((await git(site, "status", "--porcelain", "--untracked-files=all")).stdout).not.toContain(".create-jam-update");
    const r = await runCli(["add", "commerce", "stripe"], { cwd: site, env });
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toContain("An earlier run was stopped midway: its changes were undone first.");
    expect(files(site)).toEqual(files(await project(["--commerce", "stripe"])));
  });

  it("never merges pnpm-lock.yaml: a changed package.json has pnpm install make it again", async () => {
    const site = await project();
    writeFileSync(join(site, "pnpm-lock.yaml"), "lockfileVersion: '9.0'\n");
    await commitAll(site, "a lockfile");
    // A pnpm first on PATH that records how it was called (the real install is the e2e's).
    const pnpm = fakeCommand("pnpm", (calls) => `echo "$PWD $*" >> ${calls}\n[ "$1" = --version ] && echo 11.0.0\nexit 0`);
    const calls = pnpm.calls;
    const r = await runCli(["add", "search", "algolia"], { cwd: site, env: { ...env, ...pnpm.env } });
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toContain("pnpm-lock.yaml is made again");
    expect(readFileSync(calls, "utf8")).toContain(`${site} install`);
    // Installed here: the next steps do not ask for it again.
    expect(r.stdout).not.toContain("  pnpm install");
    expect(readFileSync(join(site, "pnpm-lock.yaml"), "utf8")).toBe("lockfileVersion: '9.0'\n");
  });

  it("ends with the next steps: pnpm install when the dependencies changed, and each new variable with what it is", async () => {
    const site = await project();
    const r = await runCli(["add", "search", "algolia", "--no-install"], { cwd: site, env });
    expect(r.exitCode, r.all).toBe(0);
    const shown = r.stdout.slice(r.stdout.indexOf("\nNext:\n"));
    for (const line of shown.split("\n")) expect(line.length, line).toBeLessThanOrEqual(80);
    // A variable's text, wrapped under itself, read as one line.
    const next = shown.replace(/\n {6}(?=\S)/g, " ");
    expect(next).toContain("\n  pnpm install      # the dependencies changed\n");
    expect(next).toContain("  Set the new variables in .env (see .env.example) and on your host:\n");
    const example = readFileSync(join(site, ".env.example"), "utf8");
    for (const name of ["ALGOLIA_APP_ID", "ALGOLIA_SEARCH_KEY"]) {
      const comment = example.split("\n")[example.split("\n").findIndex((l) => l.startsWith(`${name}=`)) - 1]?.slice(2);
      expect(next).toContain(`    ${name}: ${comment}\n`);
    }
    // A variable the project already had is not new.
    expect(next).not.toContain("FUNCTIONS_PORT");
    expect(next).toContain("  review with git diff, then commit");
    const json = JSON.parse((await runCli(["add", "commerce", "stripe", "--no-install", "--json", "--allow-dirty"], { cwd: site, env })).stdout);
    expect(json.next).toContain("pnpm install");
    expect(json.variables.map((v: { name: string }) => v.name)).toContain("STRIPE_SECRET_KEY");
  });

  it("refuses what the modules rule out with their reason, and a kind or module it does not know", async () => {
    const site = await project(["--rendering", "hybrid"]);
    const before = files(site);
    const pages = await runCli(["add", "deploy", "github-pages"], { cwd: site, env });
    expect(pages.exitCode, pages.all).toBe(2);
    expect(pages.stderr).toContain("--deploy github-pages does not work with --rendering hybrid");
    const kind = await runCli(["add", "cms", "sanity"], { cwd: site, env });
    expect(kind.stderr).toContain('Unknown kind "cms".');
    const id = await runCli(["add", "content", "wordpress"], { cwd: site, env });
    expect(id.stderr).toMatch(/Unknown content "wordpress"\.\n {2}Allowed: markdown, sanity/);
    expect(files(site)).toEqual(before);
  });
});

describe("create-jam upgrade", () => {
  it("to the version that made the project writes nothing", async () => {
    const site = await project();
    const r = await runCli(["upgrade"], { cwd: site, env });
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toContain("Nothing to change");
    expect((await git(site, "status", "--porcelain")).stdout).toBe("");
  });

  it("--to another version has that version run upgrade, with every flag but --to", async () => {
    const site = await project();
    // An npm first on PATH that records how it was called (the registry run is the release e2e's).
    // It asks the registry first that the version exists (npm view), then runs it.
    const npm = fakeCommand("npm", (calls) => `echo "$*" >> ${calls}\n[ "$1" = view ] && echo '"9.9.9"' && exit 0\nexit 2`);
    const r = await runCli(["upgrade", "--to", "9.9.9", "--dry-run", "--json"], { cwd: join(site, "apps/web"), env: { ...env, ...npm.env } });
    expect(readFileSync(npm.calls, "utf8").trim().split("\n")).toEqual(["view create-jam@9.9.9 version --json", "exec --yes --package create-jam@9.9.9 -- create-jam upgrade --dry-run --json"]);
    // Its exit code is the other version's.
    expect(r.exitCode, r.all).toBe(2);
  });

  it("--to a version the registry does not have is one sentence of create-jam's (exit 2), not npm's 404, and runs nothing", async () => {
    const site = await project();
    const before = files(site);
    // npm's answer for a version that is not there (npm view --json prints the error as JSON, exit 1).
    const npm = fakeCommand("npm", (calls) => `echo "$*" >> ${calls}\necho '{"error":{"code":"E404","summary":"Not Found - GET https://registry.npmjs.org/create-jam"}}'\necho 'npm error code E404' >&2\nexit 1`);
    const r = await runCli(["upgrade", "--to", "99.99.99"], { cwd: site, env: { ...env, ...npm.env } });
    expect(r.exitCode, r.all).toBe(2);
    expect(r.stderr).toBe("✖ create-jam 99.99.99 is not on the npm registry, so there is nothing to upgrade to.\n  Pick a published version (npm view create-jam versions), or leave out --to for this create-jam's templates.");
    expect(r.all).not.toContain("E404");
    expect(readFileSync(npm.calls, "utf8").trim()).toBe("view create-jam@99.99.99 version --json");
    expect(files(site)).toEqual(before);
  });

  it("gets the base of another version from refs/jam/base, offline; with neither that ref nor the registry it refuses, changing nothing", async () => {
    const site = await project();
    // As a project another create-jam version made: this one cannot plan its base itself.
    edit(site, "jam.json", (t) => t.replace(/"createJam": "[^"]+"/, '"createJam": "0.0.1"'));
    await commitAll(site, "made by 0.0.1");
    // No registry: an npm that fails, recording that it was asked.
    const npm = fakeCommand("npm", (calls) => `echo "$*" >> ${calls}\necho "npm error network: getaddrinfo ENOTFOUND registry.npmjs.org" >&2\nexit 1`);
    const calls = npm.calls;
    const offline = { ...env, ...npm.env };
    const r = await runCli(["upgrade"], { cwd: site, env: offline });
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toContain("(base: refs/jam/base)");
    expect(existsSync(calls)).toBe(false);
    expect(JSON.parse(readFileSync(join(site, "jam.json"), "utf8")).createJam).not.toBe("0.0.1");

    await git(site, "checkout", "-q", "jam.json");
    await git(site, "update-ref", "-d", "refs/jam/base");
    const before = files(site);
    const refused = await runCli(["upgrade"], { cwd: site, env: offline });
    expect(refused.exitCode, refused.all).toBe(1);
    expect(refused.stderr).toContain("The files create-jam 0.0.1 made for this project cannot be had, so nothing can be merged: refs/jam/base is missing or holds another tree; create-jam@0.0.1 could not be run from the registry (npm error network: getaddrinfo ENOTFOUND registry.npmjs.org).");
    expect(files(site)).toEqual(before);
  });

  it("refuses when the base cannot be had, changing nothing", async () => {
    const site = await project();
    edit(site, "jam.json", (t) => t.replace(/"baseTree": "[0-9a-f]+"/, `"baseTree": "${"0".repeat(40)}"`));
    await commitAll(site, "a baseTree that matches no tree");
    const before = files(site);
    const r = await runCli(["upgrade"], { cwd: site, env, timeout: 300_000 });
    expect(r.exitCode, r.all).toBe(1);
    expect(r.stderr).toMatch(/The files create-jam [\d.]+ made for this project cannot be had, so nothing can be merged: .*refs\/jam\/base is missing or holds another tree/);
    expect(files(site)).toEqual(before);
  });
});

describe("create-jam render", () => {
  it("prints the files planned for a jam.json, given by a relative or an absolute path: every file as written, and the tree jam.json's baseTree names", async () => {
    const site = await project(["--framework", "eleventy", "--search", "none"]);
    const manifest = JSON.parse(readFileSync(join(site, "jam.json"), "utf8"));
    for (const [cwd, path] of [[site, "jam.json"], [tempDir(), join(site, "jam.json")]] as const) {
      const r = await runCli(["render", "--manifest", path], { cwd, env });
      expect(r.exitCode, r.all).toBe(0);
      const planned = JSON.parse(r.stdout).files as Record<string, string>;
      expect(planned).toEqual(files(site));
      expect(treeHash(new Map(Object.entries(planned).filter(([p]) => p !== "jam.json")))).toBe(manifest.baseTree);
    }
  });
});

describe("commands and folders", () => {
  it("takes add only as the first argument: ./add is a project folder", async () => {
    const cwd = tempDir();
    const r = await runCli(["./add", "--yes", "--no-install", "--no-git"], { cwd, env });
    expect(r.exitCode, r.all).toBe(0);
    expect(existsSync(join(cwd, "add/jam.json"))).toBe(true);
  });

  it("says where add works when there is no project", async () => {
    const r = await runCli(["add", "search", "algolia"], { cwd: tempDir(), env });
    expect(r.exitCode, r.all).toBe(2);
    expect(r.stderr).toMatch(/No jam\.json here or in a folder above .*: add and upgrade work inside a project create-jam made\./);
  });

  it("lists the commands in --help", async () => {
    const r = await runCli(["--help"], { env });
    expect(r.stdout).toContain("create-jam add <kind> <id>");
    expect(r.stdout).toContain("create-jam upgrade");
    const add = await runCli(["add", "--help"], { env });
    expect(add.stdout).toContain("--dry-run");
    for (const line of exitCodeLines()) expect(add.stdout).toContain(line);
  });
});
