// refs/jam/base: a commit of the tree create-jam planned (every file but jam.json), kept in the
// project's own git repository beside its branches. `add` and `upgrade` read their base from it,
// offline, and check it against jam.json's baseTree; they move it after every successful run.
import { execa } from "execa";
import { treeHash } from "./tree-hash.ts";
import type { FileTree } from "./types.ts";

export const BASE_REF = "refs/jam/base";

const git = (cwd: string, args: string[], input?: string | Buffer) => execa("git", args, { cwd, reject: false, ...(input !== undefined ? { input } : {}), encoding: "buffer" });

/** The folder's git repository root, or undefined outside one (or without git). */
export async function gitRoot(dir: string): Promise<string | undefined> {
  const r = await execa("git", ["rev-parse", "--show-toplevel"], { cwd: dir, reject: false });
  return r.exitCode === 0 ? r.stdout.trim() : undefined;
}

/** Writes `tree` as the commit refs/jam/base points to (git fast-import: one process for every blob). */
export async function writeBaseRef(repo: string, prefix: string, tree: FileTree, message: string): Promise<boolean> {
  const chunks: Buffer[] = [];
  const paths = [...tree.keys()];
  paths.forEach((path, i) => {
    const body = Buffer.from(tree.get(path) as string);
    chunks.push(Buffer.from(`blob\nmark :${i + 1}\ndata ${body.length}\n`), body, Buffer.from("\n"));
  });
  const msg = Buffer.from(message);
  chunks.push(Buffer.from(`commit ${BASE_REF}\ncommitter create-jam <create-jam@localhost> ${Math.floor(Date.now() / 1000)} +0000\ndata ${msg.length}\n`), msg, Buffer.from("\ndeleteall\n"));
  paths.forEach((path, i) => chunks.push(Buffer.from(`M 100644 :${i + 1} ${prefix}${path}\n`)));
  const r = await git(repo, ["fast-import", "--quiet", "--force"], Buffer.concat(chunks));
  return r.exitCode === 0;
}

/**
 * The tree refs/jam/base holds under `prefix` (the project's folder in the repository), if it is
 * the one jam.json records; otherwise undefined.
 */
export async function readBaseRef(repo: string, prefix: string, expected: string): Promise<FileTree | undefined> {
  const list = await git(repo, ["ls-tree", "-r", "-z", "--full-tree", BASE_REF, "--", prefix || "."]);
  if (list.exitCode !== 0) return undefined;
  // execa gives bytes as a Uint8Array, whose toString() lists numbers.
  const entries = Buffer.from(list.stdout).toString().split("\0").filter(Boolean).map((line) => {
    const [meta, path] = line.split("\t") as [string, string];
    return { sha: meta.split(" ")[2] as string, path: path.slice(prefix.length) };
  });
  if (!entries.length) return undefined;
  const batch = await git(repo, ["cat-file", "--batch"], `${entries.map((e) => e.sha).join("\n")}\n`);
  if (batch.exitCode !== 0) return undefined;
  const out = Buffer.from(batch.stdout);
  const tree: FileTree = new Map();
  let at = 0;
  for (const e of entries) {
    const header = out.subarray(at, out.indexOf(10, at)).toString();
    const size = Number(header.split(" ")[2]);
    const start = out.indexOf(10, at) + 1;
    tree.set(e.path, out.subarray(start, start + size).toString());
    at = start + size + 1;
  }
  const sorted: FileTree = new Map([...tree].sort(([a], [b]) => (a < b ? -1 : 1)));
  return treeHash(sorted) === expected ? sorted : undefined;
}
