/**
 * The exit codes of every command (create, add, upgrade), each with what it means: --help, the
 * commands' help and the READMEs print this table, and a test holds them to it.
 */
export const EXIT_CODES = [
  { code: 0, name: "ok", meaning: "done; for add and upgrade also: nothing to change" },
  { code: 1, name: "failed", meaning: "failed while working (a write, the registry): nothing was left behind or changed" },
  { code: 2, name: "usage", meaning: "refused: bad input, or something to fix first (the message says what); nothing was written" },
  { code: 3, name: "postStep", meaning: "the files were written, but pnpm install or git failed: the message says what to run by hand" },
  { code: 4, name: "conflicts", meaning: "add and upgrade: done, with conflicts to resolve (marked in the files)" },
  { code: 130, name: "interrupted", meaning: "cancelled (Ctrl+C): nothing was written, or every file is as it was" },
] as const;

type ExitName = (typeof EXIT_CODES)[number]["name"];

export const EXIT = Object.fromEntries(EXIT_CODES.map((e) => [e.name, e.code])) as { readonly [N in ExitName]: Extract<(typeof EXIT_CODES)[number], { name: N }>["code"] };

/** The table as --help prints it, one code a line after `indent`. */
export const exitCodeLines = (indent = "  ") => EXIT_CODES.map((e) => `${indent}${String(e.code).padEnd(4)}${e.meaning}`);

/** The table as the READMEs hold it (a test checks they do). */
export const exitCodeMarkdown = () => ["| exit code | meaning |", "| --- | --- |", ...EXIT_CODES.map((e) => `| ${e.code} | ${e.meaning} |`)].join("\n");

/** An error the user caused or can fix: one sentence, then the fix. Printed without a stack trace. */
export class JamError extends Error {
  readonly fix?: string;
  readonly exitCode: number;
  /** Set when this error stands for several (allOf): each with its own fix, for --json. */
  problems?: { message: string; fix?: string }[];
  constructor(message: string, fix?: string, exitCode: number = EXIT.usage) {
    super(message);
    this.fix = fix;
    this.exitCode = exitCode;
  }
}

/** Several problems as one error, each with its own fix, so a run names them all at once. */
export function allOf(problems: readonly JamError[]): JamError | undefined {
  const unique = [...new Map(problems.map((p) => [p.message, p])).values()];
  if (unique.length <= 1) return unique[0];
  const items = unique.map((p, i) => `  ${i + 1}. ${p.message}${p.fix ? `\n     ${p.fix}` : ""}`);
  const all = new JamError(`${unique.length} problems, each with its fix:\n${items.join("\n")}`, undefined, unique[0]?.exitCode);
  all.problems = unique.map((p) => ({ message: p.message, fix: p.fix }));
  return all;
}

export const cancelled = () => new JamError("Cancelled: nothing was written.", undefined, EXIT.interrupted);
