// On a developer's machine the variables live in the repository's .env (copied from .env.example,
// never committed), and no tool loads it for every process that reads content: the content build,
// a framework's build and dev server, `pnpm --filter web start`. So the code that reads them loads it,
// once, below the real environment (a variable already set wins). On a host, no pnpm-workspace.yaml
// is found above the function's folder and nothing is loaded: the host's settings are the source.

type Fs = typeof import("node:fs");

/** The .env beside the pnpm-workspace.yaml at or above `from`, if there is one. */
export function findLocalEnv(fs: Fs, from: string): string | undefined {
  for (let dir = from; dir; ) {
    if (fs.existsSync(`${dir}/pnpm-workspace.yaml`)) return fs.existsSync(`${dir}/.env`) ? `${dir}/.env` : undefined;
    const up = dir.slice(0, dir.lastIndexOf("/"));
    if (up === dir) return undefined;
    dir = up;
  }
  return undefined;
}

let loaded = false;

export function loadLocalEnv(): void {
  if (loaded) return;
  loaded = true;
  const proc = globalThis.process;
  // getBuiltinModule (not an import): bundlers of browser code and edge runtimes see no node:fs.
  const fs = proc?.getBuiltinModule?.("node:fs") as Fs | undefined;
  if (!fs || typeof proc.loadEnvFile !== "function") return;
  const file = findLocalEnv(fs, proc.cwd());
  if (file) proc.loadEnvFile(file);
}
