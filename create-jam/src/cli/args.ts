// argv -> what the user asked for. Flags for choices come from the kinds table; their values from the
// registry, so a new module is a new allowed value with no change here.
import { closest, distance } from "fastest-levenshtein";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { JamError } from "../engine/errors.ts";
import { kinds, NONE } from "../engine/kinds.ts";
import { moduleFlags, modulesOf, type Registry } from "../engine/stack.ts";
import type { Choices } from "../engine/types.ts";

export interface Args {
  dir?: string;
  choices: Partial<Choices>;
  install?: boolean;
  git?: boolean;
  yes: boolean;
  dryRun: boolean;
  json: boolean;
  overwrite: boolean;
  help: boolean;
  version: boolean;
}

/** Flags that are not choices, with their help text. */
export const plainFlags = {
  install: { type: "boolean", help: "Install dependencies with pnpm after writing (default: yes)" },
  "no-install": { type: "boolean", help: "Skip the install" },
  git: { type: "boolean", help: "Create a git repository with a first commit (default: yes)" },
  "no-git": { type: "boolean", help: "Skip git" },
  yes: { type: "boolean", short: "y", help: "Take the default for everything not given; never prompt" },
  "dry-run": { type: "boolean", help: "Print the files it would write, write nothing" },
  json: { type: "boolean", help: "Print one JSON object on stdout and nothing else (files, stack, steps, next commands); never prompt" },
  overwrite: { type: "boolean", help: "Replace the contents of a non-empty target folder (its .git is kept)" },
  help: { type: "boolean", short: "h", help: "Show this help" },
  version: { type: "boolean", short: "v", help: "Show the create-jam version" },
} as const;

function optionSpec(registry: Registry): NonNullable<ParseArgsConfig["options"]> {
  const spec: NonNullable<ParseArgsConfig["options"]> = {};
  for (const k of kinds) spec[k.kind] = { type: "string", multiple: k.multiple };
  // A module's yes/no options (--anonymous-comments): whether its module is chosen is the stack's check.
  for (const { flag } of moduleFlags(registry)) spec[flag.name] = { type: "boolean" };
  for (const [name, f] of Object.entries(plainFlags)) spec[name] = { type: "boolean", ...("short" in f ? { short: f.short } : {}) };
  return spec;
}

/** The nearest allowed word, when it is near enough to be a typo rather than noise. */
function suggest(word: string, candidates: string[]): string | undefined {
  const best = closest(word, candidates);
  return best && distance(word, best) <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

export function parseCliArgs(argv: string[], registry: Registry): Args {
  const options = optionSpec(registry);
  const known = Object.keys(options);
  const { values, positionals, tokens } = parseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens ?? []) {
    if (t.kind !== "option") continue;
    if (!known.includes(t.name) && !Object.values(options).some((o) => o.short === t.name)) {
      const near = suggest(t.name, known);
      throw new JamError(
        `Unknown flag ${t.rawName}.`,
        `${near ? `Did you mean --${near}? ` : ""}Allowed flags: ${known.map((k) => `--${k}`).join(", ")}.`,
      );
    }
    if (options[t.name]?.type === "string" && (t.value === undefined || t.value === "")) {
      throw new JamError(`${t.rawName} needs a value.`, `Allowed: ${allowedValues(registry, t.name).join(", ")}.`);
    }
  }
  if (positionals.length > 1) {
    throw new JamError(`Too many arguments: ${positionals.join(" ")}.`, `Give one project folder, e.g. create-jam my-site (quote a name with spaces).`);
  }
  for (const pair of ["install", "git"]) {
    if (values[pair] && values[`no-${pair}`]) throw new JamError(`--${pair} and --no-${pair} contradict each other.`, `Keep one of them.`);
  }
  const choices: Partial<Choices> = {};
  for (const k of kinds) {
    const raw = values[k.kind] as string | string[] | undefined;
    if (raw === undefined) continue;
    const ids = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
    const ok = allowedValues(registry, k.kind);
    for (const id of ids) {
      if (!ok.includes(id)) {
        const near = suggest(id, ok);
        throw new JamError(`Unknown --${k.kind} "${id}".`, `${near ? `Did you mean ${near}? ` : ""}Allowed: ${ok.join(", ")}.`);
      }
    }
    if (k.multiple) {
      if (ids.includes(NONE) && ids.length > 1) throw new JamError(`--${k.kind} ${NONE} cannot be combined with other values.`, `Give ${NONE} alone, or a list without it.`);
      (choices as Record<string, string[]>)[k.kind] = [...new Set(ids.filter((i) => i !== NONE))];
    } else {
      if (ids.length !== 1) throw new JamError(`--${k.kind} takes one value, got ${ids.join(", ")}.`, `Allowed: ${ok.join(", ")}.`);
      (choices as Record<string, string>)[k.kind] = ids[0];
    }
  }
  const on = moduleFlags(registry)
    .map(({ flag }) => flag.name)
    .filter((name) => values[name])
    .sort();
  if (on.length) choices.flags = on;
  const bool = (yes: string) => (values[yes] ? true : values[`no-${yes}`] ? false : undefined);
  return {
    dir: positionals[0],
    choices,
    install: bool("install"),
    git: bool("git"),
    yes: !!values.yes,
    dryRun: !!values["dry-run"],
    json: !!values.json,
    overwrite: !!values.overwrite,
    help: !!values.help,
    version: !!values.version,
  };
}

export function allowedValues(registry: Registry, flag: string): string[] {
  const spec = kinds.find((k) => k.kind === flag);
  if (!spec) return [];
  const ids = modulesOf(registry, spec.kind).map((m) => m.id);
  return spec.multiple || spec.optional ? [...ids, NONE] : ids;
}
