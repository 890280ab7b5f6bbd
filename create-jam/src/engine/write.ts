// The one place that touches the user's disk. The tree goes into a hidden sibling folder first and
// moves into place at the end, so the project appears whole or not at all.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve, sep } from "node:path";
import { assertSafePath } from "./plan.ts";
import type { FileTree } from "./types.ts";

export interface WriteOptions {
  /** Replace a non-empty folder's contents, keeping its .git. */
  overwrite: boolean;
  /** Aborting (Ctrl+C) stops between two files and removes everything written so far. */
  signal?: AbortSignal;
  /** Test hook: wait this long before each file, so a test can interrupt mid-write. */
  delayMs?: number;
}

export class Interrupted extends Error {}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Lets a pending SIGINT run its handler: signals are handled between event-loop turns. */
const yieldToSignals = () => new Promise((r) => setImmediate(r));

/** Creates the missing ancestors of `dir`; returns the top-most one it created, to undo. */
async function mkdirParents(dir: string): Promise<string | undefined> {
  let top: string | undefined;
  for (let d = dir; !existsSync(d); d = dirname(d)) top = d;
  if (top) await mkdir(dir, { recursive: true });
  return top;
}

export async function writeTree(target: string, tree: FileTree, options: WriteOptions): Promise<void> {
  const parent = dirname(target);
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = join(parent, `.${basename(target)}.create-jam-${stamp}`);
  const old = join(parent, `.${basename(target)}.create-jam-old-${stamp}`);
  let createdParent: string | undefined;
  const movedOut: string[] = [];
  const movedIn: string[] = [];
  try {
    createdParent = await mkdirParents(parent);
    await mkdir(staging);
    const dirs = new Set<string>();
    // Small files write faster synchronously than through the thread pool; a turn of the event loop
    // between two files keeps Ctrl+C responsive.
    for (const [path, text] of tree) {
      if (options.delayMs) await sleep(options.delayMs);
      else if (options.signal) await yieldToSignals();
      if (options.signal?.aborted) throw new Interrupted("interrupted");
      assertSafePath(path);
      const file = resolve(staging, path);
      if (!file.startsWith(staging + sep)) throw new Error(`refusing to write outside the project: ${path}`);
      const d = dirname(file);
      if (!dirs.has(d)) {
        mkdirSync(d, { recursive: true });
        dirs.add(d);
      }
      writeFileSync(file, text);
    }
    if (options.signal?.aborted) throw new Interrupted("interrupted");
    if (!existsSync(target)) {
      await rename(staging, target);
      return;
    }
    // An existing folder keeps its identity and its .git (it may be the shell's cwd): entries move
    // one by one, each a rename, and every move is undone if one fails.
    const theirs = (await readdir(target)).filter((e) => e !== ".git");
    if (theirs.length && !options.overwrite) throw new Error(`${target} is not empty`);
    if (theirs.length) await mkdir(old);
    for (const e of theirs) {
      await rename(join(target, e), join(old, e));
      movedOut.push(e);
    }
    for (const e of await readdir(staging)) {
      await rename(join(staging, e), join(target, e));
      movedIn.push(e);
    }
    await rm(staging, { recursive: true, force: true });
    await rm(old, { recursive: true, force: true });
  } catch (e) {
    for (const name of movedIn) await rm(join(target, name), { recursive: true, force: true });
    for (const name of movedOut) await rename(join(old, name), join(target, name));
    await rm(staging, { recursive: true, force: true });
    await rm(old, { recursive: true, force: true });
    if (createdParent) await rm(createdParent, { recursive: true, force: true });
    throw e;
  }
}
