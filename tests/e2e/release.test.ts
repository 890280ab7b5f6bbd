// The maintainers' release flow and `create-jam upgrade`, end to end, through a local npm registry
// (verdaccio on loopback, no uplinks: only what this test publishes is there). In a clone of this
// repository: `pnpm release` publishes create-jam 0.1.x; `npm create jam@latest` makes a project from
// it; a template change with its changeset is released as the next version; `create-jam upgrade`
// from the registry brings the older projects forward, keeping the user's edits, and the project
// then installs with its frozen lockfile and builds.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editFile, projectFiles, repoRoot, tempDir } from "../helpers.ts";
import { gitIdentity, pnpm } from "./helpers.ts";
import { freePort, type Served, startServer } from "./serve.ts";

const work = tempDir("jam-release-");
const clone = join(work, "repo");
let registry: Served;
let url = "";
// The registry only for npm's own commands (create, exec, view, publish): pnpm installs the project's
// packages from the real registry, where they are.
// npm's cache of its own too: npx keeps the packages it ran by version, and another run's create-jam
// 0.1.1 is not this one's.
// Nothing of the npm that runs the suite (`npm test` gives its children its npm_config_* settings).
const ownEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k))) as Record<string, string>;
const npmEnv = () => ({ ...ownEnv(), ...gitIdentity, CI: "true", npm_config_registry: url, NPM_CONFIG_USERCONFIG: join(work, ".npmrc"), npm_config_cache: join(work, "npm-cache") });
const run = (cmd: string, args: string[], cwd: string) => execa(cmd, args, { cwd, env: npmEnv(), extendEnv: false, reject: false, all: true, stdin: "ignore", timeout: 600_000 });
/** Its stdout; fails with everything it printed. */
const must = async (cmd: string, args: string[], cwd: string) => {
  const r = await run(cmd, args, cwd);
  if (r.exitCode !== 0) throw new Error(`${cmd} ${args.join(" ")} failed in ${cwd} (exit ${r.exitCode}):\n${r.all}`);
  return r.stdout ?? "";
};
const read = (...p: string[]) => readFileSync(join(...p), "utf8");
const files = projectFiles;
const edit = editFile;

beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}/`;
  writeFileSync(
    join(work, "verdaccio.yaml"),
    // Storage of its own, anyone may publish, and no uplinks: it never proxies another registry.
    `storage: ${join(work, "storage")}\nauth:\n  htpasswd:\n    file: ${join(work, "htpasswd")}\npackages:\n  "**":\n    access: $all\n    publish: $all\nlog: { type: stdout, format: pretty, level: warn }\n`,
  );
  writeFileSync(join(work, ".npmrc"), `//127.0.0.1:${port}/:_authToken=release-test\n`);
  registry = await startServer(join(repoRoot, "node_modules/.bin/verdaccio"), ["--config", join(work, "verdaccio.yaml"), "--listen", `127.0.0.1:${port}`], { cwd: work, port, devPortVariable: "VERDACCIO_PORT_UNUSED" });
  // The repository as a maintainer checks it out: its committed files, its own install.
  await must("git", ["clone", "-q", repoRoot, clone], work);
  await pnpm(clone, "install", "--frozen-lockfile", "--offline");
}, 600_000);
afterAll(() => registry?.close());

describe("a release through a local registry, and upgrade", () => {
  const cwd = join(work, "projects");
  const version = JSON.parse(read(repoRoot, "create-jam/package.json")).version as string;

  it("publishes create-jam with `pnpm release` (its changeset first), and npm create jam@latest makes projects from it", async () => {
    writeFileSync(join(clone, ".changeset/first-release.md"), '---\n"create-jam": patch\n---\n\nThe first release in the test registry.\n');
    const out = await must("node", ["scripts/release.ts", "--registry", url], clone);
    const first = JSON.parse(read(clone, "create-jam/package.json")).version as string;
    expect(out).toContain(`Released create-jam ${first} to ${url}`);
    expect((await must("npm", ["view", "create-jam", "version"], work)).trim()).toBe(first);
    await must("git", ["-C", clone, "commit", "-qam", `release ${first}`], work);
    await must("mkdir", ["-p", cwd], work);
    // One with git (its base is refs/jam/base), one without (its base comes from the registry).
    await must("npm", ["create", "jam@latest", "site", "--", "--yes", "--no-install", "--git"], cwd);
    await must("npm", ["create", "jam@latest", "plain", "--", "--yes", "--no-install", "--no-git"], cwd);
    // One left as it was made, for the equivalence below.
    await must("mkdir", ["-p", join(cwd, "untouched")], work);
    await must("npm", ["create", "jam@latest", "site", "--", "--yes", "--framework", "sveltekit", "--commerce", "stripe", "--no-install", "--git"], join(cwd, "untouched"));
    expect(JSON.parse(read(cwd, "site/jam.json")).createJam).toBe(first);
    expect(first).not.toBe(version);
  });

  it("releases a template change with its changeset as the next version", async () => {
    edit(join(clone, "templates/base/files/README.md.hbs"), (t) => t.replace("pnpm lint         # Biome\n", "pnpm lint         # Biome\npnpm format       # Biome, writing its fixes\n"));
    writeFileSync(join(clone, ".changeset/readme-format.md"), '---\n"@create-jam/template-base": patch\n"create-jam": patch\n---\n\nREADME: the format command.\n');
    const before = JSON.parse(read(clone, "templates/base/package.json")).version as string;
    await must("node", ["scripts/release.ts", "--registry", url], clone);
    const next = JSON.parse(read(clone, "create-jam/package.json")).version as string;
    expect((await must("npm", ["view", "create-jam", "versions", "--json"], work)).trim()).toContain(next);
    expect(JSON.parse(read(clone, "templates/base/package.json")).version).not.toBe(before);
    expect(read(clone, "templates/base/CHANGELOG.md")).toContain("README: the format command.");
  });

  it("upgrades the older project with npx create-jam@latest upgrade: the template change lands, both user edits stay; it installs frozen and builds", async () => {
    const site = join(cwd, "site");
    // The user's lockfile, made as the user would (before the upgrade), and two edits.
    await pnpm(site, "install");
    edit(join(site, "README.md"), (t) => t.replace(/^# Site$/m, "# Site, by me"));
    edit(join(site, "packages/theme/site.css"), (t) => `/* mine */\n${t}`);
    await must("git", ["add", "-A"], site);
    await must("git", ["commit", "-qm", "my edits"], site);
    const r = await run("npm", ["exec", "--yes", "create-jam@latest", "--", "upgrade"], join(site, "apps/web"));
    expect(r.exitCode, r.all).toBe(0);
    expect(r.all).toMatch(/upgrade [\d.]+ → [\d.]+ \(base: refs\/jam\/base\)/);
    const readme = read(site, "README.md");
    expect(readme).toContain("# Site, by me");
    expect(readme).toContain("pnpm format       # Biome, writing its fixes");
    expect(read(site, "packages/theme/site.css")).toMatch(/^\/\* mine \*\//);
    const manifest = JSON.parse(read(site, "jam.json"));
    expect(manifest.createJam).toBe(JSON.parse(read(clone, "create-jam/package.json")).version);
    expect(manifest.templates["@create-jam/template-base"]).toBe(JSON.parse(read(clone, "templates/base/package.json")).version);
    await pnpm(site, "install", "--frozen-lockfile");
    await pnpm(site, "build");
  });

  it("upgrades an unedited project to exactly what the new version makes fresh; a second upgrade writes nothing", async () => {
    const site = join(cwd, "untouched/site");
    const r = await run("npm", ["exec", "--yes", "create-jam@latest", "--", "upgrade"], site);
    expect(r.exitCode, r.all).toBe(0);
    await must("mkdir", ["-p", join(cwd, "fresh")], work);
    await must("npm", ["create", "jam@latest", "site", "--", "--yes", "--framework", "sveltekit", "--commerce", "stripe", "--no-install", "--git"], join(cwd, "fresh"));
    expect(files(site)).toEqual(files(join(cwd, "fresh/site")));
    await must("git", ["add", "-A"], site);
    await must("git", ["commit", "-qm", "upgraded"], site);
    const again = await run("npm", ["exec", "--yes", "create-jam@latest", "--", "upgrade"], site);
    expect(again.exitCode, again.all).toBe(0);
    expect(again.all).toContain("Nothing to change");
    expect((await must("git", ["status", "--porcelain"], site)).trim()).toBe("");
  });

  it("marks the line the user and the template both changed as a conflict (exit 2), with the base from the registry when there is no git", async () => {
    const plain = join(cwd, "plain");
    edit(join(plain, "README.md"), (t) => t.replace("pnpm lint         # Biome\n", "pnpm lint         # Biome, my way\n"));
    const r = await run("npm", ["exec", "--yes", "create-jam@latest", "--", "upgrade", "--allow-dirty"], plain);
    expect(r.exitCode, r.all).toBe(2);
    expect(r.all).toMatch(/\(base: create-jam@[\d.]+ from the registry\)/);
    expect(r.all).toMatch(/CONFLICT +README\.md/);
    expect(read(plain, "README.md")).toMatch(/<<<<<<< ours \(your project\)\npnpm lint {9}# Biome, my way\n\|\|\|\|\|\|\| base[^\n]*\npnpm lint {9}# Biome\n=======\npnpm lint {9}# Biome\npnpm format {7}# Biome, writing its fixes\n>>>>>>> theirs/);
  });
});
