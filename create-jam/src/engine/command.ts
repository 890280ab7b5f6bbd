import { kinds } from "./kinds.ts";
import { NONE } from "./kinds.ts";
import type { Choices, Options } from "./types.ts";

/** The one non-interactive command that makes this project again, pinned to this create-jam version. */
export function reproduceCommand(choices: Choices, options: Options, version: string): string {
  const flags = kinds.map(({ kind, multiple }) => {
    const v = choices[kind];
    return `--${kind} ${multiple ? (v as string[]).join(",") || NONE : v}`;
  });
  for (const name of choices.flags ?? []) flags.push(`--${name}`);
  flags.push(options.install ? "--install" : "--no-install", options.git ? "--git" : "--no-git");
  return `npm create jam@${version} ${options.name} -- ${flags.join(" ")}`;
}
