import { it } from "vitest";
import { execa } from "execa";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const gitIdentity = { GIT_AUTHOR_NAME: "Test", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "Test", GIT_COMMITTER_EMAIL: "t@example.com" };

/** pnpm in a generated project, as its user would run it; fails the test with pnpm's output. */
export async function pnpm(cwd: string, ...args: string[]) {
  return pnpmWith({}, cwd, ...args);
}

/** The same with extra environment, e.g. the variables a host's build sets (VERCEL=1). */
export async function pnpmWith(env: Record<string, string>, cwd: string, ...args: string[]) {
  const r = await execa("pnpm", args, { cwd, stdin: "ignore", reject: false, all: true, env: { CI: "true", ...gitIdentity, ...env } });
  if (r.exitCode !== 0) throw new Error(`pnpm ${args.join(" ")} failed in ${cwd} (exit ${r.exitCode}):\n${r.all}`);
  return r.all ?? "";
}

export const demoPosts = ["Hello, JAMstack", "Writing in Markdown", "Deploy on the first push"];

export const read = (...parts: string[]) => readFileSync(join(...parts), "utf8");

/**
 * The project's own dead-code check (`pnpm knip`, its knip.json written from the modules) on an
 * installed project: an unused file, dependency or export fails the test with knip's report.
 */
export const knipClean = (site: string) => pnpm(site, "knip");

/** The same check as a test, right after the install (nothing built yet: what a fresh clone has). */
export const itHasNoUnusedCode = (site: string) => it("has no unused file, dependency or export (pnpm knip)", () => knipClean(site), 120_000);
