// Makes sure the Debian tools the tests drive are on this machine: Chromium (real-browser checks,
// Lighthouse), Hugo (sites built with Hugo) and PostgreSQL (the Supabase backend's migration, run
// against a real server). As root (CI) it installs what is missing with
// apt; anyone else gets one sentence on how. Re-running costs nothing: no apt call when both exist.
// Plain JavaScript so it also runs on the machine's own Node: `node scripts/system-tools.mjs`.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** What the tests need, where Debian puts it, and the env variable the tests read it from. */
export const systemTools = [
  { pkg: "chromium", bin: "/usr/bin/chromium", env: "JAM_CHROMIUM" },
  { pkg: "hugo", bin: "/usr/bin/hugo", env: "JAM_HUGO" },
  // Debian 12's PostgreSQL is 15; the tests start a throwaway cluster of it (packages/functions/test/postgres.ts).
  { pkg: "postgresql", bin: "/usr/lib/postgresql/15/bin/postgres", env: "JAM_POSTGRES" },
];

/** The env variables that point tests at the tools (JAM_CHROMIUM, JAM_HUGO). */
export const systemToolsEnv = () => Object.fromEntries(systemTools.map((t) => [t.env, t.bin]));

/** Installs what is missing (root only); returns a message saying what is still wrong, or "" when all is there. */
export function ensureSystemTools() {
  const missing = () => systemTools.filter((t) => !existsSync(t.bin));
  const wanted = missing().map((t) => t.pkg);
  if (wanted.length === 0) return "";
  const list = wanted.join(" ");
  if (process.getuid?.() !== 0) {
    return `Missing ${missing().map((t) => t.bin).join(" and ")}: install with \`sudo apt-get update && sudo apt-get install -y --no-install-recommends ${list}\` (Debian/Ubuntu), then re-run.`;
  }
  console.log(`system tools: installing ${list} with apt-get`);
  // apt's progress is hundreds of lines: kept out of the test output, shown (its end) only on failure.
  const apt = (...args) => {
    const r = spawnSync("apt-get", args, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", maxBuffer: 64 << 20, env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (r.status !== 0) console.error(`${r.stdout ?? ""}${r.stderr ?? ""}`.trim().split("\n").slice(-15).join("\n"));
    return r.status === 0;
  };
  if (!apt("update")) return "`apt-get update` failed; see above.";
  if (!apt("install", "-y", "--no-install-recommends", ...wanted)) return `\`apt-get install ${list}\` failed; see above.`;
  const still = missing();
  return still.length ? `apt-get installed ${list} but ${still.map((t) => t.bin).join(", ")} is still missing.` : "";
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const problem = ensureSystemTools();
  if (problem) {
    console.error(`system tools: ${problem}`);
    process.exit(1);
  }
  console.log(`system tools: ${systemTools.map((t) => t.bin).join(", ")} present`);
}
