import type { Kind } from "./types.ts";

/** The questions, in prompt order. A kind's flag is its name; `multiple` kinds take a comma list. */
export interface KindSpec {
  kind: Kind;
  message: string;
  multiple: boolean;
  /** What `--yes` (or Enter) picks. */
  default: string | string[];
}

export const kinds: readonly KindSpec[] = [
  { kind: "framework", message: "Which framework?", multiple: false, default: "astro" },
  { kind: "content", message: "Where does the content come from?", multiple: false, default: "markdown" },
  { kind: "deploy", message: "Where will it deploy? (space selects, enter confirms)", multiple: true, default: ["vercel"] },
];

/** `--deploy none` is how a multiple kind says "no module of this kind". */
export const NONE = "none";

export function kindSpec(kind: Kind): KindSpec {
  const spec = kinds.find((k) => k.kind === kind);
  if (!spec) throw new Error(`unknown kind ${kind}`);
  return spec;
}
