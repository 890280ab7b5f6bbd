// Maintainers release template versions with changesets: private packages are versioned (and
// tagged), and every generated project records the template versions in jam.json.
import { execa } from "execa";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { repoRoot, tempDir } from "../helpers.ts";

it("bumps a private template package and writes its changelog", async () => {
  const clone = join(tempDir("jam-cs-"), "repo");
  await execa("git", ["clone", "-q", repoRoot, clone]);
  await execa("pnpm", ["install", "--offline", "--frozen-lockfile"], { cwd: clone, env: { CI: "true" } });
  const pkgPath = join(clone, "templates/framework-astro/package.json");
  const before = JSON.parse(readFileSync(pkgPath, "utf8")).version as string;
  writeFileSync(join(clone, ".changeset/astro-header.md"), '---\n"@create-jam/template-framework-astro": minor\n---\n\nAstro pages show the site title in the header.\n');
  await execa("pnpm", ["changeset", "version"], { cwd: clone });
  const [major, minor] = before.split(".").map(Number);
  expect(JSON.parse(readFileSync(pkgPath, "utf8")).version).toBe(`${major}.${(minor ?? 0) + 1}.0`);
  expect(readFileSync(join(clone, "templates/framework-astro/CHANGELOG.md"), "utf8")).toContain("Astro pages show the site title in the header.");
  const config = JSON.parse(readFileSync(join(clone, ".changeset/config.json"), "utf8"));
  expect(config.privatePackages).toEqual({ version: true, tag: true });
}, 120_000);
