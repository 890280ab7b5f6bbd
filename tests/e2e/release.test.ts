// The maintainers' release flow and `create-jam upgrade`, end to end, through a local npm registry
// (verdaccio on loopback, no uplinks: only what this test publishes is there). In a clone of this
// repository: `pnpm release` publishes create-jam 0.1.x; `npm create jam@latest` makes a project from
// it; a template change with its changeset is released as the next version; `create-jam upgrade`
// from the registry brings the older projects forward, keeping the user's edits, and the project
// then installs with its frozen lockfile and builds.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editFile, projectFiles, repoRoot, tempDir } from "../helpers.ts";
import { pnpm } from "./helpers.ts";
import { startLocalRegistry } from "./local-registry.ts";

const work = tempDir("jam-release-");
const clone = join(work, "repo");
let registry: Awaited<ReturnType<typeof startLocalRegistry>>;
let url = "";
const run: (typeof registry)["run"] = (...a) => registry.run(...a);
const must: (typeof registry)["must"] = (...a) => registry.must(...a);
const read = (...p: string[]) => readFileSync(join(...p), "utf8");
const files = projectFiles;
const edit = editFile;

beforeAll(async () => {
  registry = await startLocalRegistry(work);
  url = registry.url;
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

  it("marks the line the user and the template both changed as a conflict (exit 4), with the base from the registry when there is no git", async () => {
    const plain = join(cwd, "plain");
    edit(join(plain, "README.md"), (t) => t.replace("pnpm lint         # Biome\n", "pnpm lint         # Biome, my way\n"));
    const r = await run("npm", ["exec", "--yes", "create-jam@latest", "--", "upgrade", "--allow-dirty"], plain);
    expect(r.exitCode, r.all).toBe(4);
    expect(r.all).toMatch(/\(base: create-jam@[\d.]+ from the registry\)/);
    expect(r.all).toMatch(/CONFLICT +README\.md/);
    expect(read(plain, "README.md")).toMatch(/<<<<<<< ours \(your project\)\npnpm lint {9}# Biome, my way\n\|\|\|\|\|\|\| base[^\n]*\npnpm lint {9}# Biome\n=======\npnpm lint {9}# Biome\npnpm format {7}# Biome, writing its fixes\n>>>>>>> theirs/);
  });
});
