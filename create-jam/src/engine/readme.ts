// The generated README's parts that come from the plan rather than from one module's text: the
// local URL of the whole site, the "Go live" path (every chosen module's steps, by phase) and the
// "What is where" table (every workspace the stack has). Pure, like the planner.
import { GO_LIVE_PHASES, type GoLivePhase, type Stack, type WorkspacePath } from "./types.ts";

/**
 * Where `pnpm dev` serves the whole site, /api/* included: a hybrid framework's dev server mounts
 * the functions itself; a static one's knows no /api, so packages/functions' dev server
 * (FUNCTIONS_PORT, templates/base) answers them and proxies the rest to the framework's.
 */
export function devUrl(stack: Stack): string {
  const port = stack.view.has.rendering?.hybrid
    ? stack.view.framework.devPort
    : stack.parts.flatMap((p) => p.env ?? []).find((e) => e.name === "FUNCTIONS_PORT")?.example;
  if (port === undefined) throw new Error("no dev port: the framework gives none (data.devPort), or the static stack has no FUNCTIONS_PORT");
  return `http://localhost:${port}`;
}

/**
 * Whether a second `pnpm build` is a turbo cache hit, and why not when a module turns the build's
 * cache off (its module data's `uncachedWhy`).
 */
export function buildCache(stack: Stack): string {
  const off = stack.parts.find((p) => p.turbo?.tasks.build?.cache === false);
  if (!off) return "a second build is a turbo cache hit";
  return `never a turbo cache hit: ${(off.module.data?.uncachedWhy as string | undefined) ?? "its build task is not cached"}`;
}

/** What a module's README text may name: `{{devUrl}}`. */
export const readmeValues = (stack: Stack) => ({ devUrl: devUrl(stack), buildCache: buildCache(stack) });

/** `{{name}}` replaced by its value; an unknown name is a template bug. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`README text names {{${name}}}, which is not one of ${Object.keys(values).join(", ")}`);
    return value;
  });
}

const phaseTitle: Record<GoLivePhase, string> = {
  account: "Accounts",
  variables: "Variables",
  content: "Content",
  deploy: "Deploy",
  webhooks: "Webhooks",
};

/** Every chosen module's go-live steps, by phase, then in module order. */
export function goLiveSteps(stack: Stack) {
  const steps = stack.parts.flatMap((p) => (p.goLive ?? []).map((s) => ({ ...s, who: p.module.kind === "base" ? "Site" : p.module.label })));
  return GO_LIVE_PHASES.flatMap((phase) => steps.filter((s) => s.phase === phase));
}

/** The "Go live" path as Markdown: numbered steps under each phase's heading, each with its check. */
export function goLiveMarkdown(stack: Stack): string {
  const values = readmeValues(stack);
  const steps = goLiveSteps(stack);
  let n = 0;
  const out: string[] = [];
  for (const phase of GO_LIVE_PHASES) {
    const here = steps.filter((s) => s.phase === phase);
    if (!here.length) continue;
    out.push(`### ${phaseTitle[phase]}`, "");
    for (const s of here) {
      const marker = `${++n}. `;
      out.push(`${marker}**${s.who}:** ${fill(s.do, values)}`, `${" ".repeat(marker.length)}Check: ${fill(s.check, values)}`);
    }
    out.push("");
  }
  return out.join("\n").trim();
}

/** One row per workspace the stack has, with what it holds (WorkspacePatch.what), sorted by path. */
export function workspaceRows(stack: Stack): { path: WorkspacePath; what: string }[] {
  const what = new Map<WorkspacePath, string | undefined>();
  for (const p of stack.parts) {
    for (const [ws, patch] of Object.entries(p.workspaces ?? {}) as [WorkspacePath, { what?: string }][]) {
      if (ws === ".") continue;
      if (what.get(ws) === undefined) what.set(ws, patch.what);
    }
  }
  const missing = [...what].filter(([, w]) => !w).map(([ws]) => ws);
  if (missing.length) throw new Error(`no module says what ${missing.join(", ")} holds (WorkspacePatch.what), for the README`);
  return [...what].map(([path, w]) => ({ path, what: w as string })).sort((a, b) => (a.path < b.path ? -1 : 1));
}
