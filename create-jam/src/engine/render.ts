// Rendering at scaffold time. Templates arrive precompiled (build.ts, or compileStore in tests), so
// only the small Handlebars runtime ships in the CLI, and no template is parsed on a user's machine.
import type HandlebarsFull from "handlebars";
import HandlebarsRuntime from "handlebars/runtime.js";

// The runtime is the full library's API minus the compiler; its own typings declare nothing.
const Handlebars = HandlebarsRuntime as unknown as typeof HandlebarsFull;

export type Template = (context: object) => string;
/** A template file: plain text copied as is, or a precompiled Handlebars template (`.hbs`). */
export type TemplateFile = string | Template;
/** Template files by source folder ("templates/framework-next/files", "packages/content"), then path. */
export type TemplateStore = Record<string, Record<string, TemplateFile>>;

const runtime = Handlebars.create();
runtime.registerHelper("json", (value: unknown) => JSON.stringify(value));

/** Turns a precompiled spec (Handlebars.precompile output, evaluated) into a template. */
export const fromSpec = (spec: unknown): Template => runtime.template(spec as TemplateSpecification);
type TemplateSpecification = Parameters<typeof runtime.template>[0];

/** `x.hbs` is rendered and loses its suffix; `_gitignore` becomes `.gitignore` (npm drops real ones). */
export function renderFile(path: string, file: TemplateFile, context: object): [string, string] {
  const out = path.replace(/\.hbs$/, "").replace(/(^|\/)_gitignore$/, "$1.gitignore");
  if (typeof file === "string") return [out, file];
  if (!path.endsWith(".hbs")) throw new Error(`${path}: only .hbs files are templates`);
  return [out, file(context)];
}
