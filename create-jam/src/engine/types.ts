import type { TemplateContext } from "./plan.ts";

// The module model. Every choice a user makes is one JamModule; the engine, the prompts, the flag
// validation, the error messages and the test matrix all read these objects and nothing else.

/** A question the CLI asks; each kind is one flag (`--framework`, `--deploy`...). */
export type Kind = "framework" | "rendering" | "content" | "commerce" | "auth" | "backend" | "search" | "deploy";

/** Where a module's contribution lands in the generated monorepo. "." is the root. */
export type WorkspacePath = "." | `apps/${string}` | `packages/${string}`;

export interface WorkspacePatch {
  /** Package names; versions come from templates/versions.json, never from here. */
  dependencies?: string[];
  devDependencies?: string[];
  scripts?: Record<string, string>;
  /** Other package.json fields, merged shallowly (exports, imports...). */
  fields?: Record<string, unknown>;
  /**
   * Commands the workspace's `build` script runs after its own, joined with `&&`, in module order:
   * a step that rewrites the build's output (the pages' Content-Security-Policy) belongs in the
   * same turbo task, so what turbo caches and restores is the rewritten output. A separate task
   * whose outputs overlap the build's would leave a cache hit with either one's files.
   */
  afterBuild?: string[];
  /** What the workspace holds, for the README's "What is where" table. Every workspace needs one; the first module to give it wins. */
  what?: string;
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
  /**
   * Only when this choice is made too, as "kind:id" ("rendering:hybrid"): a rule about three
   * choices, such as a host that takes a framework's static build but not its server.
   */
  with?: string;
}

/**
 * "This module needs some chosen module to provide `capability`" (see JamModule.provides): a need
 * that more than one kind can meet, such as a server for functions (hybrid rendering, or a host
 * that runs them). `why` completes the sentence "<this> needs <capability>: <why>."
 */
export interface Need {
  capability: Capability;
  why: string;
}

/** What a module can give others: `functions`, a server that answers packages/functions' routes. */
export type Capability = "functions";

/** Copies files of a shared package (repo `packages/<from>`) into the generated project. */
export interface PackageCopy {
  from: string;
  to: WorkspacePath;
  /** Paths relative to the package folder; a trailing "/" copies the whole folder. */
  include: string[];
}

/**
 * A server route of packages/functions: `path` is answered by the `Route` exported as `handler`
 * from packages/functions/src/handlers/<handler>.ts (which the module copies in through `packages`).
 * Frameworks mount every route through one catch-all; static hosts get one function per route.
 */
export interface FunctionRoute {
  path: `/api/${string}`;
  handler: string;
}

/**
 * Pages an integration adds under one path segment (/products/...), as HTML from the site's
 * packages/sections (src/sections/<id>.ts). Each framework renders every section the same way, in
 * its layout: a new integration adds a section and touches no framework module.
 */
export interface Section {
  /** The path segment and the source's file name: "products" serves /products/ and below. */
  id: string;
  /** The link's text in the site's header; none: no link. */
  nav?: string;
}

/**
 * A custom element's script, packages/sections/widgets/<name>.ts (the module copies it in through
 * `packages`): the sections build bundles it into the framework's public folder as /_jam/<name>.js,
 * a build output turbo's cache restores.
 */
export interface Widget {
  name: string;
  /** The build's line about it: "auth: the account badge's script". */
  what: string;
}

/** What a module adds to the project. A module is one of these plus conditional and derived ones. */
export interface Contribution {
  /** Server routes this module adds to the site's functions (packages/functions). */
  functions?: FunctionRoute[];
  /** Page sections this module adds to the site (see Section). */
  sections?: Section[];
  /**
   * HTML every page's header shows after the nav links, such as an account badge (a custom element
   * and its script): each framework's layout renders the stack's fragments raw, in module order, so
   * an integration puts something in the header without a template in each framework.
   */
  header?: string;
  /**
   * HTML every post page shows after the post's body (comments): `{slug}` in it is the post's slug.
   * @repo/content's getEntry adds it, so no framework has a template for it.
   */
  postFooter?: string;
  /** Browser scripts this module's pages load (see Widget). */
  widgets?: Widget[];
  /**
   * npm packages the site's server code imports that a framework must not bundle into its server
   * build (firebase-admin reads its protos from its own folder at run time): each hybrid
   * framework's config names them as external, and apps/web depends on them so the server finds them.
   */
  serverExternals?: string[];
  /**
   * A host's lines in a hybrid framework's server config (astro.config.mjs, vite.config.ts,
   * nuxt.config.ts), by slot. A host module gives them in a conditional on the framework
   * (`with: ["framework:astro", "rendering:hybrid"]`), so a new host needs no edit in a framework
   * module; each framework's config template renders the slots it has, in module order. A line
   * given twice is written once.
   */
  serverConfig?: Partial<Record<ServerConfigSlot, string[]>>;
  /** Shared packages from the repo's packages/ folder that this module brings. */
  packages?: PackageCopy[];
  workspaces?: Partial<Record<WorkspacePath, WorkspacePatch>>;
  env?: EnvVar[];
  /**
   * Merged into turbo.json's tasks: arrays are unioned, other values must agree.
   * Every `env` variable of every module joins turbo.json's `globalEnv` by itself; `globalEnv`
   * names other variables every task needs (a host's VERCEL_ENV...).
   * `alsoOnBuild` names tasks that `pnpm build` (and every deploy's build command) runs besides
   * `build`, such as a search index written after the site.
   */
  turbo?: { tasks: Record<string, TurboTask>; alsoOnBuild?: string[]; globalEnv?: string[] };
  /** pnpm `overrides`: packages forced to their pinned version everywhere in the tree. */
  overrides?: string[];
  /** Lines for the generated .gitignore (build output, generated files). */
  gitignore?: string[];
  /** pnpm 11 `allowBuilds`: which dependency install scripts may run. */
  allowBuilds?: Record<string, boolean>;
  /**
   * Sources the site's pages load from, by CSP directive ("script-src", "connect-src"...): an
   * integration's CDN or API (Snipcart's, Algolia's), or a keyword ('wasm-unsafe-eval' for
   * Pagefind). `$NAME` stands for the origins in variable NAME at build time ("host:port" or URLs,
   * comma-separated: a test server's). A static build's pages get them in their policy
   * (packages/security); "form-action" goes in the hosts' header policy (templates/shared/security-headers.ts).
   */
  csp?: Record<string, string[]>;
  /** Values templates can read as {{<kind>.<key>}}, e.g. {{framework.outDir}}. Later parts win. */
  data?: Record<string, unknown>;
  /**
   * Config files built as data, serialised by extension (.json, .toml, .yaml). Source text goes in
   * the template's files/ folder instead.
   */
  dataFiles?: Record<string, (context: TemplateContext) => object>;
  /**
   * A folder of the template besides files/ whose files this part adds, e.g. "files-hybrid". A file
   * whose path holds `__route__` is written once per server route, with `__route__` replaced by
   * the route's path without its leading "/" (apps/web/__route__.mts -> apps/web/api/entries.mts) and
   * the route in the template's context as `route`. "shared/files-<name>" names a folder of
   * templates/shared instead, for what several modules of one kind write alike. Or several such folders.
   */
  files?: string | string[];
  /**
   * Markdown for the generated README: this module's section. `{{devUrl}}` stands for the local URL
   * where `pnpm dev` serves the whole site, its /api/* included (see readme.ts).
   */
  readme?: string;
  /** This module's steps of the README's "Go live" path (see GoLiveStep). */
  goLive?: GoLiveStep[];
  /** What knip (`pnpm knip`) cannot find out by itself, by workspace (see KnipWorkspace). */
  knip?: Partial<Record<WorkspacePath, KnipWorkspace>>;
}

/** The phases of the README's "Go live" path, in the order a newcomer takes them. */
export const GO_LIVE_PHASES = ["account", "variables", "content", "deploy", "webhooks"] as const;
export type GoLivePhase = (typeof GO_LIVE_PHASES)[number];

/**
 * One step of the path from a local project to a live site: the README lists every chosen module's
 * steps by phase (accounts, variables, content, deploy, webhooks), in module order within a phase,
 * each with the way to see that it worked. A later module (a content module's `pnpm seed`) adds a
 * step to a phase without editing the others.
 */
export interface GoLiveStep {
  phase: GoLivePhase;
  /** What to do, in Markdown: a sentence or two; `{{devUrl}}` as in `readme`. */
  do: string;
  /** How to see that it worked: a command to run or a URL to open, in Markdown. */
  check: string;
}

/**
 * One workspace's part of the generated knip.json, the dead-code finder's config: what only a host
 * or a convention knows, so that knip reports nothing on a fresh project and every later finding is real.
 */
export interface KnipWorkspace {
  /** Files a host or a tool loads by its own convention (Vercel's api/*.mts, a build's steps folder). */
  entry?: string[];
  /** Dependencies used where knip does not look (a devDependency there for turbo's hash). */
  ignoreDependencies?: string[];
  /** A knip plugin's settings, by plugin ("gatsby": { config: [...] }), each list merged. */
  plugins?: Record<string, { config?: string[]; entry?: string[] }>;
}

/**
 * A contribution that applies only when every module named in `with` ("kind:id") is chosen too,
 * e.g. a host's server adapter for `framework:astro` and `rendering:hybrid` (in the host's module).
 */
export interface Conditional extends Contribution {
  /** Every one must be chosen: "kind:id" modules, or "flag:<name>" module flags. */
  with: string[];
}

/**
 * The slots of a hybrid framework's server config: `imports` (import lines, sorted), `setup`
 * (statements and comments before the config), `adapter` (`<test> ? <adapter>`, chained before the
 * framework's own Node server), `config` (entries of the config object, indented), `nitro` (entries
 * of Nuxt's `nitro` object, indented).
 */
export const SERVER_CONFIG_SLOTS = ["imports", "setup", "adapter", "config", "nitro"] as const;
export type ServerConfigSlot = (typeof SERVER_CONFIG_SLOTS)[number];

/** The chosen modules as templates and derived contributions see them. */
export interface StackView {
  /** The chosen module of a single kind (undefined for "none"), a list for a multiple kind. */
  [kind: string]: unknown;
  framework: ModuleView;
  has: Record<string, Record<string, boolean>>;
  /** Every turbo task `pnpm build` runs, "build" first. */
  buildTasks: string[];
  /** Every server route of the stack, in module order. */
  functions: FunctionRoute[];
  /** Every page section of the stack, in module order. */
  sections: Section[];
  /** The modules' header fragments, joined in module order ("" for none). */
  header: string;
  /** Every widget of the stack, once each, in module order. */
  widgets: Widget[];
  /** The modules' post footers, joined in module order ("" for none). */
  postFooter: string;
  /** The module flags that are on (Choices.flags). */
  flags: string[];
  /** Every module's serverExternals, once each, in module order. */
  serverExternals: string[];
  /** The hosts' lines for the framework's server config, by slot (every slot, empty when none). */
  serverConfig: Record<ServerConfigSlot, string[]>;
  /** Every module's csp sources, by directive, once each, in module order. */
  csp: Record<string, string[]>;
}

/** A chosen module as templates see it: its id, label and data ({{framework.outDir}}). */
export type ModuleView = { id: string; label: string } & Record<string, unknown>;

/**
 * A yes/no option of a module, given as its own flag (`--anonymous-comments`), off unless given.
 * The module's templates see it in the view's `flags`; the flag is refused without its module.
 */
export interface ModuleFlag {
  /** The flag without its dashes. Two modules of one kind may share a flag (both backends'). */
  name: string;
  /** One line for --help and the refusal. */
  help: string;
  /** Refused beside a chosen module of this kind: `why` completes "--<name> does not work with <module>: <why>." */
  without?: { kind: Kind; why: string };
}

export interface JamModule extends Contribution {
  id: string;
  kind: Kind | "base";
  label: string;
  /** One line shown beside the option in prompts and in `--help`. */
  hint: string;
  /** Lowest Node version the module's tools need (semver, e.g. "22.12.0"). */
  node?: string;
  rules?: CompatRule[];
  /** Capabilities this module gives the stack, for other modules' `needs`. */
  provides?: Capability[];
  needs?: Need[];
  when?: Conditional[];
  /** A contribution computed from the other choices' data (a framework's output folder...). */
  derive?: (view: StackView) => Contribution;
  /** Its yes/no options, each its own flag. */
  flags?: ModuleFlag[];
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
  rendering: string;
  content: string;
  /** A module id, or "none". */
  commerce: string;
  /** A module id, or "none". */
  auth: string;
  /** A module id, or "none". */
  backend: string;
  /** A module id, or "none". */
  search: string;
  deploy: string[];
  /** The chosen modules' flags that are on (ModuleFlag names), sorted; absent when none are. */
  flags?: string[];
}

export interface Options {
  name: string;
  install: boolean;
  git: boolean;
}

/** One contribution of one chosen module: its own, a matched conditional, or a derived one. */
export interface Part extends Contribution {
  module: RegisteredModule;
}

/** Choices checked against the registry: every module resolved, every rule satisfied. */
export interface Stack {
  choices: Choices;
  modules: RegisteredModule[];
  /** What the modules contribute, in module order; the planner reads only these. */
  parts: Part[];
  view: StackView;
  node: string;
}

/** The project as it will be written: path -> file text, paths sorted, "/" separated. */
export type FileTree = Map<string, string>;
