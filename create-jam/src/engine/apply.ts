// Writes an update's files into an existing project as one step. Every new text is written into a
// staging folder first, with a journal of the paths; then each file moves into place by a rename,
// the file it replaces moved aside. Ctrl+C or an error undoes the moves done; a run killed outright
// leaves the staging folder, and the next run (recoverUpdate) puts the old files back first. So the
// project holds the old tree or the new one, and jam.json moves last.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { assertSafePath } from "./plan.ts";
import { Interrupted } from "./write.ts";

/** A file's new text, or null to delete it. */
type Change = [path: string, text: string | null];

const STAGING = ".create-jam-update";

function inside(root: string, path: string): string {
  assertSafePath(path);
  const file = resolve(root, path);
  if (!file.startsWith(root + sep)) throw new Error(`refusing to write outside the project: ${path}`);
  return file;
}

function move(from: string, to: string) {
  mkdirSync(dirname(to), { recursive: true });
  renameSync(from, to);
}

/** Puts back what an interrupted move left: each path whose new text has moved gets its old one. */
function undo(root: string, staging: string, paths: string[]) {
  for (const path of [...paths].reverse()) {
    const [target, fresh, old] = [join(root, path), join(staging, "new", path), join(staging, "old", path)];
    if (existsSync(fresh)) {
      // Killed between moving the old file aside and the new one in.
      if (existsSync(old) && !existsSync(target)) move(old, target);
      continue;
    }
    if (existsSync(old)) move(old, target);
    else rmSync(target, { force: true });
  }
  rmSync(staging, { recursive: true, force: true });
}

/** An update a killed run left half done is undone; returns whether there was one. */
export function recoverUpdate(root: string): boolean {
  const staging = join(root, STAGING);
  if (!existsSync(staging)) return false;
  const journal = join(staging, "journal.json");
  const paths = existsSync(journal) ? (JSON.parse(readFileSync(journal, "utf8")) as string[]) : [];
  undo(root, staging, paths);
  return true;
}

/** `delayMs`: a test's pause before each move, so it can stop the run midway. */
export async function applyChanges(root: string, changes: Change[], { signal, delayMs = 0 }: { signal?: AbortSignal; delayMs?: number } = {}): Promise<void> {
  const staging = join(root, STAGING);
  mkdirSync(staging);
  const paths = changes.map(([path]) => path);
  try {
    for (const [path, text] of changes) {
      // A deletion has no new text: its "new" marker is an empty folder, gone once it is done.
      const [target, fresh] = [inside(root, path), join(staging, "new", path)];
      mkdirSync(dirname(fresh), { recursive: true });
      if (text === null) mkdirSync(fresh);
      // A file it replaces keeps its mode: a script the user made executable stays executable.
      else writeFileSync(fresh, text, existsSync(target) ? { mode: statSync(target).mode & 0o7777 } : {});
    }
    writeFileSync(join(staging, "journal.json"), JSON.stringify(paths));
    for (const [path, text] of changes) {
      // A turn of the event loop lets a pending Ctrl+C run its handler.
      await new Promise((r) => (delayMs ? setTimeout(r, delayMs) : setImmediate(r)));
      if (signal?.aborted) throw new Interrupted("interrupted");
      const [target, fresh] = [inside(root, path), join(staging, "new", path)];
      if (existsSync(target)) move(target, join(staging, "old", path));
      if (text === null) rmSync(fresh, { recursive: true });
      else move(fresh, target);
    }
  } catch (e) {
    undo(root, staging, paths);
    throw e;
  }
  rmSync(staging, { recursive: true, force: true });
}
