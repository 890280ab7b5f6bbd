// Stack -> the whole project as an in-memory file tree. Pure: same input, byte-identical output.
import { reproduceCommand } from "./command.ts";
import { kinds } from "./kinds.ts";
import {
  buildEnvExample,
  buildGitignore,
  buildKnipJson,
  buildPackageJsons,
  buildTurboJson,
  buildWorkspaceYaml,
  toJson,
  toYaml,
} from "./manifests.ts";
import { stringify as toToml } from "smol-toml";
import type { Registry } from "./stack.ts";
import { fill, goLiveMarkdown, readmeValues, workspaceRows } from "./readme.ts";
import { renderFile, type TemplateStore } from "./render.ts";
import { pnpmVersion } from "./versions.ts";
import { treeHash } from "./tree-hash.ts";
import type { Choices, FileTree, Options, Stack } from "./types.ts";

export interface PlanInput {
  registry: Registry;
  stack: Stack;
  options: Options;
  store: TemplateStore;
  /** create-jam's own version, recorded in jam.json and in the reproduce command. */
  version: string;
}

/** A relative POSIX path that stays inside the project. Anything else is a template bug. */
export function assertSafePath(path: string): void {
  const bad =
    !path || path.startsWith("/") || path.includes("\\") || path.includes("\0") || /^[a-zA-Z]:/.test(path) ||
    path.split("/").some((s) => s === "" || s === "." || s === "..");
  if (bad) throw new Error(`refusing to write "${path}": it is not a plain path inside the project`);
}

function titleOf(name: string): string {
  return name.replace(/^@[^/]+\//, "").split(/[-_.]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join(" ");
}

/** What every Handlebars template can read: the stack's view plus the project's own facts. */
export function templateContext({ stack, options, version }: PlanInput) {
  return {
    ...stack.view,
    name: options.name,
    title: titleOf(options.name),
    node: stack.node,
    nodeMajor: stack.node.split(".")[0],
    pnpm: pnpmVersion,
    createJam: version,
    /** What `pnpm build` runs, for deploy build commands: "turbo run build index". */
    buildCommand: `turbo run ${stack.view.buildTasks.join(" ")}`,
    /** Every server route's path, with and without a trailing slash, for host configs that list them (Netlify's config.path). */
    functionPaths: stack.view.functions.flatMap((f) => [f.path, `${f.path}/`]),
    command: reproduceCommand(stack.choices, options, version),
    env: stack.parts.flatMap((p) => p.env ?? []),
    /** The README sections of the chosen modules, in module order. */
    readme: stack.parts.flatMap((p) => (p.readme ? [fill(p.readme.trim(), readmeValues(stack))] : [])).join("\n\n"),
    /** Where `pnpm dev` serves the whole site, /api/* included. */
    ...readmeValues(stack),
    /** The README's "Go live" path: every chosen module's steps, by phase. */
    goLive: goLiveMarkdown(stack),
    /** The README's "What is where" rows: every workspace of the stack. */
    workspaceRows: workspaceRows(stack),
  };
}

export type TemplateContext = ReturnType<typeof templateContext>;

const serialisers: Record<string, (value: object) => string> = {
  json: toJson,
  // JSON is JSONC (wrangler.jsonc).
  jsonc: toJson,
  toml: (v) => `${toToml(v)}\n`,
  yaml: (v) => toYaml(v as Record<string, unknown>),
  yml: (v) => toYaml(v as Record<string, unknown>),
};

/**
 * `_headers` (Netlify's and Cloudflare's format, one file both read from the static output): the
 * value is { "/path/*": { Header: "value" } }, written as the path and its indented headers.
 */
const headersFile = (value: object) =>
  Object.entries(value as Record<string, Record<string, string>>)
    .map(([path, headers]) => [path, ...Object.entries(headers).map(([name, v]) => `  ${name}: ${v}`)].join("\n"))
    .join("\n\n") + "\n";

function serialise(path: string, value: object): string {
  if (path.endsWith("/_headers")) return headersFile(value);
  const ext = path.slice(path.lastIndexOf(".") + 1);
  const to = serialisers[ext];
  if (!to) throw new Error(`no serialiser for ${path}`);
  return to(value);
}

/** In a template path: written once per server route (see Contribution.files). */
const ROUTE = "__route__";
/** In a template path: written once per page section (see Section), with `section` in the context. */
const SECTION = "__section__";

export function planProject(input: PlanInput): FileTree {
  const { stack, options, store } = input;
  const files = new Map<string, { text: string; from: string }>();
  const add = (path: string, text: string, from: string) => {
    assertSafePath(path);
    const prev = files.get(path);
    if (prev) throw new Error(`${from} and ${prev.from} both write ${path}`);
    files.set(path, { text, from });
  };
  const context = templateContext(input);
  // A shared package's file may be brought by two modules (the widget bundler, by search and auth):
  // it is the same file, written once.
  const copied = new Set<string>();

  for (const part of stack.parts) {
    const { dir } = part.module;
    for (const copy of part.packages ?? []) {
      const source = store[`packages/${copy.from}`];
      if (!source) throw new Error(`${dir}: no shared package packages/${copy.from}`);
      const wanted = (p: string) => copy.include.some((inc) => (inc.endsWith("/") ? p.startsWith(inc) : p === inc));
      for (const [p, text] of Object.entries(source)) {
        const key = `packages/${copy.from}/${p} -> ${copy.to}`;
        if (!wanted(p) || copied.has(key)) continue;
        copied.add(key);
        add(`${copy.to}/${p}`, text as string, dir);
      }
    }
    for (const folder of [part.files ?? []].flat()) {
      const files = store[folder.includes("/") ? `templates/${folder}` : `templates/${dir}/${folder}`];
      if (!files) throw new Error(`${dir}: no folder ${folder}`);
      for (const [p, text] of Object.entries(files)) {
        if (p.includes(SECTION)) for (const section of stack.view.sections) add(...renderFile(p.replaceAll(SECTION, section.id), text, { ...context, section }), dir);
        else if (!p.includes(ROUTE)) add(...renderFile(p, text, context), dir);
        else for (const route of stack.view.functions) add(...renderFile(p.replace(ROUTE, route.path.slice(1)), text, { ...context, route }), dir);
      }
    }
    for (const [p, build] of Object.entries(part.dataFiles ?? {})) add(p, serialise(p, build(context)), dir);
  }
  for (const [ws, pkg] of buildPackageJsons(stack, options)) add(ws === "." ? "package.json" : `${ws}/package.json`, toJson(pkg), "planner");
  add("turbo.json", toJson(buildTurboJson(stack)), "planner");
  add("pnpm-workspace.yaml", buildWorkspaceYaml(stack), "planner");
  add(".env.example", buildEnvExample(stack), "planner");
  add(".gitignore", buildGitignore(stack), "planner");
  add("knip.json", toJson(buildKnipJson(stack)), "planner");
  const planned = new Map([...files.entries()].map(([p, f]) => [p, f.text]));
  add(MANIFEST, toJson(jamManifest(input, treeHash(planned))), "planner");

  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, f]) => [p, f.text]));
}

/** The file that records what made the project; `create-jam add` and `upgrade` start from it. */
export const MANIFEST = "jam.json";

/** jam.json: what made this project, so it can be reproduced, added to and upgraded. */
export interface JamManifest {
  createJam: string;
  choices: Choices;
  /** The project's options as given: its name is in its files, install and git in the command. */
  options: Options;
  templates: Record<string, string>;
  /** The git tree hash of every other file as planned (see tree-hash.ts): the base of a later merge. */
  baseTree: string;
  command: string;
}

function jamManifest({ stack, options, version }: PlanInput, baseTree: string): JamManifest {
  return {
    createJam: version,
    // In the kinds' order, whatever order the flags came in: the same stack, the same file.
    choices: Object.fromEntries([...kinds.map((k) => [k.kind, stack.choices[k.kind]]), ...(stack.choices.flags ? [["flags", stack.choices.flags]] : [])]) as Choices,
    options,
    templates: Object.fromEntries(stack.modules.map((m) => [m.template.name, m.template.version])),
    baseTree,
    command: reproduceCommand(stack.choices, options, version),
  };
}
