// The git tree hash of a file tree, computed as git computes it (every file a regular 100644 blob):
// jam.json records the hash of the tree create-jam planned, so a base tree got back later (from
// refs/jam/base, or from the recorded version run again) is checked against it before any merge.
import { createHash } from "node:crypto";
import type { FileTree } from "./types.ts";

const sha1 = (...parts: Buffer[]) => createHash("sha1").update(Buffer.concat(parts)).digest();

const object = (type: string, body: Buffer) => sha1(Buffer.from(`${type} ${body.length}\0`), body);

interface Dir {
  files: Map<string, Buffer>;
  dirs: Map<string, Dir>;
}

function treeOf(dir: Dir): Buffer {
  // git orders a tree's entries by name, a folder's name as if it ended in "/".
  const entries = [
    ...[...dir.files].map(([name, hash]) => ({ key: name, mode: "100644", name, hash })),
    ...[...dir.dirs].map(([name, sub]) => ({ key: `${name}/`, mode: "40000", name, hash: treeOf(sub) })),
  ].sort((a, b) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key)));
  return object("tree", Buffer.concat(entries.flatMap((e) => [Buffer.from(`${e.mode} ${e.name}\0`), e.hash])));
}

/** The hex hash `git write-tree` gives for these files, as they would be committed. */
export function treeHash(tree: FileTree): string {
  const root: Dir = { files: new Map(), dirs: new Map() };
  for (const [path, text] of tree) {
    const parts = path.split("/");
    const name = parts.pop() as string;
    let dir = root;
    for (const p of parts) {
      let sub = dir.dirs.get(p);
      if (!sub) dir.dirs.set(p, (sub = { files: new Map(), dirs: new Map() }));
      dir = sub;
    }
    dir.files.set(name, object("blob", Buffer.from(text)));
  }
  return treeOf(root).toString("hex");
}
