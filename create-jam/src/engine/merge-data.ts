// Three-way merges of the files create-jam builds as data (package.json, turbo.json, jam.json's
// neighbours, pnpm-workspace.yaml, .env.example): key by key, so a change of the template and one of
// the user land together, and a conflict keeps the user's value and is listed, never written as
// markers into JSON or YAML (which pnpm and turbo cannot read).
import semverGte from "semver/functions/gte.js";
import minVersion from "semver/ranges/min-version.js";
import validRange from "semver/ranges/valid.js";
import { toJson, toYaml } from "./manifests.ts";
import { load as parseYaml } from "js-yaml";
// Its ESM build: the main (UMD) build loads its parts with a require() a bundle cannot follow.
import { parse as parseJsoncText, printParseErrorCode, type ParseError } from "jsonc-parser/lib/esm/main.js";

export interface DataMerge {
  text: string;
  /** Where both sides changed a value differently: the user's value was kept. "a.b.c". */
  kept: string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (v: unknown): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isScalarList = (v: unknown): v is (string | number | boolean)[] => Array.isArray(v) && v.every((x) => typeof x !== "object" || x === null);

/** The fields of package.json whose values are version ranges. */
const DEPENDENCY_FIELDS = new Set(["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"]);

/**
 * A version the user raised past the template's stays (nx's rule: an update never moves a
 * dependency backward); one the template raised past the user's wins.
 */
function higherRange(ours: string, theirs: string): string | undefined {
  if (!validRange(ours) || !validRange(theirs)) return undefined;
  const [o, t] = [minVersion(ours), minVersion(theirs)];
  if (!o || !t) return undefined;
  return semverGte(o, t) ? ours : theirs;
}

/**
 * base → theirs applied to ours, recursively. `undefined` is "absent". Objects merge key by key
 * (ours' key order, then theirs' new keys); lists of plain values as sets (theirs' additions
 * added, theirs' removals removed); anything else both sides changed keeps ours and is listed.
 */
export function merge3(base: Json | undefined, ours: Json | undefined, theirs: Json | undefined, path: string[] = [], kept: string[] = []): Json | undefined {
  if (same(ours, base)) return theirs;
  if (same(theirs, base) || same(ours, theirs)) return ours;
  if (isObject(ours) && isObject(theirs)) {
    const b = isObject(base) ? base : {};
    const out: Record<string, Json> = {};
    for (const key of [...new Set([...Object.keys(ours), ...Object.keys(theirs)])]) {
      const value = merge3(b[key], ours[key], theirs[key], [...path, key], kept);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  if (isScalarList(ours) && isScalarList(theirs) && (base === undefined || isScalarList(base))) {
    const b = base ?? [];
    const removed = b.filter((x) => !theirs.includes(x));
    return [...ours.filter((x) => !removed.includes(x)), ...theirs.filter((x) => !b.includes(x) && !ours.includes(x))];
  }
  const field = path.length === 2 && DEPENDENCY_FIELDS.has(path[0] as string);
  if (field && typeof ours === "string" && typeof theirs === "string") {
    const higher = higherRange(ours, theirs);
    if (higher) return higher;
  }
  // A dependency the user removed stays removed; one the template removed that the user changed stays.
  kept.push(path.join("."));
  return ours;
}

/** A merge of a structured file: each side parsed, merged key by key, printed again. A side that does not parse throws. */
const dataMergeOf =
  (parse: (text: string) => Json, print: (value: Json | undefined) => string) =>
  (base: string | undefined, ours: string, theirs: string): DataMerge => {
    const kept: string[] = [];
    const value = merge3(base === undefined ? undefined : parse(base), parse(ours), parse(theirs), [], kept);
    return { text: print(value), kept };
  };

/** Merges one structured file's three versions (base absent: added on both sides). */
export type MergeData = ReturnType<typeof dataMergeOf>;

export const mergeJson = dataMergeOf(JSON.parse, toJson);

/** JSON with comments and trailing commas, as wrangler and Biome read it; a file with a syntax error throws. */
function parseJsonc(text: string): Json {
  const errors: ParseError[] = [];
  const value = parseJsoncText(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) throw new Error(`JSONC: ${printParseErrorCode(errors[0]!.error)} at offset ${errors[0]!.offset}`);
  return value as Json;
}

/** A .jsonc file as data. Written back as JSON (valid JSONC): its comments go, which is why this is only the fallback when a line merge overlaps. */
export const mergeJsonc = dataMergeOf(parseJsonc, toJson);

export const mergeYaml = dataMergeOf((text) => parseYaml(text) as Json, (value) => toYaml(value as Record<string, unknown>));

/**
 * .env.example as paragraphs (blank-line separated), each named by the variable it sets: the
 * template's new variables are added at the end, the ones it dropped are removed where the user
 * left them as they were, and a paragraph the user edited stays as the user wrote it.
 */
export function mergeEnv(base: string | undefined, ours: string, theirs: string): DataMerge {
  const paragraphs = (text: string) => {
    const out = new Map<string, string>();
    text.split(/\n{2,}/).forEach((p, i) => {
      const body = p.replace(/\n+$/, "");
      if (body) out.set(/^([A-Za-z_][A-Za-z0-9_]*)=/m.exec(body)?.[1] ?? `#${i}`, body);
    });
    return out;
  };
  const [b, o, t] = [paragraphs(base ?? ""), paragraphs(ours), paragraphs(theirs)];
  const kept: string[] = [];
  const out: string[] = [];
  for (const key of [...new Set([...o.keys(), ...t.keys()])]) {
    const value = merge3(b.get(key), o.get(key), t.get(key), [key.startsWith("#") ? "(comment)" : key], kept);
    if (typeof value === "string") out.push(value);
  }
  return { text: `${out.join("\n\n")}\n`, kept };
}
