// `create-jam add` and `upgrade` as one pure step: three trees in, one action per path out.
//   base:   the tree create-jam planned for the project as jam.json records it;
//   theirs: the tree this version plans for the new choices;
//   ours:   the files on disk.
// Each path is classified before anything is merged (upgrade.md: a change only one side made is
// taken whole, a deletion included); only paths both sides changed are merged, by what the file is.
import { mergeEnv, mergeJson, mergeJsonc, mergeYaml, type MergeData } from "./merge-data.ts";
import { mergeText, type Labels } from "./merge-text.ts";
import { MANIFEST } from "./plan.ts";
import type { FileTree } from "./types.ts";

export type Action = PathAction & {
  /** The template's path of a file the user renamed (git mv): `path` is the user's, where the action lands. */
  renamedFrom?: string;
};

type PathAction =
  /** Nothing to do: the template did not change it, or the disk already holds the new text. */
  | { path: string; action: "unchanged" }
  /** The template changed it and the user had not: the new text (a new file included). */
  | { path: string; action: "take-theirs"; text: string; created?: true }
  /** The template dropped it and the user had not changed it. */
  | { path: string; action: "delete" }
  /** Both changed it: merged cleanly (`kept`: values both changed, the user's kept). */
  | { path: string; action: "merged"; text: string; kept?: string[] }
  /** Both changed the same lines: written with conflict markers. */
  | { path: string; action: "conflict"; text: string; conflicts: number; base?: string; ours: string; theirs: string }
  /** The user deleted it and the template changed it: it stays deleted. */
  | { path: string; action: "deleted-by-you" }
  /** The template dropped it and the user had edited it: it stays. */
  | { path: string; action: "kept-edited" };

/** Files no merge touches: jam.json is written after the rest; the lockfile is made again by pnpm. */
const NOT_MERGED = new Set([MANIFEST, "pnpm-lock.yaml"]);

/** Structured files, merged as data; conflict markers never go into them. */
function dataMerge(path: string): MergeData | undefined {
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (name.endsWith(".json")) return mergeJson;
  if (name === "pnpm-workspace.yaml") return mergeYaml;
  if (name === ".env.example") return mergeEnv;
  return undefined;
}

/**
 * The other YAML and JSONC files (workflows, wrangler.jsonc, biome.jsonc): merged line by line, which
 * keeps their comments and layout, unless both sides changed the same lines; then merged as data, so
 * no conflict marker lands in a file its tool could no longer read.
 */
function dataWhenOverlapping(path: string): MergeData | undefined {
  if (/\.ya?ml$/.test(path)) return mergeYaml;
  if (path.endsWith(".jsonc")) return mergeJsonc;
  return undefined;
}

function asData(path: string, merge: MergeData, base: string | undefined, ours: string, theirs: string): PathAction {
  try {
    const { text, kept } = merge(base, ours, theirs);
    return { path, action: "merged", text, ...(kept.length ? { kept } : {}) };
  } catch {
    // The user's copy no longer parses: it stays as it is, and the template's is offered beside it.
    return { path, action: "conflict", text: ours, conflicts: 1, base, ours, theirs };
  }
}

function mergeBoth(path: string, base: string | undefined, ours: string, theirs: string, labels: Labels): PathAction {
  const data = dataMerge(path);
  if (data) return asData(path, data, base, ours, theirs);
  // Added on both sides: merged against an empty base, so neither side's lines are lost.
  const { text, conflicts } = mergeText(base ?? "", ours, theirs, labels);
  if (!conflicts) return { path, action: "merged", text };
  const fallback = dataWhenOverlapping(path);
  return fallback ? asData(path, fallback, base, ours, theirs) : { path, action: "conflict", text, conflicts, base, ours, theirs };
}

/**
 * A file the user's checkout gives CRLF line ends (git's core.autocrlf on Windows) is compared and
 * merged with the templates' text in CRLF too: line ends alone are no edit, and what is written keeps them.
 */
const inLineEndsOf = (ours: string | undefined) => (text: string | undefined) =>
  text !== undefined && ours?.includes("\r\n") && !text.includes("\r\n") ? text.replace(/\n/g, "\r\n") : text;

export interface UpdateOptions {
  /** Paths the user deleted that take the new templates' file again (--restore). */
  restore?: ReadonlySet<string>;
  /** Files the user renamed: the template's path → the user's (findRenames). */
  renames?: ReadonlyMap<string, string>;
}

export function planUpdate(base: FileTree, theirs: FileTree, ours: (path: string) => string | undefined, labels: Labels, { restore = new Set(), renames = new Map() }: UpdateOptions = {}): Action[] {
  const paths = [...new Set([...base.keys(), ...theirs.keys()])].filter((p) => !NOT_MERGED.has(p)).sort();
  return paths.map((path): Action => {
    const own = ours(path);
    const to = own === undefined ? renames.get(path) : undefined;
    const o = to === undefined ? own : ours(to);
    const action = to === undefined ? classify(path, base.get(path), theirs.get(path), o, labels, restore.has(path)) : { ...followRename(to, base.get(path), theirs.get(path), o as string, labels), renamedFrom: path };
    // What is written keeps the user's line ends throughout, conflict markers included.
    return o?.includes("\r\n") && "text" in action ? { ...action, text: action.text.replace(/\r?\n/g, "\r\n") } : action;
  });
}

/**
 * A template file the user renamed (to `path`): the template's change follows it there, as if the
 * file had kept its name; one the templates dropped stays, under the user's name.
 */
function followRename(path: string, base: string | undefined, theirs: string | undefined, o: string, labels: Labels): PathAction {
  if (theirs === undefined) return { path, action: "kept-edited" };
  return classify(path, base, theirs, o, labels, false);
}

function classify(path: string, base: string | undefined, theirs: string | undefined, o: string | undefined, labels: Labels, restore: boolean): PathAction {
  const eol = inLineEndsOf(o);
  const [b, t] = [eol(base), eol(theirs)];
  if (o === undefined && t !== undefined && restore) return { path, action: "take-theirs", text: t, created: true };
  if (t === b || o === t) return { path, action: "unchanged" };
  if (o === b) return t === undefined ? { path, action: "delete" } : { path, action: "take-theirs", text: t, ...(o === undefined ? { created: true as const } : {}) };
  if (o === undefined) return { path, action: "deleted-by-you" };
  if (t === undefined) return { path, action: "kept-edited" };
  return mergeBoth(path, b, o, t, labels);
}

/** The actions that write or delete a file. */
export const writes = (actions: Action[]) => actions.filter((a) => a.action === "take-theirs" || a.action === "delete" || a.action === "merged" || a.action === "conflict");
