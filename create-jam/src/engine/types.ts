import type { TemplateContext } from "./plan.ts";

// The module model. Every choice a user makes is one JamModule; the engine, the prompts, the flag
// validation, the error messages and the test matrix all read these objects and nothing else.

/** A question the CLI asks; each kind is one flag (`--framework`, `--deploy`...). */
export type Kind = "framework" | "content" | "deploy";

/** Where a module's contribution lands in the generated monorepo. "." is the root. */
export type WorkspacePath = "." | "apps/web" | `packages/${string}`;

export interface WorkspacePatch {
  /** Package names; versions come from templates/versions.json, never from here. */
  dependencies?: string[];
  devDependencies?: string[];
  scripts?: Record<string, string>;
  /** Other package.json fields, merged shallowly (exports, imports...). */
  fields?: Record<string, unknown>;
}

export interface EnvVar {
  name: string;
  /** Public variables end up in client bundles; secret ones must stay on the server. */
  visibility: "public" | "secret";
  description: string;
  example?: string;
}

/**
 * "If this module is chosen, the chosen `kind` must be one of `ids`."
 * `why` completes the sentence "<this> does not work with <other>: <why>."
 */
export interface CompatRule {
  kind: Kind;
  ids: string[];
  why: string;
}

/** Copies files of a shared package (repo `packages/<from>`) into the generated project. */
export interface PackageCopy {
  from: string;
  to: WorkspacePath;
  /** Paths relative to the package folder; a trailing "/" copies the whole folder. */
  include: string[];
}

export interface JamModule {
  id: string;
  kind: Kind | "base";
  label: string;
  /** One line shown beside the option in prompts and in `--help`. */
  hint: string;
  /** Lowest Node version the module's tools need (semver, e.g. "22.12.0"). */
  node?: string;
  rules?: CompatRule[];
  /** Shared packages from the repo's packages/ folder that this module brings. */
  packages?: PackageCopy[];
  workspaces?: Partial<Record<WorkspacePath, WorkspacePatch>>;
  env?: EnvVar[];
  /**
   * Merged into turbo.json's tasks: arrays are unioned, other values must agree.
   * Every `env` variable of every module joins the build task's `env` by itself.
   */
  turbo?: { tasks: Record<string, TurboTask> };
  /** pnpm `overrides`: packages forced to their pinned version everywhere in the tree. */
  overrides?: string[];
  /** Lines for the generated .gitignore (build output, generated files). */
  gitignore?: string[];
  /** pnpm 11 `allowBuilds`: which dependency install scripts may run. */
  allowBuilds?: Record<string, boolean>;
  /** Values templates can read as {{<kind>.<key>}}, e.g. {{framework.outDir}}. */
  data?: Record<string, unknown>;
  /**
   * Config files built as data, serialised by extension (.json, .toml, .yaml). Source text goes in
   * the template's files/ folder instead.
   */
  dataFiles?: Record<string, (context: TemplateContext) => object>;
  /** Markdown for the generated README: this module's section. */
  readme?: string;
}

export interface TurboTask {
  dependsOn?: string[];
  inputs?: string[];
  /** Relative to each workspace: turbo applies a root task's outputs to every package. */
  outputs?: string[];
  env?: string[];
  cache?: boolean;
  persistent?: boolean;
}

/** A module as the registry holds it: the definition plus where its template lives. */
export interface RegisteredModule extends JamModule {
  /** Folder name under templates/, e.g. "framework-next". */
  dir: string;
  /** The template package's name and version, recorded in the generated manifest. */
  template: { name: string; version: string };
}

/** What the user chose (or defaults filled in), one entry per kind. */
export interface Choices {
  framework: string;
  content: string;
  deploy: string[];
}

export interface Options {
  name: string;
  install: boolean;
  git: boolean;
}

/** Choices checked against the registry: every module resolved, every rule satisfied. */
export interface Stack {
  choices: Choices;
  modules: RegisteredModule[];
  /** Module per single-valued kind, for templates ({{framework.label}}). */
  byKind: Record<string, RegisteredModule | RegisteredModule[]>;
  node: string;
}

/** The project as it will be written: path -> file text, paths sorted, "/" separated. */
export type FileTree = Map<string, string>;
