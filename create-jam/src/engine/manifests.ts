// The generated project's data files (package.json, turbo.json, pnpm-workspace.yaml, .env.example,
// jam.json), built as objects from the modules' contributions and serialised once.
import { pnpmVersion, versionOf, workspacePin } from "./versions.ts";
import type { KnipWorkspace, Options, Stack, TurboTask, WorkspacePatch, WorkspacePath } from "./types.ts";

export const toJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
import { toYaml } from "./yaml.ts";

export { toYaml };

const sortKeys = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));

export function workspaceName(ws: WorkspacePath, options: Options): string {
  if (ws === ".") return options.name;
  const [dir, name] = ws.split("/");
  return dir === "apps" ? name : `@repo/${name}`;
}

/** A workspace patch, the module whose part gave it ("kind:id"), and the choices that part is conditional on. */
type OwnedPatch = WorkspacePatch & { owner: string; over: string[] };

/** Every module's patch for each workspace, in module order. */
function patchesByWorkspace(stack: Stack): Map<WorkspacePath, OwnedPatch[]> {
  const out = new Map<WorkspacePath, OwnedPatch[]>();
  for (const m of stack.parts) {
    for (const [ws, patch] of Object.entries(m.workspaces ?? {}) as [WorkspacePath, WorkspacePatch][]) {
      const over = "with" in m && Array.isArray(m.with) ? (m.with as string[]) : [];
      out.set(ws, [...(out.get(ws) ?? []), { ...patch, owner: `${m.module.kind}:${m.module.id}`, over }]);
    }
  }
  return out;
}

/** A dependency used by two or more workspaces is pinned once, in the pnpm catalog. */
export function catalogOf(stack: Stack): Record<string, string> {
  const users = new Map<string, number>();
  for (const [ws, patches] of patchesByWorkspace(stack)) {
    const names = new Set(patches.flatMap((p) => [...(p.dependencies ?? []), ...(p.devDependencies ?? [])]));
    for (const n of names) if (!n.startsWith("@repo/") && !workspacePin(ws, n)) users.set(n, (users.get(n) ?? 0) + 1);
  }
  return sortKeys(Object.fromEntries([...users].filter(([, n]) => n > 1).map(([name]) => [name, versionOf(name, stack.modules)])));
}

/**
 * A script set twice is one module's doing: a later part of the module that set it may replace it,
 * and so may a part of another module conditional on that module (a host's build of one framework,
 * `with: ["framework:next", ...]`); any other module may not.
 */
function mergeScripts(ws: string, patches: OwnedPatch[]): Record<string, string> {
  const scripts: Record<string, string> = {};
  const setBy: Record<string, string> = {};
  for (const p of patches) {
    for (const [k, v] of Object.entries(p.scripts ?? {})) {
      const mayReplace = setBy[k] === p.owner || p.over.includes(setBy[k] as string);
      if (scripts[k] !== undefined && scripts[k] !== v && !mayReplace) throw new Error(`two modules set the "${k}" script of ${ws}`);
      scripts[k] = v;
      setBy[k] = p.owner;
    }
  }
  const after = patches.flatMap((p) => p.afterBuild ?? []);
  if (after.length) {
    if (!scripts.build) throw new Error(`a module adds a step after the build of ${ws}, which has no build script`);
    scripts.build = [scripts.build, ...new Set(after)].join(" && ");
  }
  return scripts;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Other package.json fields: an object (`exports`) is the union of every module's keys, so that
 * two modules may each export a subpath of one package; any other value, or one key given two
 * values, must agree.
 */
function mergeFields(ws: string, patches: WorkspacePatch[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const p of patches) {
    for (const [k, v] of Object.entries(p.fields ?? {})) {
      const prev = fields[k];
      if (isRecord(prev) && isRecord(v)) {
        for (const [key, value] of Object.entries(v)) {
          if (key in prev && JSON.stringify(prev[key]) !== JSON.stringify(value)) throw new Error(`two modules set "${k}"."${key}" of ${ws}'s package.json differently`);
        }
        fields[k] = { ...prev, ...v };
      } else if (prev !== undefined && JSON.stringify(prev) !== JSON.stringify(v)) {
        throw new Error(`two modules set "${k}" of ${ws}'s package.json differently`);
      } else fields[k] = v;
    }
  }
  return fields;
}

export function buildPackageJsons(stack: Stack, options: Options): Map<WorkspacePath, object> {
  const catalog = catalogOf(stack);
  const spec = (ws: string, name: string) => workspacePin(ws, name) ?? (catalog[name] ? "catalog:" : versionOf(name, stack.modules));
  const deps = (ws: string, names: string[]) => (names.length ? sortKeys(Object.fromEntries(names.map((n) => [n, spec(ws, n)]))) : undefined);
  const out = new Map<WorkspacePath, object>();
  const byWs = [...patchesByWorkspace(stack)].sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [ws, patches] of byWs) {
    const dependencies = new Set(patches.flatMap((p) => p.dependencies ?? []));
    const devDependencies = new Set(patches.flatMap((p) => p.devDependencies ?? []).filter((n) => !dependencies.has(n)));
    const root = ws === ".";
    out.set(ws, {
      name: workspaceName(ws, options),
      version: "0.0.0",
      private: true,
      type: "module",
      ...(root ? { packageManager: `pnpm@${pnpmVersion}`, engines: { node: `>=${stack.node}` } } : {}),
      ...mergeFields(ws, patches),
      scripts: mergeScripts(ws, patches),
      dependencies: deps(ws, [...dependencies]),
      devDependencies: deps(ws, [...devDependencies]),
    });
  }
  return out;
}

function mergeTask(into: TurboTask, add: TurboTask, name: string): TurboTask {
  const out: Record<string, unknown> = { ...into };
  for (const [k, v] of Object.entries(add)) {
    const prev = out[k];
    if (Array.isArray(v)) out[k] = [...new Set([...((prev as string[]) ?? []), ...v])];
    else if (prev !== undefined && prev !== v) throw new Error(`two modules disagree on turbo task ${name}.${k}`);
    else out[k] = v;
  }
  return out as TurboTask;
}

export function buildTurboJson(stack: Stack): object {
  const tasks: Record<string, TurboTask> = {};
  for (const m of stack.parts) {
    for (const [name, task] of Object.entries(m.turbo?.tasks ?? {})) tasks[name] = mergeTask(tasks[name] ?? {}, task, name);
  }
  // turbo's strict env mode passes a task only the variables it declares. The modules' variables
  // (a CMS's credentials, the functions' dev port) are read by whichever task reads the content:
  // the build, the dev servers, Hugo's content export. So they are global: every task gets them,
  // and a change to one is a change to every task's inputs.
  const globalEnv = [...new Set(stack.parts.flatMap((m) => [...(m.env ?? []).map((e) => e.name), ...(m.turbo?.globalEnv ?? [])]))];
  return { $schema: "https://turborepo.com/schema.json", ui: "stream", ...(globalEnv.length ? { globalEnv } : {}), tasks };
}

export function buildWorkspaceYaml(stack: Stack): string {
  const allowBuilds: Record<string, boolean> = {};
  for (const m of stack.parts) {
    for (const [name, allow] of Object.entries(m.allowBuilds ?? {})) {
      if (allowBuilds[name] === !allow) throw new Error(`modules disagree on allowBuilds.${name}`);
      allowBuilds[name] = allow;
    }
  }
  const catalog = catalogOf(stack);
  const names = [...new Set(stack.parts.flatMap((m) => m.overrides ?? []))].sort();
  const overrides = Object.fromEntries(names.map((n) => [n, versionOf(n, stack.modules)]));
  const doc = {
    packages: ["apps/*", "packages/*"],
    ...(Object.keys(catalog).length ? { catalog } : {}),
    ...(names.length ? { overrides } : {}),
    ...(Object.keys(allowBuilds).length ? { allowBuilds: sortKeys(allowBuilds) } : {}),
    // Direct dependencies are exact pins; time-based resolution takes every other package as it was
    // when the newest pin was published, so a project made months later installs the tree the tests
    // built, not whatever a dependency of a dependency released since (Vite 8.4 broke Nuxt that way).
    resolutionMode: "time-based",
  };
  return toYaml(doc);
}

export function buildGitignore(stack: Stack): string {
  const lines = [...new Set(stack.parts.flatMap((m) => m.gitignore ?? []))];
  return `${lines.join("\n")}\n`;
}

export function buildEnvExample(stack: Stack): string {
  const lines = [
    "# Copy to .env and fill in what you use. Nothing here is required: without a value,",
    "# each integration falls back to the bundled demo content and says so in the build log.",
  ];
  // A variable two modules read (SUPABASE_URL, for Supabase Auth and the Supabase backend) is one
  // line, where the first module names it.
  const all = stack.parts.flatMap((p) => (p.env ?? []).map((e) => ({ ...e, module: p.module.label })));
  const vars = all.filter((v, i) => all.findIndex((w) => w.name === v.name) === i);
  if (!vars.length) lines.push("# This stack reads no environment variables yet.");
  for (const v of vars) {
    lines.push("", `# ${v.module}: ${v.description} (${v.visibility}${v.visibility === "public" ? ": ends up in the browser" : ": server only"})`, `${v.name}=${v.example ?? ""}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * knip.json: every module's entries, exceptions and plugin settings, by workspace, each list once
 * and sorted. knip finds the rest itself (package.json exports and scripts, its framework plugins).
 */
export function buildKnipJson(stack: Stack): object {
  const byWs = new Map<string, Record<string, Set<string>>>();
  const pluginsByWs: Record<string, Record<string, Record<string, Set<string>>>> = {};
  for (const part of stack.parts) {
    for (const [ws, { plugins = {}, ...patch }] of Object.entries(part.knip ?? {}) as [string, KnipWorkspace][]) {
      const into = byWs.get(ws) ?? {};
      byWs.set(ws, into);
      for (const [key, values] of Object.entries(patch)) for (const v of values) (into[key] ??= new Set()).add(v);
      for (const [plugin, settings] of Object.entries(plugins)) {
        const mine = ((pluginsByWs[plugin] ??= {})[ws] ??= {});
        for (const [key, values] of Object.entries(settings)) for (const v of values ?? []) (mine[key] ??= new Set()).add(v);
      }
    }
  }
  // The shared packages (the repository's packages/, copied file by file) are the same files in
  // every stack: an export its own file uses too (a cookie's name, a query) is that file's tested
  // surface, imported by create-jam's tests and by the stacks that need it. An export used nowhere
  // is still reported, and so is any export of the framework's and the modules' own templates.
  const shared = new Set(stack.parts.flatMap((p) => (p.packages ?? []).filter((c) => c.include.some((f) => /\.tsx?$/.test(f))).map((c) => c.to)));
  const workspaces = Object.fromEntries(
    [...new Set([...byWs.keys(), ...shared])]
      .sort()
      .map((ws) => {
        const lists = (of: Record<string, Set<string>> = {}) => sortKeys(Object.fromEntries(Object.entries(of).map(([k, v]) => [k, [...v].sort()])));
        const plugins = Object.fromEntries(Object.entries(pluginsByWs).flatMap(([plugin, of]) => (of[ws] ? [[plugin, lists(of[ws])]] : [])));
        return [ws, { ...(shared.has(ws as WorkspacePath) ? { ignoreExportsUsedInFile: true } : {}), ...lists(byWs.get(ws)), ...sortKeys(plugins) }];
      }),
  );
  return { $schema: `https://unpkg.com/knip@${versionOf("knip", stack.modules)}/schema.json`, workspaces };
}
