// Asks the npm registry whether every version pinned for generated projects exists
// (templates/versions.json). A project that cannot install is the complaint users of scaffolders
// file most; this catches it before they do.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const pins: Record<string, string> = JSON.parse(readFileSync(join(import.meta.dirname, "../templates/versions.json"), "utf8"));

async function exists(name: string, version: string): Promise<boolean> {
  try {
    const { stdout } = await run("npm", ["view", `${name}@${version}`, "version", "--json"], { timeout: 60_000 });
    return JSON.parse(stdout) === version;
  } catch {
    return false;
  }
}

// "framework-gatsby:react" pins react for one module's stacks: the package is the part after ":".
const entries = Object.entries(pins).map(([key, v]) => [key.slice(key.indexOf(":") + 1), v]);
const missing: string[] = [];
// A few at a time: enough to be quick, few enough to be polite to the registry.
for (let i = 0; i < entries.length; i += 6) {
  const batch = entries.slice(i, i + 6);
  const found = await Promise.all(batch.map(([n, v]) => exists(n, v)));
  batch.forEach(([n, v], j) => found[j] || missing.push(`${n}@${v}`));
}
if (missing.length) {
  console.error(`✖ not on the registry: ${missing.join(", ")}. Pick versions that \`npm view NAME versions\` lists.`);
  process.exit(1);
}
console.log(`✓ all ${entries.length} pinned versions exist on the registry`);
