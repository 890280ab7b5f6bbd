// Runs create-jam the way a script or CI job does: the built bin, stdin not a terminal.
import { execa } from "execa";
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve, sep } from "node:path";

export const repoRoot = resolve(import.meta.dirname, "..");
export const bin = join(repoRoot, "create-jam/dist/cli.mjs");

/** A fresh folder inside this run's temporary root (tests/temp-root.ts), removed after the run. */
export const tempDir = (prefix = "jam-") => mkdtempSync(join(process.env.JAM_TEST_TMP ?? tmpdir(), prefix));

/** Everything a folder holds, recursively, for "nothing was written" checks. */
export const listAll = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

/** Only the files (no folders) under `dir`, as sorted "/" paths. */
export const listFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(relative(dir, e.parentPath), e.name).split(sep).join("/"))
    .sort();

/** Every file of a project but git's, with its text: for "the same project" checks. */
export const projectFiles = (dir: string) => Object.fromEntries(listFiles(dir).filter((p) => !p.startsWith(".git/")).map((p) => [p, readFileSync(join(dir, p), "utf8")]));

/** Rewrites a file as a user would edit it. */
export const editFile = (file: string, change: (text: string) => string) => writeFileSync(file, change(readFileSync(file, "utf8")));

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
  timeout?: number;
  /** The Node binary to run the CLI with (default: this one). */
  node?: string;
  /** Run as an unprivileged user when the tests run as root (root may write anywhere). */
  unprivileged?: boolean;
}

export function runCli(args: string[], { node = process.execPath, unprivileged, cwd, env, timeout = 120_000 }: RunOptions = {}) {
  const drop = unprivileged && process.getuid?.() === 0;
  const [cmd, ...pre] = drop ? ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", node] : [node];
  return execa(cmd as string, [...pre, drop ? readableBin() : bin, ...args], { stdin: "ignore", reject: false, all: true, cwd, env, timeout });
}

// The checkout may sit in a folder only root can enter (mktemp -d makes 0700 folders), so the
// unprivileged user runs a copy of the built bundle from a folder everyone may read.
let binCopy: string | undefined;
function readableBin() {
  if (!binCopy) {
    const dir = tempDir("jam-bin-");
    chmodSync(dir, 0o755);
    cpSync(dirname(bin), dir, { recursive: true });
    binCopy = join(dir, basename(bin));
  }
  return binCopy;
}

/**
 * A command first on PATH, in a folder of its own: its shell script (`script(calls)`) may record how
 * it was called in the file `calls`. Spread `env` into a run's environment.
 */
export function fakeCommand(name: string, script: (calls: string) => string): { env: { PATH: string }; calls: string } {
  const dir = tempDir("jam-bin-");
  const calls = join(dir, "calls");
  writeFileSync(join(dir, name), `#!/bin/sh\n${script(calls)}\n`);
  chmodSync(join(dir, name), 0o755);
  return { env: { PATH: `${dir}:${process.env.PATH}` }, calls };
}
