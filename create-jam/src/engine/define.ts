import type { JamModule, RegisteredModule } from "./types.ts";

const PREFIX = "@create-jam/template-";

/** Ties a module definition to the template package that holds it (name, version, folder). */
export function defineModule(pkg: { name: string; version: string }, def: JamModule): RegisteredModule {
  if (!pkg.name.startsWith(PREFIX)) throw new Error(`template package ${pkg.name} must be named ${PREFIX}<folder>`);
  return { ...def, dir: pkg.name.slice(PREFIX.length), template: { name: pkg.name, version: pkg.version } };
}
