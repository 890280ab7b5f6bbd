// The whole test suite, as `npm test` and CI run it: type-check, build the CLI, then the unit, CLI
// and end-to-end projects of vitest. Ends with one "N passed, N failed" line.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { systemToolsEnv } from "./system-tools.mjs";

const root = resolve(import.meta.dirname, "..");
const step = (title: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) => {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: root, env });
  if (r.status !== 0) {
    console.error(`✖ ${title} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
};

/** The oldest Node create-jam supports (its engines field): the CLI must run there, if only to refuse. */
function oldestNode(): string {
  const engines = JSON.parse(readFileSync(join(root, "create-jam/package.json"), "utf8")).engines.node as string;
  const version = engines.replace(/^>=\s*/, "").split(".").concat("0", "0").slice(0, 3).join(".");
  const prefix = join(root, ".tools", `node-${version}`);
  const bin = join(prefix, "node_modules/.bin/node");
  if (!existsSync(bin)) {
    execFileSync("npm", ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--loglevel=error", `node@${version}`], { stdio: "inherit" });
  }
  return bin;
}

step("type-check and build create-jam (turbo)", "pnpm", ["exec", "turbo", "run", "check-types", "build", "--output-logs=errors-only"]);
step("pinned versions exist on the registry", "node", ["scripts/check-versions.ts"]);

const report = join(root, ".tmp", "vitest.json");
const projects = process.argv.slice(2);
// End-to-end tests drive Debian's Chromium and Hugo, unit tests its PostgreSQL: install them first
// when missing (root/CI).
if (projects.length === 0 || projects.includes("e2e") || projects.includes("unit")) step("system tools: chromium, hugo, postgresql", "node", ["scripts/system-tools.mjs"]);
const vitest = spawnSync(
  "pnpm",
  ["exec", "vitest", "run", ...projects.flatMap((p) => ["--project", p]), "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
  { stdio: "inherit", cwd: root, env: { ...process.env, ...systemToolsEnv(), JAM_OLD_NODE: oldestNode() } },
);
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`);
}
process.exit(vitest.status ?? 1);
