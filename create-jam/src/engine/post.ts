// What runs after the project is on disk. A failure here never removes the project: it returns
// what failed and the command to run by hand.
import { execa } from "execa";
import { writeBaseRef } from "./git-base.ts";
import type { FileTree } from "./types.ts";
import { pnpmVersion } from "./versions.ts";

export interface StepResult {
  step: "install" | "git";
  ok: boolean;
  /** Shown when the step failed or was skipped. */
  detail?: string;
  /** The command a user runs by hand to finish the step. */
  manual?: string;
}

const tail = (text: string, lines = 15) => text.trim().split("\n").slice(-lines).join("\n");

/** How pnpm is run: on PATH, or the pinned pnpm through npm exec, with what was tried, to say before it runs. */
export interface Pnpm {
  cmd: string;
  pre: string[];
  /** Set when pnpm is not on PATH: what was tried and what happens instead. */
  fallback?: string;
}

/**
 * pnpm on PATH, else the pinned pnpm through npm exec (the registry is reachable: install needs it).
 * Asked every time: a `pnpm/...` user agent can be inherited from a parent process.
 */
export async function findPnpm(env: NodeJS.ProcessEnv): Promise<Pnpm> {
  const found = await execa("pnpm", ["--version"], { env, reject: false, timeout: 15_000 });
  if (found.exitCode === 0) return { cmd: "pnpm", pre: [] };
  const why = (found as { code?: string }).code === "ENOENT" ? "pnpm is not on PATH" : `\`pnpm --version\` failed (exit ${found.exitCode})`;
  return {
    cmd: "npm",
    pre: ["exec", "--yes", `pnpm@${pnpmVersion}`, "--"],
    fallback: `${why}: installing with pnpm ${pnpmVersion} through \`npm exec --yes pnpm@${pnpmVersion} -- install\` instead (npm downloads it first).`,
  };
}

export async function install(dir: string, env: NodeJS.ProcessEnv = process.env, pnpm?: Pnpm): Promise<StepResult> {
  const manual = "pnpm install";
  const { cmd, pre } = pnpm ?? (await findPnpm(env));
  const r = await execa(cmd, [...pre, "install"], { cwd: dir, env, reject: false, all: true });
  if (r.exitCode === 0) return { step: "install", ok: true };
  const how = cmd === "npm" ? ` (pnpm is not installed: get it with \`npm install -g pnpm@${pnpmVersion}\` or \`corepack enable pnpm\`)` : "";
  return { step: "install", ok: false, detail: `${cmd === "npm" ? `npm exec pnpm@${pnpmVersion}` : cmd} install failed${how}:\n${tail(r.all || r.message || "")}`, manual };
}

/** `base`: the files as planned, kept as refs/jam/base for a later add or upgrade (git-base.ts). */
export async function gitInit(dir: string, env: NodeJS.ProcessEnv = process.env, base?: FileTree): Promise<StepResult> {
  const manual = 'git init && git add -A && git commit -m "Initial commit from create-jam"';
  const git = (...args: string[]) => execa("git", args, { cwd: dir, env, reject: false, all: true });
  const inside = await git("rev-parse", "--show-toplevel");
  if (inside.exitCode === 0) {
    // Never commit into a repository the user already has.
    return { step: "git", ok: true, detail: `already in the git repository ${inside.stdout.trim()}: left as it is` };
  }
  for (const args of [["init", "-q"], ["add", "-A"], ["commit", "-q", "--no-verify", "-m", "Initial commit from create-jam"]]) {
    const r = await git(...args);
    if (r.exitCode !== 0) {
      const missing = (r as { code?: string }).code === "ENOENT";
      return { step: "git", ok: false, detail: missing ? "git is not installed" : `git ${args[0]} failed:\n${tail(r.all || r.message || "")}`, manual };
    }
  }
  if (base) await writeBaseRef(dir, "", base, "create-jam: the project as planned");
  return { step: "git", ok: true };
}
