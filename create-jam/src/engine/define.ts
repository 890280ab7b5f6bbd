import type { JamModule, Kind, ModuleView, RegisteredModule } from "./types.ts";

const PREFIX = "@create-jam/template-";

/** Ties a module definition to the template package that holds it (name, version, folder). */
export function defineModule(pkg: { name: string; version: string }, def: JamModule): RegisteredModule {
  if (!pkg.name.startsWith(PREFIX)) throw new Error(`template package ${pkg.name} must be named ${PREFIX}<folder>`);
  return { ...def, dir: pkg.name.slice(PREFIX.length), template: { name: pkg.name, version: pkg.version } };
}

/**
 * A chosen module's view (its data, from all its parts), read by that module's own derive or
 * dataFiles: a part conditional on a framework puts its data there (a host's Worker for Astro).
 */
export function chosenView(view: object, kind: Kind, id: string): ModuleView | undefined {
  const chosen = (view as Record<string, unknown>)[kind];
  return (Array.isArray(chosen) ? (chosen as ModuleView[]) : chosen ? [chosen as ModuleView] : []).find((m) => m.id === id);
}
