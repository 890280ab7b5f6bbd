// Runs create-jam the way a script or CI job does: the built bin, stdin not a terminal.
import { execa, type Options as ExecaOptions } from "execa";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const repoRoot = resolve(import.meta.dirname, "..");
export const bin = join(repoRoot, "create-jam/dist/cli.mjs");

export const tempDir = (prefix = "jam-") => mkdtempSync(join(tmpdir(), prefix));

/** Everything a folder holds, recursively, for "nothing was written" checks. */
export const listAll = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

export function runCli(args: string[], options: ExecaOptions & { node?: string; unprivileged?: boolean } = {}) {
  const { node = process.execPath, unprivileged, ...rest } = options;
  const asRoot = unprivileged && process.getuid?.() === 0;
  const [cmd, ...pre] = asRoot ? ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", node] : [node];
  return execa(cmd, [...pre, bin, ...args], { stdin: "ignore", reject: false, all: true, timeout: 120_000, ...rest });
}
