// Runs any repo command with the pinned toolchain, on a machine that has only Node (>= 20) and npm.
// Plain JavaScript on purpose: it must run on the machine's Node before the pinned one exists.
// Pins: Node in .node-version, pnpm in package.json "packageManager". Both land in .tools/.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const tools = join(root, ".tools");
const bin = join(tools, "node_modules", ".bin");
const nodePin = readFileSync(join(root, ".node-version"), "utf8").trim();
const pnpmPin = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager.split("@")[1];
// Type stripping (scripts/*.ts run by plain `node`) is on by default from Node 22.18.
const minNode = [22, 18];

function versionOf(file) {
  if (!existsSync(file)) return "";
  const r = spawnSync(file, ["--version"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim().replace(/^v/, "") : "";
}

function machineNodeIsEnough() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  return major > minNode[0] || (major === minNode[0] && minor >= minNode[1]);
}

function ensureTools() {
  const wanted = [];
  if (!machineNodeIsEnough() && versionOf(join(bin, "node")) !== nodePin) wanted.push(`node@${nodePin}`);
  if (versionOf(join(bin, "pnpm")) !== pnpmPin) wanted.push(`pnpm@${pnpmPin}`);
  if (wanted.length === 0) return;
  console.log(`bootstrap: installing ${wanted.join(" ")} into .tools/`);
  const r = spawnSync(
    "npm",
    ["install", "--prefix", tools, "--no-audit", "--no-fund", "--loglevel=error", ...wanted],
    { stdio: "inherit" },
  );
  if (r.status !== 0) {
    console.error(`bootstrap: could not install ${wanted.join(" ")} from the npm registry (npm exit ${r.status}).`);
    process.exit(1);
  }
}

ensureTools();
const env = {
  ...process.env,
  PATH: [bin, process.env.PATH].join(delimiter),
  // The pinned pnpm is already the right one: do not let it fetch another.
  npm_config_manage_package_manager_versions: "false",
};
const run = (cmd, args) => spawnSync(cmd, args, { stdio: "inherit", env, cwd: root }).status ?? 1;

const install = run("pnpm", ["install", ...(process.env.CI ? ["--frozen-lockfile"] : [])]);
if (install !== 0) {
  console.error("bootstrap: `pnpm install` failed; see above.");
  process.exit(install);
}
const [cmd, ...args] = process.argv.slice(2);
if (cmd) process.exit(run(cmd, args));
