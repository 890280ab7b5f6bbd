// `create-jam add <kind> <id>`, `create-jam upgrade` and `create-jam render`: the project's recorded
// stack (jam.json) planned again, merged into its files. Loaded only when one of them is the first
// argument, so scaffolding never pays for it.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { execa } from "execa";
import { applyChanges, recoverUpdate } from "../engine/apply.ts";
import { EXIT, exitCodeLines, JamError } from "../engine/errors.ts";
import { BASE_REF, gitRoot, readBaseRef, writeBaseRef } from "../engine/git-base.ts";
import { kinds } from "../engine/kinds.ts";
import { type JamManifest, MANIFEST, planProject } from "../engine/plan.ts";
import { findModule, moduleFlags, resolveStack } from "../engine/stack.ts";
import { treeHash } from "../engine/tree-hash.ts";
import type { Choices, FileTree } from "../engine/types.ts";
import { type Action, planUpdate, writes } from "../engine/update.ts";
import { Interrupted } from "../engine/write.ts";
import type { Bundle, Io } from "./main.ts";
import { wrap } from "./text.ts";

/** Something failed while working (the registry, a write): exit 1. Bad input is a JamError's default, exit 2. */
const fail = (message: string, fix?: string) => new JamError(message, fix, EXIT.failed);
const refuse = (message: string, fix?: string) => new JamError(message, fix, EXIT.usage);

function parse(argv: string[], bundle: Bundle) {
  const options = {
    "dry-run": { type: "boolean" },
    json: { type: "boolean" },
    "allow-dirty": { type: "boolean" },
    "no-install": { type: "boolean" },
    to: { type: "string" },
    restore: { type: "string", multiple: true },
    manifest: { type: "string" },
    help: { type: "boolean", short: "h" },
    ...Object.fromEntries(moduleFlags(bundle.registry).map(({ flag }) => [flag.name, { type: "boolean" }])),
  } as const;
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | string[] | undefined>, positionals };
  } catch (e) {
    throw refuse(`${(e as Error).message.replace(/\.$/, "")}.`, `Run create-jam ${argv[0]} --help for its flags.`);
  }
}

export function commandHelp(): string {
  return `Inside a project create-jam made (its folder or any folder below it):

  create-jam add <kind> <id>    add a module (or switch a kind that takes one: add content sanity), merged into your files
  create-jam upgrade [--to <v>] bring the project to this create-jam's templates (or <v>'s), merged into your files
  create-jam render --manifest jam.json   print the files create-jam plans for a jam.json, as JSON (writes nothing)

  --dry-run      print what each file would get, change nothing
  --json         print the plan (and, without --dry-run, what was done) as one JSON object
  --allow-dirty  run even when a file it would change has uncommitted changes
  --no-install   leave pnpm install (which makes pnpm-lock.yaml again) to you
  --restore <path>  take the new templates' file again where you deleted it (repeatable; a path from the project's folder)

Each file: taken from the new templates where you had not changed it, kept where they did not
change it, merged where both did (package.json, turbo.json and the other data files key by key;
YAML and JSONC line by line, and key by key where both changed the same lines; other text files
line by line, with conflict markers where both changed the same lines, staged as a git conflict).

Exit codes (create, add and upgrade):
${exitCodeLines().join("\n")}
`;
}

/** The nearest folder at or above `cwd` with a jam.json. */
function findProject(cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, MANIFEST))) return dir;
    if (dirname(dir) === dir) throw refuse(`No ${MANIFEST} here or in a folder above ${cwd}: add and upgrade work inside a project create-jam made.`, "cd into the project, or make one with npm create jam@latest.");
  }
}

function readManifest(file: string): JamManifest {
  let m: Partial<JamManifest>;
  try {
    m = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw refuse(`${file} cannot be read as JSON (${(e as Error).message}).`, "Restore it from git (git checkout jam.json).");
  }
  if (!m.createJam || !m.choices || !m.options || !m.baseTree) {
    throw refuse(`${MANIFEST} lacks what an upgrade starts from (createJam, choices, options, baseTree): it was written before create-jam recorded them.`, "Make the project again with the command in its jam.json, and copy your files over.");
  }
  return m as JamManifest;
}

/** The recorded choices with one module added, or the one of its kind replaced. */
function withModule(registry: Bundle["registry"], choices: Choices, kind: string, id: string, flags: string[]): Choices {
  const spec = kinds.find((k) => k.kind === kind);
  if (!spec) throw refuse(`Unknown kind "${kind}".`, `Kinds: ${kinds.map((k) => k.kind).join(", ")}.`);
  if (!findModule(registry, spec.kind, id)) {
    const ids = registry.filter((m) => m.kind === kind).map((m) => m.id);
    throw refuse(`Unknown ${kind} "${id}".`, `Allowed: ${ids.join(", ")}.`);
  }
  const next: Choices = { ...choices, ...(flags.length ? { flags: [...new Set([...(choices.flags ?? []), ...flags])].sort() } : {}) };
  if (spec.multiple) (next as unknown as Record<string, string[]>)[kind] = [...new Set([...(choices[kind as "deploy"] ?? []), id])];
  else (next as unknown as Record<string, string>)[kind] = id;
  return next;
}

/** `upgrade`'s arguments (after the word) as another create-jam version takes them: the command, every flag but --to. */
const upgradeArgsFor = (rest: string[]): string[] => ["upgrade", ...rest.filter((a, i) => a !== "--to" && rest[i - 1] !== "--to" && !a.startsWith("--to="))];

const withoutManifest = (tree: FileTree): FileTree => new Map([...tree].filter(([p]) => p !== MANIFEST));

/**
 * The tree the recorded create-jam planned: planned here when it is this version; else refs/jam/base;
 * else the recorded version run from the registry. Each is checked against jam.json's baseTree.
 */
async function baseOf(root: string, manifest: JamManifest, bundle: Bundle, io: Io): Promise<{ tree: FileTree; from: string }> {
  const { registry, store, version } = bundle;
  const tried: string[] = [];
  if (manifest.createJam === version) {
    try {
      const tree = withoutManifest(planProject({ registry, stack: resolveStack(registry, manifest.choices), options: manifest.options, store, version }));
      if (treeHash(tree) === manifest.baseTree) return { tree, from: `create-jam ${version}` };
      tried.push(`create-jam ${version} here plans another tree for it`);
    } catch (e) {
      tried.push(`create-jam ${version} here refuses its choices (${(e as Error).message})`);
    }
  }
  const repo = await gitRoot(root);
  if (repo) {
    const tree = await readBaseRef(repo, await repoPrefix(root), manifest.baseTree);
    if (tree) return { tree, from: BASE_REF };
    tried.push(`${BASE_REF} is missing or holds another tree`);
  }
  const r = await execa("npm", ["exec", "--yes", "--package", `create-jam@${manifest.createJam}`, "--", "create-jam", "render", "--manifest", join(root, MANIFEST)], { cwd: root, env: io.env, reject: false, timeout: 300_000 });
  if (r.exitCode === 0) {
    try {
      const files = (JSON.parse(r.stdout) as { files: Record<string, string> }).files;
      const tree = withoutManifest(new Map(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))));
      if (treeHash(tree) === manifest.baseTree) return { tree, from: `create-jam@${manifest.createJam} from the registry` };
      tried.push(`create-jam@${manifest.createJam} from the registry plans another tree`);
    } catch {
      tried.push(`create-jam@${manifest.createJam} from the registry printed no plan`);
    }
  } else tried.push(`create-jam@${manifest.createJam} could not be run from the registry (${(r.stderr || r.message || "").trim().split("\n")[0]?.replace(/^✖ /, "")})`);
  throw fail(`The files create-jam ${manifest.createJam} made for this project cannot be had, so nothing can be merged: ${tried.join("; ")}.`, "Connect to the npm registry and run it again; nothing was changed.");
}

const readOurs = (root: string) => (path: string) => {
  const file = join(root, path);
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
};

/** The project folder's path in its git repository, "" or ending in "/" ("sites/blog/"). */
const repoPrefix = async (root: string) => (await execa("git", ["rev-parse", "--show-prefix"], { cwd: root })).stdout.trim();

/** The paths among `paths` with uncommitted changes, in the project's git repository. */
async function dirtyPaths(root: string, paths: string[]): Promise<string[]> {
  if (!(await gitRoot(root)) || !paths.length) return [];
  const r = await execa("git", ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", ...paths], { cwd: root, reject: false });
  if (r.exitCode !== 0) return [];
  // Porcelain paths are the repository's, whatever the folder.
  const prefix = await repoPrefix(root);
  return r.stdout.split("\0").filter(Boolean).map((entry) => entry.slice(3)).filter((p) => !p.includes(" -> ")).map((p) => p.slice(prefix.length));
}

/** How alike two texts are, 0 to 1: the lines they share (as many times as both have them) over all their lines. */
function likeness(a: string, b: string): number {
  const count = new Map<string, number>();
  const [la, lb] = [a.split("\n"), b.split("\n")];
  for (const line of la) count.set(line, (count.get(line) ?? 0) + 1);
  let shared = 0;
  for (const line of lb) {
    const n = count.get(line) ?? 0;
    if (n > 0) (shared++, count.set(line, n - 1));
  }
  return (2 * shared) / (la.length + lb.length);
}

/** git's default rename threshold (`-M`, 50%) is loose for small files; 60% is upgrade.md's. */
const RENAME_LIKENESS = 0.6;

/**
 * Files the user renamed (git mv): a template file the new templates change, missing from disk,
 * whose text lives on, 60% alike or more, in a file of the repository create-jam never planned.
 * Looked for only in a git repository, and only when such a file is missing.
 */
async function findRenames(root: string, base: FileTree, theirs: FileTree, ours: (path: string) => string | undefined): Promise<Map<string, string>> {
  const missing = [...base.keys()].filter((p) => ours(p) === undefined && theirs.has(p) && theirs.get(p) !== base.get(p));
  if (!missing.length || !(await gitRoot(root))) return new Map();
  const listed = await execa("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, reject: false });
  const pool = new Map<string, string>();
  for (const p of listed.stdout.split("\0").filter((p) => p && !base.has(p) && !theirs.has(p) && p !== MANIFEST)) {
    const text = ours(p);
    if (text !== undefined && text.length < 1 << 20) pool.set(p, text);
  }
  const renames = new Map<string, string>();
  for (const from of missing) {
    const before = base.get(from) as string;
    let best: [string, number] | undefined;
    for (const [to, text] of pool) {
      const alike = likeness(before, text);
      if (alike >= RENAME_LIKENESS && alike > (best?.[1] ?? 0)) best = [to, alike];
    }
    if (best) (renames.set(from, best[0]), pool.delete(best[0]));
  }
  return renames;
}

/** A conflict as git shows one: stages 1 (base), 2 (ours), 3 (theirs) in the index, so `git status` says "both modified". */
async function stageConflicts(root: string, conflicts: Extract<Action, { action: "conflict" }>[]): Promise<void> {
  if (!conflicts.length || !(await gitRoot(root))) return;
  const prefix = await repoPrefix(root);
  const blob = async (text: string) => (await execa("git", ["hash-object", "-w", "--stdin"], { cwd: root, input: text })).stdout.trim();
  const lines: string[] = [];
  for (const c of conflicts) {
    const path = `${prefix}${c.path}`;
    lines.push(`0 ${"0".repeat(40)}\t${path}`);
    if (c.base !== undefined) lines.push(`100644 ${await blob(c.base)} 1\t${path}`);
    lines.push(`100644 ${await blob(c.ours)} 2\t${path}`, `100644 ${await blob(c.theirs)} 3\t${path}`);
  }
  const top = (await gitRoot(root)) as string;
  await execa("git", ["update-index", "--index-info"], { cwd: top, input: `${lines.join("\n")}\n` });
}

const WORDS: Record<Action["action"], string> = {
  unchanged: "unchanged",
  "take-theirs": "updated",
  delete: "deleted",
  merged: "merged",
  conflict: "CONFLICT",
  "deleted-by-you": "deleted by you, stays deleted (the new templates changed it; --restore <path> brings it back)",
  "kept-edited": "edited by you, kept (the new templates dropped it)",
};

function describe(actions: Action[]): string {
  return actions
    .filter((a) => a.action !== "unchanged")
    .map((a) => {
      const kept = a.action === "merged" && a.kept ? ` (kept your ${a.kept.join(", ")})` : "";
      const n = a.action === "conflict" ? ` (${a.conflicts} to resolve)` : "";
      const word = a.action === "take-theirs" && a.created ? "added" : WORDS[a.action];
      const renamed = a.renamedFrom ? ` (your rename of ${a.renamedFrom})` : "";
      return `  ${word.padEnd(10)} ${a.path}${renamed}${kept}${n}`;
    })
    .join("\n");
}

/** `--to <v>` names a create-jam the registry has: else one sentence of ours, not npm's 404. */
async function assertPublished(wanted: string, io: Io): Promise<void> {
  const r = await execa("npm", ["view", `create-jam@${wanted}`, "version", "--json"], { cwd: io.cwd, env: io.env, reject: false, timeout: 60_000 });
  if (r.exitCode === 0 && r.stdout.trim()) return;
  // A version the package lacks is empty output; a package or version the registry lacks, E404.
  if ((r.exitCode === 0 && !r.stdout.trim()) || /E404/.test(`${r.stdout}${r.stderr}`)) {
    throw refuse(`create-jam ${wanted} is not on the npm registry, so there is nothing to upgrade to.`, "Pick a published version (npm view create-jam versions), or leave out --to for this create-jam's templates.");
  }
  const why = (r.stderr || r.message || "").trim().split("\n")[0];
  throw fail(`The npm registry could not say whether create-jam ${wanted} exists (${why}).`, "Connect to the npm registry and run it again; nothing was changed.");
}

/** The variables `after` (a .env.example) sets that `before` did not, each with its comment: what the user sets next. */
export function newVariables(before: string | undefined, after: string | undefined): { name: string; description: string }[] {
  const vars = (text = "") => {
    const found = new Map<string, string>();
    const lines = text.split("\n");
    lines.forEach((line, i) => {
      const name = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(line)?.[1];
      const comment = lines[i - 1]?.startsWith("# ") ? lines[i - 1].slice(2) : "";
      if (name) found.set(name, comment);
    });
    return found;
  };
  const old = vars(before);
  return [...vars(after)].filter(([name]) => !old.has(name)).map(([name, description]) => ({ name, description }));
}

export async function runCommand(io: Io, bundle: Bundle): Promise<number> {
  const { registry, store, version } = bundle;
  const [command, ...rest] = io.argv;
  const { values, positionals } = parse(io.argv, bundle);
  if (values.help) return io.out(commandHelp()), EXIT.ok;

  if (command === "render") {
    if (typeof values.manifest !== "string") throw refuse("render needs --manifest <path to jam.json>.", "create-jam render --manifest jam.json");
    const manifest = readManifest(resolve(io.cwd, values.manifest));
    const tree = planProject({ registry, stack: resolveStack(registry, manifest.choices), options: manifest.options, store, version });
    io.out(`${JSON.stringify({ createJam: version, files: Object.fromEntries(tree) })}\n`);
    return EXIT.ok;
  }

  const root = findProject(io.cwd);
  const recovered = recoverUpdate(root);
  const manifest = readManifest(join(root, MANIFEST));
  let choices = manifest.choices;
  if (command === "add") {
    const [kind, id, ...extra] = positionals.slice(1);
    if (!kind || !id || extra.length) throw refuse("add takes a kind and a module: create-jam add <kind> <id>.", "For example: create-jam add search algolia");
    const flags = moduleFlags(registry).map(({ flag }) => flag.name).filter((f) => values[f]);
    choices = withModule(registry, choices, kind, id, flags);
  } else if (positionals.length > 1) throw refuse(`upgrade takes no arguments, got ${positionals.slice(1).join(" ")}.`, "create-jam upgrade [--to <version>]");
  if (command === "upgrade" && typeof values.to === "string" && values.to !== version) {
    await assertPublished(values.to, io);
    // Another version's templates: that version does the upgrade, with the same flags but --to.
    const r = await execa("npm", ["exec", "--yes", "--package", `create-jam@${values.to}`, "--", "create-jam", ...upgradeArgsFor(rest)], { cwd: io.cwd, env: io.env, reject: false, stdio: "inherit" });
    return r.exitCode ?? EXIT.failed;
  }

  // A combination the modules refuse is bad input (exit 2), as at create.
  const stack = resolveStack(registry, choices);
  const theirs = planProject({ registry, stack, options: manifest.options, store, version });
  const base = await baseOf(root, manifest, bundle, io);
  const ours = readOurs(root);
  const labels = { ours: "ours (your project)", base: `base (create-jam ${manifest.createJam})`, theirs: `theirs (create-jam ${version})` };
  const restore = new Set((values.restore as string[] | undefined)?.map((p) => p.replace(/^\.\//, "")) ?? []);
  const unknown = [...restore].filter((p) => !theirs.has(p) || p === MANIFEST);
  if (unknown.length) throw refuse(`--restore takes files the templates make, and these are none: ${unknown.join(", ")}.`, "Give each path from the project's folder, as the dry run lists it (create-jam upgrade --dry-run).");
  const renames = await findRenames(root, base.tree, theirs, ours);
  const actions = planUpdate(base.tree, withoutManifest(theirs), ours, labels, { restore, renames });
  const changes = writes(actions);
  const manifestText = theirs.get(MANIFEST) as string;
  const manifestChanged = ours(MANIFEST) !== manifestText;
  const conflicts = actions.filter((a): a is Extract<Action, { action: "conflict" }> => a.action === "conflict");
  const exit = conflicts.length ? EXIT.conflicts : EXIT.ok;
  const what = command === "add" ? `add ${positionals.slice(1).join(" ")}` : `upgrade ${manifest.createJam} → ${version}`;
  const result = (done: boolean, steps: { step: string; ok: boolean; detail?: string }[] = []) => ({
    ok: true,
    command: what,
    dryRun: !!values["dry-run"],
    done,
    from: manifest.createJam,
    to: version,
    base: base.from,
    choices,
    actions: actions.filter((a) => a.action !== "unchanged").map((a) => ({ path: a.path, action: a.action === "take-theirs" && a.created ? "add" : a.action, ...(a.renamedFrom ? { renamedFrom: a.renamedFrom } : {}), ...(a.action === "merged" && a.kept ? { kept: a.kept } : {}), ...(a.action === "conflict" ? { conflicts: a.conflicts } : {}) })),
    conflicts: conflicts.map((c) => c.path),
    steps,
  });
  const notes = recovered ? ["An earlier run was stopped midway: its changes were undone first.\n"] : [];
  if (!changes.length && !manifestChanged) {
    if (values.json) io.out(`${JSON.stringify(result(false), null, 2)}\n`);
    else io.out(`${notes.join("")}Nothing to change: the project already has what ${what} gives.\n`);
    return EXIT.ok;
  }
  if (values["dry-run"]) {
    if (values.json) io.out(`${JSON.stringify(result(false), null, 2)}\n`);
    else io.out(`${notes.join("")}Dry run of ${what} (base: ${base.from}):\n${describe(actions)}\n  ${manifestChanged ? "updated   " : "unchanged "} ${MANIFEST}\nNothing was changed.\n`);
    return exit;
  }

  const touched = [...changes.map((a) => a.path), MANIFEST];
  const dirty = values["allow-dirty"] ? [] : await dirtyPaths(root, touched);
  if (dirty.length) {
    throw refuse(`These files it would change have uncommitted changes: ${dirty.join(", ")}.`, "Commit or stash them, or add --allow-dirty to merge into them as they are.");
  }
  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.once("SIGINT", onSigint);
  try {
    const all = [...changes.map((a): [string, string | null] => [a.path, a.action === "delete" ? null : a.text]), [MANIFEST, manifestText] as [string, string]];
    await applyChanges(root, all, { signal: abort.signal, delayMs: Number(io.env.CREATE_JAM_TEST_WRITE_DELAY_MS) || 0 });
  } catch (e) {
    if (e instanceof Interrupted) throw new JamError("Cancelled: every file is as it was.", undefined, EXIT.interrupted);
    throw fail(`Could not write the project (${(e as Error).message}): every file is as it was.`, "Check the folder's permissions and free space, then run again.");
  } finally {
    process.removeListener("SIGINT", onSigint);
  }
  await stageConflicts(root, conflicts);
  const repo = await gitRoot(root);
  if (repo) await writeBaseRef(repo, await repoPrefix(root), withoutManifest(theirs), `create-jam ${version}: ${what}`);

  const steps: { step: string; ok: boolean; detail?: string }[] = [];
  const manifests = changes.some((a) => a.path.endsWith("package.json") || a.path === "pnpm-workspace.yaml");
  if (manifests && !values["no-install"] && existsSync(join(root, "pnpm-lock.yaml"))) {
    // pnpm-lock.yaml is never merged: pnpm makes it again from the merged manifests.
    const { findPnpm, install } = await import("../engine/post.ts");
    const pnpm = await findPnpm(io.env);
    // Without pnpm: what was tried and what happens instead, said before it happens.
    if (!values.json) io.out(`${pnpm.fallback ? `${pnpm.fallback}\n` : ""}Installing dependencies with pnpm (pnpm-lock.yaml is made again)...\n`);
    steps.push(await install(root, io.env, pnpm));
  }
  const installed = steps.some((s) => s.step === "install" && s.ok);
  const variables = newVariables(base.tree.get(".env.example"), theirs.get(".env.example"));
  const next = [
    ...(manifests && !installed ? ["pnpm install"] : []),
    ...(conflicts.length ? [`resolve the conflicts in ${conflicts.map((c) => c.path).join(", ")}`] : []),
    "git diff, then commit",
  ];
  if (values.json) io.out(`${JSON.stringify({ ...result(true, steps), next, variables }, null, 2)}\n`);
  else {
    const lines = [`${notes.join("")}${what} (base: ${base.from}):`, describe(actions), `  ${"updated".padEnd(10)} ${MANIFEST}`];
    for (const s of steps) if (!s.ok) lines.push(`✖ ${s.step} failed: ${s.detail}`);
    if (conflicts.length) lines.push("", `${conflicts.length} file${conflicts.length > 1 ? "s have" : " has"} conflicts to resolve (marked <<<<<<< … >>>>>>>${repo ? ", and staged as git conflicts" : ""}): ${conflicts.map((c) => c.path).join(", ")}.`);
    lines.push("", "Next:");
    if (manifests && !installed) lines.push(`  pnpm install      # the dependencies changed${steps.length ? " (the install above failed)" : ""}`);
    if (variables.length) {
      lines.push("  Set the new variables in .env (see .env.example) and on your host:");
      // Each in lines of 80 columns, its later lines under its text.
      for (const v of variables) lines.push(...wrap(`    ${v.name}: ${v.description}`, 80, "      "));
    }
    lines.push(conflicts.length ? "  resolve the conflicts, then review with git diff and commit" : "  review with git diff, then commit");
    io.out(`${lines.join("\n")}\n`);
  }
  if (steps.some((s) => !s.ok)) return EXIT.postStep;
  return exit;
}
