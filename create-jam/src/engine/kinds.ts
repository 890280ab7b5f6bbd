import type { Kind } from "./types.ts";

/** The questions, in prompt order. A kind's flag is its name; `multiple` kinds take a comma list. */
export interface KindSpec {
  kind: Kind;
  message: string;
  multiple: boolean;
  /** A single kind that may be left out with `--<kind> none` (a multiple kind always may). */
  optional?: boolean;
  /** What `--yes` (or Enter) picks. */
  default: string | string[];
}

export const kinds: readonly KindSpec[] = [
  { kind: "framework", message: "Which framework?", multiple: false, default: "astro" },
  { kind: "rendering", message: "How are pages rendered?", multiple: false, default: "static" },
  { kind: "content", message: "Where does the content come from?", multiple: false, default: "markdown" },
  { kind: "commerce", message: "Sell products?", multiple: false, optional: true, default: "none" },
  { kind: "auth", message: "Sign-in for visitors?", multiple: false, optional: true, default: "none" },
  { kind: "backend", message: "A backend for comments on posts?", multiple: false, optional: true, default: "none" },
  { kind: "search", message: "Site search?", multiple: false, optional: true, default: "pagefind" },
  { kind: "deploy", message: "Where will it deploy?", multiple: true, default: ["vercel"] },
];

/** `--deploy none`, `--search none`: no module of this kind. */
export const NONE = "none";

export function kindSpec(kind: Kind): KindSpec {
  const spec = kinds.find((k) => k.kind === kind);
  if (!spec) throw new Error(`unknown kind ${kind}`);
  return spec;
}
