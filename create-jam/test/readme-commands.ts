// The generated README, read as a newcomer reads it: every command it tells them to run (lines of
// its ```sh blocks, and inline `pnpm ...`, `npx ...`, `stripe listen ...`), and whether each one
// resolves in the planned project. readme.test.ts runs this over a stack sample covering every
// module; the e2e runs the offline ones in projects it installs.
import { posix } from "node:path";

/** Words that start a command in inline code; anything else in backticks is a name or a value. */
const COMMAND = /^(?:[A-Z][A-Z0-9_]*=\S*\s+)*(pnpm|npx|npm|node|stripe|supabase|wrangler|corepack|openssl|curl|cd|git)\s+\S/;

/** Every command the README names, `&&` chains split, in order; comments after `#` dropped. */
export function readmeCommands(readme: string): string[] {
  const out: string[] = [];
  const fenced = /```sh\n([\s\S]*?)```/g;
  for (const m of readme.matchAll(fenced)) for (const line of (m[1] as string).split("\n")) if (line.replace(/#.*/, "").trim()) out.push(line.replace(/\s+#.*/, "").trim());
  const prose = readme.replace(/```[\s\S]*?```/g, "");
  for (const m of prose.matchAll(/`([^`\n]+)`/g)) if (COMMAND.test(m[1] as string)) out.push(m[1] as string);
  return out;
}

/** The project as a command sees it: package.json of each workspace, turbo.json, the files. */
export interface Project {
  tree: Map<string, string>;
}

// pnpm's own commands: `pnpm --filter x deploy` runs pnpm's `deploy`, never a script called deploy.
const PNPM_BUILTINS = new Set(["add", "audit", "bin", "cache", "config", "create", "dedupe", "deploy", "dlx", "doctor", "env", "exec", "fetch", "help", "import", "init", "install", "i", "licenses", "link", "list", "ls", "outdated", "pack", "patch", "prune", "publish", "rebuild", "remove", "root", "run", "self-update", "setup", "store", "unlink", "update", "up", "why", "approve-builds"]);
// The ones a README may mean as themselves.
const PNPM_MEANT = new Set(["add", "dlx", "exec", "install", "i", "run", "update", "up", "remove"]);
// Tools a README may tell the user to install or fetch: not the project's to provide.
const OUTSIDE_TOOLS = new Set(["stripe", "supabase", "corepack", "openssl", "curl", "git"]);
const NPX_FETCHED = new Set(["vercel", "netlify-cli", "create-jam"]);
// A bin that is not its package's name.
const BIN_PACKAGE: Record<string, string> = { "opennextjs-cloudflare": "@opennextjs/cloudflare" };

const placeholder = (word: string) => /[<>…]/.test(word);

type Pkg = { name: string; scripts?: Record<string, string>; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };

function workspaces(tree: Map<string, string>): Map<string, Pkg> {
  const out = new Map<string, Pkg>();
  for (const [path, text] of tree) if (path === "package.json" || /^(apps|packages)\/[^/]+\/package\.json$/.test(path)) out.set(posix.dirname(path), JSON.parse(text));
  return out;
}

/** A path exists in the plan, as a file or a folder, seen from `cwd`. */
export function pathExists(tree: Map<string, string>, cwd: string, path: string): boolean {
  const p = posix.normalize(posix.join(cwd, path)).replace(/\/$/, "");
  if (p === ".") return true;
  return tree.has(p) || [...tree.keys()].some((k) => k.startsWith(`${p}/`));
}

/** Why `command` would not run in the planned project, or undefined when it resolves. */
export function unresolved(command: string, { tree }: Project): string | undefined {
  const ws = workspaces(tree);
  const byName = new Map([...ws].map(([dir, pkg]) => [pkg.name, dir]));
  const turbo = JSON.parse(tree.get("turbo.json") as string) as { tasks: Record<string, unknown> };
  const generators = tree.get("turbo/generators/config.ts") ?? "";
  // The Cloudflare dashboard's build command runs in the app's folder: `cd ../..` takes it to the root.
  let cwd = command.startsWith("cd ../..") ? "apps/web" : ".";
  for (const part of command.split("&&").map((s) => s.trim())) {
    const words = part.split(/\s+/).filter((w) => !/^[A-Z][A-Z0-9_]*=/.test(w));
    const [tool, ...args] = words as [string, ...string[]];
    const depOf = (dir: string, name: string) => {
      const pkg = ws.get(dir);
      return !!pkg && name in { ...pkg.dependencies, ...pkg.devDependencies };
    };
    const hasBin = (dir: string, bin: string) => depOf(dir, BIN_PACKAGE[bin] ?? bin) || depOf(".", BIN_PACKAGE[bin] ?? bin);
    if (tool === "cd") {
      if (!pathExists(tree, cwd, args[0] as string)) return `cd ${args[0]}: no such folder`;
      cwd = posix.normalize(posix.join(cwd, args[0] as string));
      continue;
    }
    if (OUTSIDE_TOOLS.has(tool)) continue;
    if (tool === "npm") continue; // npm i -g pnpm, npm create jam: the registry's
    if (tool === "node") {
      // `node build`: the server a build leaves in apps/web (gitignored).
      const file = args[0] as string;
      if (!pathExists(tree, cwd, file) && !ignored(tree, posix.join(cwd === "." ? "apps/web" : cwd, file))) return `node ${file}: no such file`;
      continue;
    }
    if (tool === "npx") {
      const bin = (args[0] as string).replace(/@[\d.]+$/, "");
      if (!NPX_FETCHED.has(bin) && !hasBin(cwd === "." ? "apps/web" : cwd, bin)) return `npx ${bin}: not a dependency of the project, nor a tool npx is meant to fetch`;
      continue;
    }
    if (tool === "wrangler") {
      if (!hasBin("apps/web", "wrangler")) return "wrangler: not a dependency of apps/web";
      continue;
    }
    if (tool !== "pnpm") return `${tool}: not a command this checker knows`;
    let target = cwd;
    const rest = [...args];
    while (rest[0]?.startsWith("--filter") || rest[0] === "-F") {
      const flag = rest.shift() as string;
      const value = flag.includes("=") ? flag.split("=")[1] : rest.shift();
      const dir = byName.get(value as string) ?? (ws.has((value as string).replace(/^\.\//, "")) ? (value as string).replace(/^\.\//, "") : undefined);
      if (!dir) return `pnpm --filter ${value}: no workspace package is called ${value}`;
      target = dir;
    }
    const [cmd, ...more] = rest as [string, ...string[]];
    const scripts = ws.get(target)?.scripts ?? {};
    if (cmd === "run") {
      if (!(more[0] as string in scripts)) return `pnpm run ${more[0]}: ${target} has no script ${more[0]}`;
    } else if (cmd === "exec") {
      if (!hasBin(target, more[0] as string)) return `pnpm exec ${more[0]}: not a dependency of ${target}`;
    } else if (cmd === "turbo") {
      if (!depOf(".", "turbo")) return "pnpm turbo: turbo is not a root devDependency";
      const [sub, ...targs] = more;
      if (sub === "gen") {
        const name = targs[0];
        if (name && !placeholder(name) && !generators.includes(`setGenerator("${name}"`)) return `turbo gen ${name}: no such generator in turbo/generators/config.ts`;
      } else if (sub === "run") {
        for (const a of targs) {
          if (a.startsWith("--filter=")) {
            if (!byName.has(a.slice("--filter=".length))) return `turbo ${a}: no such package`;
          } else if (!a.startsWith("-") && !(a in turbo.tasks)) return `turbo run ${a}: no such task in turbo.json`;
        }
      }
    } else if (PNPM_BUILTINS.has(cmd)) {
      if (cmd in scripts) return `pnpm ${cmd}: pnpm runs its own \`${cmd}\`, not ${target}'s script (say \`pnpm ${target === "." ? "" : `--filter ${ws.get(target)?.name} `}run ${cmd}\`)`;
      if (!PNPM_MEANT.has(cmd)) return `pnpm ${cmd}: pnpm's own command, which no README step means`;
    } else if (!(cmd in scripts)) {
      return `pnpm ${cmd}: ${target === "." ? "the root" : target} has no script ${cmd}`;
    }
  }
  return undefined;
}

/** The variables the README names in code (`NAME`, `NAME=value`). */
export function readmeVariables(readme: string): string[] {
  const names = new Set<string>();
  for (const m of readme.matchAll(/`([^`\n]+)`/g)) {
    for (const w of (m[1] as string).matchAll(/(?:^|[\s$"(])([A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9])(?=$|[\s=")}:,.])/g)) names.add(w[1] as string);
  }
  return [...names];
}

/** Paths the README names in code: `apps/web/...`, `packages/...`, a file at the root. */
export function readmePaths(readme: string): string[] {
  const paths = new Set<string>();
  for (const m of readme.matchAll(/`([^`\n\s]+)`/g)) {
    const p = m[1] as string;
    if (placeholder(p) || p.includes("://") || p.includes("*") || p.includes("@")) continue;
    if (/^(apps|packages|turbo|supabase)\//.test(p) || /^[\w.-]+\.(json|jsonc|toml|yaml|yml|rules)$/.test(p)) paths.add(p);
  }
  return [...paths];
}

/** Whether the project's .gitignore covers `path` (a build output, a local secret file). */
export function ignored(tree: Map<string, string>, path: string): boolean {
  const p = path.replace(/\/$/, "");
  const lines = (tree.get(".gitignore") ?? "").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#") && !l.startsWith("!"));
  const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}$`);
  const segments = p.split("/");
  return lines.some((line) => {
    const pattern = line.replace(/\/$/, "");
    // A pattern with a slash is anchored at the root; one without matches any segment.
    if (pattern.includes("/")) return p === pattern || p.startsWith(`${pattern}/`);
    return segments.some((s) => glob(pattern).test(s));
  });
}

/** The URL the README's Start block gives for `pnpm dev`: where the whole site, /api/* included, is. */
export function readmeDevUrl(readme: string): URL {
  const m = /^pnpm dev +# the whole site, \/api\/\* included, on (http:\/\/localhost:\d+)$/m.exec(readme);
  if (!m) throw new Error("the README's Start block gives no URL for pnpm dev");
  return new URL(m[1] as string);
}
