// A three-way merge of text files, line by line (node-diff3): both sides' changes where they do not
// overlap; where they do, diff3-style conflict markers with the base in the middle, as
// `git merge-file --diff3` writes them, so editors and `git mergetool` recognise them.
import { diff3Merge } from "node-diff3";

export interface TextMerge {
  text: string;
  /** How many overlapping changes were marked. */
  conflicts: number;
}

export interface Labels {
  ours: string;
  base: string;
  theirs: string;
}

/** Lines with their line ends, so a file's last line with or without "\n" survives the merge. */
const lines = (text: string) => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

const ended = (block: string[]) => (block.length && !block.at(-1)?.endsWith("\n") ? [...block.slice(0, -1), `${block.at(-1)}\n`] : block);

export function mergeText(base: string, ours: string, theirs: string, labels: Labels): TextMerge {
  const out: string[] = [];
  let conflicts = 0;
  for (const chunk of diff3Merge(lines(ours), lines(base), lines(theirs), { excludeFalseConflicts: true })) {
    if (chunk.ok) {
      out.push(...chunk.ok);
      continue;
    }
    const { a, o, b } = chunk.conflict as { a: string[]; o: string[]; b: string[] };
    conflicts++;
    out.push(`<<<<<<< ${labels.ours}\n`, ...ended(a), `||||||| ${labels.base}\n`, ...ended(o), "=======\n", ...ended(b), `>>>>>>> ${labels.theirs}\n`);
  }
  return { text: out.join(""), conflicts };
}
