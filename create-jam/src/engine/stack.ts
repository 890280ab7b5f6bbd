import semverGt from "semver/functions/gt.js";
import { allOf, JamError } from "./errors.ts";
import { kinds, kindSpec, NONE } from "./kinds.ts";
import { type Capability, type Choices, type Contribution, type Kind, type ModuleFlag, type ModuleView, type Part, type RegisteredModule, SERVER_CONFIG_SLOTS, type Stack, type StackView } from "./types.ts";

export type Registry = readonly RegisteredModule[];

export const modulesOf = (registry: Registry, kind: Kind) => registry.filter((m) => m.kind === kind);

export function findModule(registry: Registry, kind: Kind, id: string): RegisteredModule | undefined {
  return registry.find((m) => m.kind === kind && m.id === id);
}

export const flagOf = (m: { kind: string; id: string }) => `--${m.kind} ${m.id}`;

const tokenOf = (m: { kind: string; id: string }) => `${m.kind}:${m.id}`;

/** The rule of `a` that refuses `b` beside the `chosen` modules (a rule `with` a choice applies only when it is among them). */
function refusal(a: RegisteredModule, b: RegisteredModule, chosen: readonly RegisteredModule[]) {
  return a.rules?.find((r) => r.kind === b.kind && !r.ids.includes(b.id) && (!r.with || chosen.some((m) => tokenOf(m) === r.with)));
}
/** Rules are one-sided data; compatibility is checked both ways. */
export const compatible = (a: RegisteredModule, b: RegisteredModule, chosen: readonly RegisteredModule[] = []) => !refusal(a, b, chosen) && !refusal(b, a, chosen);

export function chosenIds(choices: Partial<Choices>, kind: Kind): string[] {
  const v = choices[kind];
  return (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((id) => id !== NONE);
}

/** The modules a prompt may offer for `kind`, given what is already chosen. */
export function compatibleOptions(registry: Registry, kind: Kind, chosen: Partial<Choices>): RegisteredModule[] {
  const others = kinds
    .filter((k) => k.kind !== kind)
    .flatMap((k) => chosenIds(chosen, k.kind).map((id) => findModule(registry, k.kind, id)))
    .filter((m): m is RegisteredModule => !!m);
  return modulesOf(registry, kind).filter((m) => others.every((o) => compatible(m, o, [m, ...others])));
}

/**
 * Every module of `kind`, each with why the earlier choices rule it out (if they do), in the rules'
 * own words: a prompt shows a ruled-out option disabled, with its reason, rather than hiding it.
 */
export function optionStates(registry: Registry, kind: Kind, chosen: Partial<Choices>): { module: RegisteredModule; reason?: string; need?: boolean }[] {
  const others = kinds
    .filter((k) => k.kind !== kind)
    .flatMap((k) => chosenIds(chosen, k.kind).map((id) => findModule(registry, k.kind, id)))
    .filter((m): m is RegisteredModule => !!m);
  const needs = unmetNeeds(others).filter((n) => neededFrom(registry, kind, chosen).includes(n.capability));
  // A module flag that refuses this kind (--anonymous-comments refuses sign-in), when its module is chosen.
  const refusingFlag = (chosen.flags ?? [])
    .flatMap((name) => others.flatMap((m) => m.flags?.filter((f) => f.name === name) ?? []))
    .find((f) => f.without?.kind === kind);
  return modulesOf(registry, kind).map((module) => {
    const all = [module, ...others];
    const clash = others.find((o) => !compatible(module, o, all));
    if (clash) {
      const rule = refusal(module, clash, all) ?? refusal(clash, module, all);
      return { module, reason: `not with ${clash.label}: ${rule?.why ?? "the modules refuse each other"}` };
    }
    const need = needs.find((n) => !module.provides?.includes(n.capability));
    if (need) return { module, reason: `${need.module.label} needs ${capabilityText[need.capability]}`, need: true };
    if (refusingFlag?.without) return { module, reason: `not with --${refusingFlag.name}: ${refusingFlag.without.why}` };
    return { module };
  });
}

/**
 * The capabilities the chosen modules need that only `kind` can still provide (every other kind
 * that could is decided without it): a question for `kind` offers only its providers then, and
 * must be answered with one.
 */
export function neededFrom(registry: Registry, kind: Kind, chosen: Partial<Choices>): Capability[] {
  const modules = kinds.flatMap((k) => chosenIds(chosen, k.kind).map((id) => findModule(registry, k.kind, id)).filter((m): m is RegisteredModule => !!m));
  return unmetNeeds(modules)
    .map((n) => n.capability)
    .filter((c, i, all) => all.indexOf(c) === i)
    .filter((c) => {
      const kindsOf = [...providersOf(registry, c).keys()];
      return kindsOf.includes(kind) && kindsOf.every((k) => k === kind || chosen[k] !== undefined);
    });
}

/** Every broken rule among the chosen modules, each as one sentence and a fix. */
export function incompatibilities(registry: Registry, chosen: RegisteredModule[], decided: (kind: Kind) => boolean = () => true): JamError[] {
  const problems: JamError[] = [];
  for (const a of chosen) {
    for (const rule of a.rules ?? []) {
      const beside = rule.with && chosen.find((m) => tokenOf(m) === rule.with);
      if (rule.with && !beside) continue;
      for (const b of chosen.filter((m) => m.kind === rule.kind && !rule.ids.includes(m.id))) {
        // A pair refused on its own already says why: a three-choice rule has nothing to add.
        if (beside && !(compatible(a, beside) && compatible(b, beside))) continue;
        const alternatives = modulesOf(registry, a.kind as Kind).filter((m) => m !== a && compatible(m, b, chosen) && (!beside || compatible(m, beside, chosen)));
        // No allowed id: leave the kind out.
        const fixes = [`use --${rule.kind} ${rule.ids.length ? rule.ids.join("|") : NONE}`];
        if (alternatives.length) fixes.push(`pick --${a.kind} ${alternatives.map((m) => m.id).join("|")}`);
        // A three-choice rule: the third choice can change instead.
        const others = beside ? modulesOf(registry, beside.kind as Kind).filter((m) => m !== beside) : [];
        if (beside && others.length) fixes.push(`use --${beside.kind} ${others.map((m) => m.id).join("|")}`);
        const with_ = beside ? ` and ${flagOf(beside)}` : "";
        problems.push(new JamError(`${flagOf(a)} does not work with ${flagOf(b)}${with_}: ${rule.why}.`, `Either ${fixes.join(", or ")}.`));
      }
    }
  }
  // A need is refused once every kind that could meet it is decided (a flag given before the
  // questions leaves the later kinds open).
  for (const need of unmetNeeds(chosen)) if ([...providersOf(registry, need.capability).keys()].every(decided)) problems.push(needError(registry, need));
  return problems;
}

/** What each capability is, in a refusal: "<module> needs <this>". */
const capabilityText: Record<Capability, string> = { functions: "a server for its functions (/api/*)" };

/** The needs of the chosen modules that no chosen module provides. */
export function unmetNeeds(chosen: readonly RegisteredModule[]): { module: RegisteredModule; capability: Capability; why: string }[] {
  const provided = new Set(chosen.flatMap((m) => m.provides ?? []));
  return chosen.flatMap((module) => (module.needs ?? []).filter((n) => !provided.has(n.capability)).map((n) => ({ module, ...n })));
}

/** The modules of the registry that provide `capability`, by kind: the refusal's fix. */
export function providersOf(registry: Registry, capability: Capability): Map<Kind, RegisteredModule[]> {
  const byKind = new Map<Kind, RegisteredModule[]>();
  for (const m of registry) if (m.kind !== "base" && m.provides?.includes(capability)) byKind.set(m.kind, [...(byKind.get(m.kind) ?? []), m]);
  return byKind;
}

function needError(registry: Registry, { module, capability, why }: ReturnType<typeof unmetNeeds>[number]): JamError {
  const fixes = [...providersOf(registry, capability)].map(([kind, ms]) => `${kindSpec(kind).multiple ? "add" : "use"} --${kind} ${ms.map((m) => m.id).join("|")}`);
  return new JamError(`${flagOf(module)} needs ${capabilityText[capability]}: ${why}.`, `Either ${fixes.join(", or ")}.`);
}

/** The chosen modules (base first); throws on an id the registry does not know. */
function pickModules(registry: Registry, choices: Choices): RegisteredModule[] {
  const picked: RegisteredModule[] = registry.filter((m) => m.kind === "base");
  const unknown: string[] = [];
  for (const { kind } of kinds) {
    for (const id of chosenIds(choices, kind)) {
      const m = findModule(registry, kind, id);
      if (m) picked.push(m);
      else unknown.push(`--${kind} ${id}`);
    }
  }
  if (unknown.length) throw new JamError(`Unknown choice ${unknown.join(", ")}.`, "Run create-jam --help to see the allowed values.");
  return picked;
}

const problemsOf = (registry: Registry, picked: RegisteredModule[], choices: Choices) => [...incompatibilities(registry, picked), ...flagProblems(registry, picked, choices.flags ?? [])];

/** Whether resolveStack would accept `choices`, without building the stack (the test matrix asks this of every combination). */
export function isAllowed(registry: Registry, choices: Choices): boolean {
  return problemsOf(registry, pickModules(registry, choices), choices).length === 0;
}

/** Choices -> a validated stack. Throws a JamError naming every problem at once. */
export function resolveStack(registry: Registry, choices: Choices): Stack {
  const picked = pickModules(registry, choices);
  const problem = allOf(problemsOf(registry, picked, choices));
  if (problem) throw problem;
  const node = picked.reduce((max, m) => (m.node && semverGt(m.node, max) ? m.node : max), "0.0.0");
  return { choices, modules: picked, node, ...partsOf(registry, picked, choices.flags ?? []) };
}

/** Every module flag of the registry, once per name, in registry order. */
export function moduleFlags(registry: Registry): { flag: ModuleFlag; owners: RegisteredModule[] }[] {
  const names = [...new Set(registry.flatMap((m) => (m.flags ?? []).map((f) => f.name)))];
  return names.map((name) => {
    const owners = flagOwners(registry, name);
    return { flag: owners[0]?.flags?.find((f) => f.name === name) as ModuleFlag, owners };
  });
}

/** The flags the chosen modules offer, once per name, leaving out those a chosen module refuses. */
export function offeredFlags(chosen: readonly RegisteredModule[]): ModuleFlag[] {
  const flags = chosen.flatMap((m) => m.flags ?? []).filter((f) => !(f.without && chosen.some((m) => m.kind === f.without?.kind)));
  return [...new Map(flags.map((f) => [f.name, f])).values()];
}

/** The modules of the registry that declare the flag `name`. */
export const flagOwners = (registry: Registry, name: string) => registry.filter((m) => m.flags?.some((f) => f.name === name));

/** A module flag without a chosen module that has it, or beside a module it does not work with. */
export function flagProblems(registry: Registry, chosen: readonly RegisteredModule[], flags: readonly string[]): JamError[] {
  const problems: JamError[] = [];
  for (const name of flags) {
    const owners = flagOwners(registry, name);
    const owner = owners.find((m) => chosen.includes(m));
    if (!owners.length) {
      problems.push(new JamError(`Unknown flag --${name}.`, "Run create-jam --help to see the allowed flags."));
    } else if (!owner) {
      const kind = owners[0]?.kind as Kind;
      problems.push(new JamError(`--${name} is an option of ${owners.map((m) => m.label).join(" and ")}, and no ${kind} module that has it is chosen.`, `Add --${kind} ${owners.map((m) => m.id).join("|")}, or drop --${name}.`));
    } else {
      const flag = owner.flags?.find((f) => f.name === name);
      const clash = flag?.without && chosen.find((m) => m.kind === flag.without?.kind);
      if (flag?.without && clash) problems.push(new JamError(`--${name} does not work with ${flagOf(clash)}: ${flag.without.why}.`, `Either drop --${name}, or use --${clash.kind} ${NONE}.`));
    }
  }
  return problems;
}

const key = (m: RegisteredModule) => `${m.kind}:${m.id}`;

/**
 * Each module's own contribution, then its conditionals whose `with` modules are all chosen, then
 * what it derives from the view those give (so a derived part can read any module's data).
 */
function partsOf(registry: Registry, picked: RegisteredModule[], flags: readonly string[]): Pick<Stack, "parts" | "view"> {
  // A conditional's `with` names modules ("backend:supabase") or module flags ("flag:anonymous-comments").
  const chosen = new Set([...picked.map(key), ...flags.map((f) => `flag:${f}`)]);
  const parts: Part[] = [];
  for (const m of picked) {
    // A module's own files are in its files/ folder; a conditional names its own folder.
    parts.push({ ...m, files: "files", module: m });
    for (const c of m.when ?? []) if (c.with.every((w) => chosen.has(w))) parts.push({ ...c, module: m });
  }
  const view = viewOf(registry, picked, parts, flags);
  const derived = picked.flatMap((m) => (m.derive ? [{ ...m.derive(view), module: m }] : []));
  // What the view is made of cannot come from derive, which reads the view: it would be left out.
  for (const d of derived) {
    const late = (["functions", "sections", "header", "widgets", "postFooter", "serverExternals", "serverConfig", "csp"] as const).find((k) => d[k] !== undefined);
    if (late) throw new Error(`${d.module.dir}: derive cannot add ${late} (the view it reads is made of them): give it in the module or a conditional`);
  }
  // Derived parts go right after their module's other parts, to keep module order in the output.
  const all = picked.flatMap((m) => [...parts.filter((p) => p.module === m), ...derived.filter((p) => p.module === m)]);
  return { parts: all, view };
}

function viewOf(registry: Registry, picked: RegisteredModule[], parts: Part[], flags: readonly string[]): StackView {
  const moduleView = (m: RegisteredModule): ModuleView =>
    Object.assign({ id: m.id, label: m.label }, ...parts.filter((p) => p.module === m).map((p) => p.data ?? {}));
  const view: Record<string, unknown> = {};
  for (const { kind, multiple } of kinds) {
    const ms = picked.filter((m) => m.kind === kind).map(moduleView);
    view[kind] = multiple ? ms : ms[0];
  }
  // Every module of the registry is named, chosen or not, so templates can test any of them.
  const has: StackView["has"] = {};
  for (const m of registry) (has[m.kind] ??= {})[m.id] = picked.includes(m);
  const buildTasks = [...new Set(["build", ...parts.flatMap((p) => p.turbo?.alsoOnBuild ?? [])])];
  const functions = parts.flatMap((p) => p.functions ?? []);
  const paths = functions.map((f) => f.path);
  const twice = paths.find((p, i) => paths.indexOf(p) !== i);
  if (twice) throw new Error(`two modules add the server route ${twice}`);
  // Two modules may need one section (Stripe and Snipcart both sell /products/): it is written once.
  const sections = [...new Map(parts.flatMap((p) => p.sections ?? []).map((s) => [s.id, s])).values()];
  const header = parts.flatMap((p) => p.header ?? []).join("");
  const widgets = [...new Map(parts.flatMap((p) => p.widgets ?? []).map((w) => [w.name, w])).values()];
  const postFooter = parts.flatMap((p) => p.postFooter ?? []).join("");
  const serverExternals = [...new Set(parts.flatMap((p) => p.serverExternals ?? []))];
  const serverConfig = Object.fromEntries(SERVER_CONFIG_SLOTS.map((slot) => [slot, [...new Set(parts.flatMap((p) => p.serverConfig?.[slot] ?? []))]])) as StackView["serverConfig"];
  // Import lines in the order of what they import, as a formatter keeps them.
  const from = (line: string) => /from\s+["']([^"']+)["']/.exec(line)?.[1] ?? line;
  serverConfig.imports.sort((a, b) => (from(a) < from(b) ? -1 : from(a) > from(b) ? 1 : 0));
  const csp: StackView["csp"] = {};
  for (const p of parts) for (const [directive, sources] of Object.entries(p.csp ?? {})) csp[directive] = [...new Set([...(csp[directive] ?? []), ...sources])];
  return { ...view, has, buildTasks, functions, sections, header, widgets, postFooter, flags: [...flags].sort(), serverExternals, serverConfig, csp } as StackView;
}

/** The module whose Node requirement sets the stack's minimum, for the error message. */
export function nodeSetter(stack: Stack): RegisteredModule | undefined {
  return stack.modules.find((m) => m.node === stack.node);
}

export { kindSpec };
