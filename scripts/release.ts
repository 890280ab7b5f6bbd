// The maintainers' release, as `pnpm release` runs it (README: Maintainers):
//   1. every pending changeset that bumps a template bumps create-jam too (the templates ship inside it);
//   2. `changeset version` bumps the versions and writes the changelogs;
//   3. create-jam is built, its templates embedded, and published; `changeset tag` tags the versions.
// `--registry <url>` publishes there (the release test's local registry) instead of npm's.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const root = resolve(import.meta.dirname, "..");

/** The packages a changeset names, from its front matter ("name": patch). */
export function bumpsOf(changeset: string): string[] {
  const front = /^---\n([\s\S]*?)\n---/.exec(changeset)?.[1] ?? "";
  return [...front.matchAll(/^\s*["']?([^"':]+)["']?\s*:\s*(?:patch|minor|major)\s*$/gm)].map((m) => m[1] as string);
}

/** Each changeset that bumps a template without create-jam, by file name. */
export function templateWithoutCli(changesets: Record<string, string>): string[] {
  return Object.entries(changesets)
    .filter(([, text]) => {
      const bumps = bumpsOf(text);
      return bumps.some((b) => b.startsWith("@create-jam/template-")) && !bumps.includes("create-jam");
    })
    .map(([file]) => file);
}

function pending(dir: string): Record<string, string> {
  const folder = join(dir, ".changeset");
  return Object.fromEntries(readdirSync(folder).filter((f) => f.endsWith(".md") && f !== "README.md").map((f) => [f, readFileSync(join(folder, f), "utf8")]));
}

function release(registry?: string) {
  const run = (cmd: string, args: string[], cwd = root) => execFileSync(cmd, args, { cwd, stdio: "inherit" });
  const changesets = pending(root);
  if (!Object.keys(changesets).length) throw new Error("No changesets: nothing to release (pnpm changeset records one).");
  const missing = templateWithoutCli(changesets);
  if (missing.length) {
    throw new Error(`${missing.join(", ")} bump${missing.length === 1 ? "s" : ""} a template but not create-jam, which ships the templates: add "create-jam": patch to ${missing.length === 1 ? "it" : "them"}.`);
  }
  run("pnpm", ["exec", "changeset", "version"]);
  run("pnpm", ["--filter", "create-jam", "run", "build"]);
  const cli = join(root, "create-jam");
  run("npm", ["publish", ...(registry ? ["--registry", registry] : []), "--access", "public"], cli);
  if (existsSync(join(root, ".git"))) run("pnpm", ["exec", "changeset", "tag"]);
  const { version } = JSON.parse(readFileSync(join(cli, "package.json"), "utf8")) as { version: string };
  console.log(`Released create-jam ${version}${registry ? ` to ${registry}` : ""}.`);
}

if (import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({ options: { registry: { type: "string" } } });
  try {
    release(values.registry);
  } catch (e) {
    console.error(`✖ ${(e as Error).message}`);
    process.exit(1);
  }
}
