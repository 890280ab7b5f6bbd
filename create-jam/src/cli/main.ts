// The whole run: read flags, ask what is missing, check everything, then (and only then) write,
// install and init git. Every answer is collected before the first side effect.
import { basename, relative } from "node:path";
import semverLt from "semver/functions/lt.js";
import { reproduceCommand, reproduceParts, shellLines, shellWord } from "../engine/command.ts";
import { allOf, cancelled, EXIT, JamError } from "../engine/errors.ts";
import { kinds, NONE } from "../engine/kinds.ts";
import { MANIFEST, planProject } from "../engine/plan.ts";
import type { StepResult } from "../engine/post.ts";
import { compatibleOptions, findModule, flagOwners, flagProblems, incompatibilities, neededFrom, nodeSetter, resolveStack, type Registry } from "../engine/stack.ts";
import { assertFree, assertWritable, resolveTarget, type Target } from "../engine/target.ts";
import type { TemplateStore } from "../engine/render.ts";
import type { Choices, Kind, Options, RegisteredModule, Stack } from "../engine/types.ts";
import { Interrupted, writeTree } from "../engine/write.ts";
import { allowedValues, parseCliArgs, type Args } from "./args.ts";
import { helpText } from "./help.ts";
import { wrap } from "./text.ts";

/** The first arguments that are commands (cli/update.ts), not a project folder. */
const COMMANDS = ["add", "upgrade", "render"] as const;

export interface Io {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** stdin and stdout are a terminal: prompts are possible. */
  interactive: boolean;
  nodeVersion: string;
  out: (text: string) => void;
}

export interface Bundle {
  registry: Registry;
  store: TemplateStore;
  version: string;
}

/** Flags that were given must already agree with each other, before any question is asked: every conflict is named at once. */
function checkGivenFlags(registry: Registry, given: Partial<Choices>): void {
  const modules = kinds.flatMap((k) => {
    const v = given[k.kind];
    const ids = v === undefined ? [] : Array.isArray(v) ? v : [v];
    return ids.map((id) => findModule(registry, k.kind, id)).filter((m): m is RegisteredModule => !!m);
  });
  const problems = incompatibilities(registry, modules, (kind) => given[kind] !== undefined);
  // A module flag is refused now when what refuses it is given (else after the questions): its
  // module's kind without the module, or a module it does not work with.
  for (const name of given.flags ?? []) {
    const owners = flagOwners(registry, name);
    const owner = owners.find((m) => modules.includes(m));
    const without = owners[0]?.flags?.find((f) => f.name === name)?.without?.kind;
    const decided = owners.length === 0 || (owner ? !!without && given[without] !== undefined : owners.every((m) => given[m.kind as Kind] !== undefined));
    if (decided) problems.push(...flagProblems(registry, modules, [name]));
  }
  const problem = allOf(problems);
  if (problem) throw problem;
}

/** The options the given flags leave for `kind` (one: nothing to ask or to give). */
function fitting(registry: Registry, kind: Kind, given: Partial<Choices>): string[] {
  const needed = neededFrom(registry, kind, given);
  return compatibleOptions(registry, kind, given)
    .filter((m) => needed.every((c) => m.provides?.includes(c)))
    .map((m) => m.id);
}

/** Without a terminal and without --yes, name every missing flag instead of waiting or guessing. */
function missingFlags(registry: Registry, args: Args): string[] {
  const missing: string[] = [];
  if (!args.dir) missing.push("the project folder (first argument, e.g. my-site)");
  for (const k of kinds) {
    // A kind left out unless asked for (--commerce) is not missing: a script that gave every flag
    // before that kind existed still runs, and gets none of it.
    if (k.optional && k.default === NONE) continue;
    // A kind the other flags leave one value for (Hugo renders statically) is not missing: --yes and a prompt take it too.
    if (!k.multiple && !k.optional && args.choices[k.kind] === undefined && fitting(registry, k.kind, args.choices).length === 1) continue;
    if (args.choices[k.kind] === undefined) missing.push(`--${k.kind} ${allowedValues(registry, k.kind).join("|")}`);
  }
  if (args.install === undefined) missing.push("--install or --no-install");
  if (args.git === undefined) missing.push("--git or --no-git");
  return missing;
}

/** --yes: each kind's default where it fits what is already chosen (none, for a kind left out by default), else its first option that does. */
export function defaults(registry: Registry, given: Partial<Choices>): Choices {
  const chosen: Partial<Choices> = { ...given };
  for (const k of kinds) {
    if (chosen[k.kind] !== undefined) continue;
    const needed = neededFrom(registry, k.kind, chosen);
    const fits = fitting(registry, k.kind, chosen);
    const picked = k.multiple ? (k.default as string[]).filter((d) => fits.includes(d)) : [];
    const value = k.multiple
      ? picked.length || !needed.length ? picked : fits.slice(0, 1)
      : (k.default === NONE && !needed.length) || fits.includes(k.default as string) ? k.default : (fits[0] ?? NONE);
    (chosen as Record<string, unknown>)[k.kind] = value;
  }
  return chosen as Choices;
}

function checkNode(stack: Stack, current: string): void {
  if (!semverLt(current, stack.node)) return;
  const setter = nodeSetter(stack);
  throw new JamError(
    `This stack needs Node ${stack.node} or newer (${setter?.label ?? "it"} sets that), and this is Node ${current}.`,
    "Install Node 24 LTS (nodejs.org, or `nvm install 24`), then run the same command again.",
  );
}

function describeTree(tree: Map<string, string>): string {
  return [...tree].map(([path, text]) => `  ${path}  (${Buffer.byteLength(text)} B)`).join("\n");
}

/** Why `input` cannot be the project folder (what the run would refuse), or nothing: the folder prompt's check. */
function folderProblem(input: string, cwd: string, overwrite: boolean): string | undefined {
  try {
    const target = resolveTarget(input, cwd);
    assertWritable(target);
    assertFree(target, overwrite);
    return undefined;
  } catch (e) {
    if (e instanceof JamError) return `${e.message} ${e.fix ?? ""}`.trim();
    throw e;
  }
}

/** The width the last screen is laid out for: an 80-column terminal, a box's border and gutter inside it. */
const WIDTH = 80;
const BOX = 6;

export async function main(io: Io, bundle: Bundle): Promise<number> {
  const { registry, store, version } = bundle;
  // A command only as the first argument: a project folder of that name is `./add`.
  if ((COMMANDS as readonly string[]).includes(io.argv[0] ?? "")) return (await import("./update.ts")).runCommand(io, bundle);
  const args = parseCliArgs(io.argv, registry);
  if (args.help) return io.out(helpText(registry, version)), EXIT.ok;
  if (args.version) return io.out(`${version}\n`), EXIT.ok;
  checkGivenFlags(registry, args.choices);

  // --json is for scripts and agents: stdout holds the one object, so nothing asks there.
  const interactive = io.interactive && !args.yes && !args.json;
  // Prompts (clack) and process running (execa) load only when used: a scripted run skips both.
  const ui = interactive ? await import("./prompts.ts") : undefined;
  if (!interactive && !args.yes) {
    const missing = missingFlags(registry, args);
    if (missing.length) {
      throw new JamError(
        `${args.json ? "--json never asks" : "No terminal to ask in"}, and ${missing.length === 1 ? "this is" : "these are"} missing: ${missing.join("; ")}.`,
        "Give them as flags, or add --yes to take the defaults (create-jam --help lists them).",
      );
    }
  }
  ui?.intro(`create-jam ${version}`);
  // The folder first, checked as the write will check it (a dry run too): a folder that cannot be
  // used is said at its prompt, or before the first question, not after the last.
  let overwrite = args.overwrite;
  let dir = args.dir ?? "my-site";
  if (ui) {
    // The prompt refuses what no answer can fix (a file in the way, no permission); a non-empty
    // folder gets the choice --overwrite gives, or another folder.
    for (let asked = !args.dir; ; asked = true) {
      if (asked) dir = await ui.askFolder((v) => folderProblem(v, io.cwd, true));
      const t = resolveTarget(dir, io.cwd);
      if (!t.existsNonEmpty || overwrite) break;
      const what = await ui.askOverwrite(t.dir, asked);
      if (what === "cancel") throw cancelled();
      if (what === "replace") {
        overwrite = true;
        break;
      }
    }
  }
  const target = resolveTarget(dir, io.cwd);
  assertWritable(target);
  assertFree(target, overwrite);
  const notices = target.renamedFrom ? [`Using "${target.name}" as the package name ("${target.renamedFrom}" is not a valid one); the folder is "${basename(target.dir)}".`] : [];
  // At a terminal a notice stays in the prompts' gutter.
  if (!args.json) for (const n of notices) ui ? ui.info(n) : io.out(`${n}\n`);

  const choices = ui ? await ui.askChoices(registry, args.choices) : defaults(registry, args.choices);
  const stack = resolveStack(registry, choices);
  checkNode(stack, io.nodeVersion);
  const options: Options = {
    name: target.name,
    install: args.install ?? (ui && !args.dryRun ? await ui.askYesNo("Install dependencies now (pnpm)?") : true),
    git: args.git ?? (ui && !args.dryRun ? await ui.askYesNo("Create a git repository?") : true),
  };

  const tree = planProject({ registry, stack, options, store, version });
  const outcome = (steps: StepResult[]): Outcome => ({ target, cwd: io.cwd, tree, stack, options, steps, version, notices, dryRun: args.dryRun });
  if (args.dryRun) {
    io.out(args.json ? toJsonResult(outcome([])) : `Dry run: would write ${tree.size} files into ${target.dir}:\n${describeTree(tree)}\nNothing was written.\n`);
    return EXIT.ok;
  }

  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.once("SIGINT", onSigint);
  try {
    await writeTree(target.dir, tree, { overwrite, signal: abort.signal, delayMs: Number(io.env.CREATE_JAM_TEST_WRITE_DELAY_MS) || 0 });
  } catch (e) {
    if (e instanceof Interrupted) throw cancelled();
    const reason = (e as Error).message;
    throw new JamError(`Could not write ${target.dir}: ${reason}. Nothing was left behind.`, "Check the folder and free space, then run again.", EXIT.failed);
  } finally {
    process.removeListener("SIGINT", onSigint);
  }

  const steps: StepResult[] = [];
  const post = options.install || options.git ? await import("../engine/post.ts") : undefined;
  if (post && options.install) {
    const pnpm = await post.findPnpm(io.env);
    // Without pnpm: what was tried and what happens instead, said before it happens.
    if (pnpm.fallback && !args.json) ui ? ui.info(pnpm.fallback) : io.out(`${pnpm.fallback}\n`);
    const spin = ui?.spinner();
    if (spin) spin.start("Installing dependencies with pnpm");
    else if (!args.json) io.out("Installing dependencies with pnpm...\n");
    steps.push(await post.install(target.dir, io.env, pnpm));
    spin?.stop(steps.at(-1)?.ok ? "Dependencies installed" : "Install failed");
  }
  if (post && options.git) steps.push(await post.gitInit(target.dir, io.env, new Map([...tree].filter(([p]) => p !== MANIFEST))));

  const done = summary(outcome(steps));
  // At a terminal the last screen stays inside the prompts' frame; a script gets plain lines. The
  // command that makes it again is outside any frame, so it copies without border characters.
  const again = ["Make it again (the same project, in the same folder):", ...shellLines(reproduceParts(stack.choices, options, version, folderOf(outcome(steps))), WIDTH)].join("\n");
  if (args.json) io.out(toJsonResult(outcome(steps)));
  else if (ui) {
    ui.note(done.body, done.title);
    ui.outro("Happy building!");
    io.out(`${again}\n`);
  } else io.out(`${done.title}\n${done.body}\n\n${again}\n`);
  return steps.every((s) => s.ok) ? EXIT.ok : EXIT.postStep;
}

interface Outcome {
  target: Target;
  cwd: string;
  tree: Map<string, string>;
  stack: Stack;
  options: Options;
  steps: StepResult[];
  version: string;
  notices: string[];
  dryRun: boolean;
}

/** The project folder as a path from where the command ran ("." for that folder itself). */
const folderOf = (r: Outcome) => relative(r.cwd, r.target.dir) || ".";

/** What `pnpm build` gives, and whether turbo caches it (a CMS stack's build is never cached: the content is an input turbo cannot see). */
function buildText(r: Outcome): string {
  const hybrid = r.stack.choices.rendering === "hybrid";
  const what = hybrid ? "pre-rendered pages and the server for the rest" : "the static site";
  let cached = true;
  try {
    cached = (JSON.parse(r.tree.get("turbo.json") ?? "{}") as { tasks?: Record<string, { cache?: boolean }> }).tasks?.build?.cache !== false;
  } catch {}
  if (cached) return `${what}, cached by turbo`;
  const content = r.stack.modules.find((m) => m.kind === "content");
  return `${what}; not cached by turbo, which cannot see a change in ${content?.label ?? "the content"}`;
}

/** The commands to run next in this stack, each with what it does. */
function nextCommands(r: Outcome): { command: string; what: string }[] {
  const rel = folderOf(r);
  const hybrid = r.stack.choices.rendering === "hybrid";
  // A static stack's `pnpm dev` is the functions' server (FUNCTIONS_PORT, templates/base) in front of the framework's.
  const port = hybrid ? r.stack.view.framework.devPort : r.stack.parts.flatMap((p) => p.env ?? []).find((e) => e.name === "FUNCTIONS_PORT")?.example;
  return [
    ...(rel !== "." ? [{ command: `cd ${shellWord(rel)}`, what: "" }] : []),
    ...(r.steps.some((s) => s.step === "install" && s.ok) ? [] : [{ command: "pnpm install", what: "" }]),
    { command: "pnpm dev", what: `http://localhost:${port}: the site and its functions` },
    { command: "pnpm build", what: buildText(r) },
  ];
}

/** The run's last words: what was made, how the steps went, and the next commands for this stack, in lines that fit an 80-column box. */
export function summary(r: Outcome): { title: string; body: string } {
  const width = WIDTH - BOX;
  const labels = r.stack.modules.filter((m) => m.kind !== "base").map((m) => m.label).join(", ");
  const rel = folderOf(r);
  const lines: string[] = [...wrap(labels, width), ...wrap(`${r.tree.size} files in ${r.target.dir}`, width, "  "), ""];
  for (const s of r.steps) {
    // The commands to finish by hand one a line, so none is broken to fit.
    if (!s.ok) lines.push(...wrap(`✖ ${s.step} failed: ${s.detail}`, width, "  "), "  Run it by hand:", ...[`cd ${shellWord(rel)}`, ...(s.manual ?? "").split(" && ")].map((c) => `    ${c}`), "");
    else if (s.detail) lines.push(...wrap(`${s.step}: ${s.detail}`, width, "  "), "");
  }
  lines.push("Next:");
  for (const { command, what } of nextCommands(r)) {
    if (!what) lines.push(`  ${command}`);
    else lines.push(...wrap(`  ${command.padEnd(14)}# ${what}`, width, `${" ".repeat(16)}# `));
  }
  const deploy = r.stack.choices.deploy.length ? r.stack.choices.deploy.join(", ") : NONE;
  lines.push("", ...wrap(`Deploy targets: ${deploy} (see README.md).`, width));
  return { title: `Created ${r.options.name}`, body: lines.join("\n") };
}

/** --json: the run as one object, for scripts and agents. */
function toJsonResult(r: Outcome): string {
  const result = {
    ok: r.steps.every((s) => s.ok),
    createJam: r.version,
    dryRun: r.dryRun,
    project: { name: r.options.name, dir: r.target.dir },
    notices: r.notices,
    stack: { choices: r.stack.choices, modules: r.stack.modules.filter((m) => m.kind !== "base").map((m) => ({ kind: m.kind, id: m.id, label: m.label })) },
    // The files written (with --dry-run: that would be), with their sizes.
    files: [...r.tree].map(([path, text]) => ({ path, bytes: Buffer.byteLength(text) })),
    steps: r.steps,
    next: nextCommands(r).map((n) => n.command),
    command: reproduceCommand(r.stack.choices, r.options, r.version, folderOf(r)),
  };
  return `${JSON.stringify(result, null, 2)}\n`;
}
