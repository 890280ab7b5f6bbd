import { exitCodeLines } from "../engine/errors.ts";
import { kinds, NONE } from "../engine/kinds.ts";
import { moduleFlags, modulesOf, type Registry } from "../engine/stack.ts";
import { plainFlags } from "./args.ts";

/** --help, written from the same data the flags are parsed from. */
export function helpText(registry: Registry, version: string): string {
  const lines = [
    `create-jam ${version}: a JAMstack site as a Turborepo + pnpm monorepo.`,
    "",
    "Usage: npm create jam@latest [folder] -- [flags]",
    "       create-jam [folder] [flags]",
    "",
    "Commands, inside a project (create-jam <command> --help):",
    "  create-jam add <kind> <id>    add a module to the project, merged into your files",
    "  create-jam upgrade            bring the project to this version's templates, keeping your edits",
    "  (a project folder with such a name: create-jam ./add)",
    "",
    "Choices (a given flag skips its question):",
  ];
  // Ids in one column, two spaces past the longest (github-pages).
  const idWidth = Math.max(...registry.filter((m) => m.kind !== "base").map((m) => m.id.length)) + 2;
  for (const k of kinds) {
    const def = Array.isArray(k.default) ? k.default.join(",") || NONE : k.default;
    // "Or none." only where none is not already the default.
    const more = k.multiple ? ` Comma-separated, or ${NONE}.` : k.optional && def !== NONE ? ` Or ${NONE}.` : "";
    lines.push(`  --${k.kind} <${k.multiple ? "list" : "id"}>  ${k.message} Default: ${def}.${more}`);
    for (const m of modulesOf(registry, k.kind)) lines.push(`      ${m.id.padEnd(idWidth)}${m.label}: ${m.hint}`);
  }
  const flags = moduleFlags(registry);
  if (flags.length) lines.push("", "Options of a module (off unless given):");
  for (const { flag, owners } of flags) lines.push(`  --${flag.name}  ${flag.help} (${owners.map((m) => `--${m.kind} ${m.id}`).join(", ")})`);
  lines.push("", "Options:");
  for (const [name, f] of Object.entries(plainFlags)) {
    const short = "short" in f ? `-${f.short}, ` : "    ";
    lines.push(`  ${short}--${name.padEnd(12)}${f.help}`);
  }
  lines.push(
    "",
    "Without a terminal (CI, scripts) it never asks: give every choice as a flag, or --yes for the defaults.",
    "",
    "Exit codes (create, add and upgrade):",
    ...exitCodeLines(),
    "",
    "Example: npm create jam@latest my-site -- --framework next --content markdown --deploy vercel,netlify --yes",
  );
  return `${lines.join("\n")}\n`;
}
