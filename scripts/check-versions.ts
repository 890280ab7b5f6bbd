// Asks the npm registry about every version pinned for generated projects (templates/versions.json):
// it must exist, and be at least a day old, since pnpm 11 refuses to install a version younger than
// its minimumReleaseAge (24 h). A project that cannot install is the complaint users of scaffolders
// file most; this catches it before they do. It also names the newest pin: with time-based resolution,
// generated projects take every other package as it was on that date.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const pins: Record<string, string> = JSON.parse(readFileSync(join(import.meta.dirname, "../templates/versions.json"), "utf8"));
const MIN_AGE_MS = 24 * 60 * 60 * 1000; // pnpm 11's default minimumReleaseAge (1440 minutes)

/** When the registry says NAME@VERSION was published, or null when it does not have it. */
async function published(name: string, version: string): Promise<Date | null> {
  try {
    const { stdout } = await run("npm", ["view", `${name}@${version}`, "time", "--json"], { timeout: 60_000, maxBuffer: 64 << 20 });
    const time = JSON.parse(stdout)[version];
    return time ? new Date(time) : null;
  } catch {
    return null;
  }
}

// "framework-gatsby:react" pins react for one module's stacks: the package is the part after ":".
const entries = Object.entries(pins).map(([key, v]) => [key.slice(key.indexOf(":") + 1), v]);
const missing: string[] = [];
const tooNew: string[] = [];
let newest = { pin: "", date: new Date(0) };
// A few at a time: enough to be quick, few enough to be polite to the registry.
for (let i = 0; i < entries.length; i += 6) {
  const batch = entries.slice(i, i + 6);
  const dates = await Promise.all(batch.map(([n, v]) => published(n, v)));
  batch.forEach(([n, v], j) => {
    const date = dates[j];
    if (!date) return void missing.push(`${n}@${v}`);
    const age = Date.now() - date.getTime();
    if (age < MIN_AGE_MS) tooNew.push(`${n}@${v} (${(age / 3_600_000).toFixed(0)} h old)`);
    if (date > newest.date) newest = { pin: `${n}@${v}`, date };
  });
}
if (missing.length) console.error(`✖ not on the registry: ${missing.join(", ")}. Pick versions that \`npm view NAME versions\` lists.`);
if (tooNew.length) {
  console.error(`✖ published less than 24 h ago: ${tooNew.join(", ")}. pnpm 11 will not install them yet (minimumReleaseAge): pin the version before, or wait.`);
}
if (missing.length || tooNew.length) process.exit(1);
console.log(`✓ all ${entries.length} pinned versions exist on the registry and are over a day old`);
console.log(`  newest pin: ${newest.pin}, ${newest.date.toISOString().slice(0, 10)}: a generated project resolves everything else as of its own newest pin, this date at the latest`);
