// Reading templates from the repository: the build embeds them into the CLI, tests load them
// directly. Both go through Handlebars.precompile, so tests run exactly what users get.
import Handlebars from "handlebars";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fromSpec, type TemplateStore } from "./render.ts";

/** Raw file text by source folder, then by path inside it. */
export type RawStore = Record<string, Record<string, string>>;

// Build output, caches and what a shared package keeps for itself (its tests, its package.json,
// which the planner builds as data) never reach a generated project.
const SKIP_DIRS = new Set(["node_modules", "dist", ".turbo", ".generated", "test", ".astro", ".next", "out"]);
const SKIP_FILES = /(^package\.json$|\.test\.ts$|^vitest\.config\.ts$|^CHANGELOG\.md$)/;

function walk(dir: string, base: string, out: Record<string, string>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(full, base, out);
    } else if (!SKIP_FILES.test(entry.name)) {
      out[relative(base, full).split(sep).join("/")] = readFileSync(full, "utf8");
    }
  }
}

const folders = (dir: string) => readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

/** Every template's files/ folder (and files-<name> folders for conditionals), and every shared package. */
export function collectTemplates(root: string): RawStore {
  const store: RawStore = {};
  for (const name of folders(join(root, "templates"))) {
    store[`templates/${name}/files`] = {};
    for (const sub of folders(join(root, "templates", name)).filter((f) => f === "files" || f.startsWith("files-"))) {
      const path = join(root, "templates", name, sub);
      walk(path, path, (store[`templates/${name}/${sub}`] ??= {}));
    }
  }
  for (const name of folders(join(root, "packages"))) {
    const files: Record<string, string> = {};
    walk(join(root, "packages", name), join(root, "packages", name), files);
    store[`packages/${name}`] = files;
  }
  return store;
}

// noEscape: the output is source code, not HTML. strict: a misspelt variable fails loudly.
const precompile = (text: string) => Handlebars.precompile(text, { noEscape: true, strict: true }) as string;

/** In-process: the raw store with every .hbs precompiled and loaded into the runtime. */
export function compileStore(raw: RawStore): TemplateStore {
  const mapFiles = (files: Record<string, string>) =>
    Object.fromEntries(Object.entries(files).map(([p, t]) => [p, p.endsWith(".hbs") ? fromSpec(new Function(`return ${precompile(t)}`)()) : t]));
  return Object.fromEntries(Object.entries(raw).map(([k, files]) => [k, mapFiles(files)]));
}

/** For the bundle: a JavaScript module whose default export is the store, templates precompiled. */
export function storeModuleSource(raw: RawStore, renderModule: string): string {
  const file = (p: string, t: string) => `${JSON.stringify(p)}:${p.endsWith(".hbs") ? `fromSpec(${precompile(t)})` : JSON.stringify(t)}`;
  const folder = ([k, files]: [string, Record<string, string>]) => `${JSON.stringify(k)}:{${Object.entries(files).map(([p, t]) => file(p, t)).join(",")}}`;
  return `import { fromSpec } from ${JSON.stringify(renderModule)};\nexport default {${Object.entries(raw).map(folder).join(",")}};\n`;
}
