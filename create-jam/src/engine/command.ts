import { kinds } from "./kinds.ts";
import { NONE } from "./kinds.ts";
import type { Choices, Options } from "./types.ts";

/** A word for a POSIX shell: as it is when that is safe, else single-quoted. */
export const shellWord = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`);

/**
 * The one non-interactive command that makes this project again, pinned to this create-jam version,
 * as the pieces a line break may go between (a flag keeps its value). `folder`: where the project
 * goes, as a path from where the command runs (jam.json, which cannot know that, names the package).
 */
export function reproduceParts(choices: Choices, options: Options, version: string, folder: string = options.name): string[] {
  const flags = kinds.map(({ kind, multiple }) => {
    const v = choices[kind];
    return `--${kind} ${multiple ? (v as string[]).join(",") || NONE : v}`;
  });
  for (const name of choices.flags ?? []) flags.push(`--${name}`);
  flags.push(options.install ? "--install" : "--no-install", options.git ? "--git" : "--no-git");
  return [`npm create jam@${version} ${shellWord(folder)} --`, ...flags];
}

export const reproduceCommand = (choices: Choices, options: Options, version: string, folder?: string) => reproduceParts(choices, options, version, folder).join(" ");

/** The command as shell lines of at most `width` characters, joined by ` \` (a terminal's copy runs as one command). */
export function shellLines(parts: string[], width: number, indent = "  "): string[] {
  const lines: string[] = [];
  let line = "";
  for (const part of parts) {
    const next = line ? `${line} ${part}` : part;
    // Room for the " \" a continued line ends with.
    if (line && next.length + 2 > width) {
      lines.push(`${line} \\`);
      line = `${indent}${part}`;
    } else line = next;
  }
  return [...lines, line];
}
