import { resolve } from "node:path";
import { planProject } from "../src/engine/plan.ts";
import type { TemplateStore } from "../src/engine/render.ts";
import { registry } from "../src/engine/registry.ts";
import { type Registry, resolveStack } from "../src/engine/stack.ts";
import { collectTemplates, compileStore } from "../src/engine/templates.ts";
import type { Choices, Options } from "../src/engine/types.ts";

export const repoRoot = resolve(import.meta.dirname, "../..");
export const store = compileStore(collectTemplates(repoRoot));
export const defaultChoices: Choices = { framework: "astro", rendering: "static", content: "markdown", commerce: "none", auth: "none", backend: "none", search: "pagefind", deploy: ["vercel"] };
export const defaultOptions: Options = { name: "my-site", install: false, git: false };

/** The tree the engine plans for these choices; `modules`: a registry changed for a test; `templates` and `version`: another release's. */
export function plan(choices: Partial<Choices> = {}, options: Partial<Options> = {}, modules: Registry = registry, templates: TemplateStore = store, version = "0.0.0-test") {
  const stack = resolveStack(modules, { ...defaultChoices, ...choices });
  return planProject({ registry: modules, stack, options: { ...defaultOptions, ...options }, store: templates, version });
}
