import Handlebars from "handlebars";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

/**
 * Template text by source folder ("templates/framework-next/files", "packages/content"),
 * then by path inside it. The published CLI embeds this object; tests read it from disk.
 */
export type TemplateStore = Record<string, Record<string, string>>;

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

/** Reads every template folder and shared package of the repository at `root`. */
export function collectTemplates(root: string): TemplateStore {
  const store: TemplateStore = {};
  for (const dir of readdirSync(join(root, "templates"), { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const files: Record<string, string> = {};
    const path = join(root, "templates", dir.name, "files");
    try {
      walk(path, path, files);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
    store[`templates/${dir.name}/files`] = files;
  }
  for (const dir of readdirSync(join(root, "packages"), { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const files: Record<string, string> = {};
    walk(join(root, "packages", dir.name), join(root, "packages", dir.name), files);
    store[`packages/${dir.name}`] = files;
  }
  return store;
}

const hbs = Handlebars.create();
hbs.registerHelper("json", (value: unknown) => JSON.stringify(value));

/** `x.hbs` is rendered and loses its suffix; `_gitignore` becomes `.gitignore` (npm drops real ones). */
export function renderFile(path: string, text: string, context: object): [string, string] {
  let out = path.replace(/(^|\/)_gitignore$/, "$1.gitignore");
  if (!out.endsWith(".hbs")) return [out, text];
  out = out.slice(0, -".hbs".length);
  return [out, hbs.compile(text, { noEscape: true, strict: true })(context)];
}

export function renderString(text: string, context: object): string {
  return hbs.compile(text, { noEscape: true, strict: true })(context);
}
