// `npm run demo`: build create-jam, generate the default site (as `npm create jam@latest my-site -- --yes`
// would), install it and build it. Safe to re-run: it replaces the previous demo.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { kindSpec } from "../create-jam/src/engine/kinds.ts";
import { registry } from "../create-jam/src/engine/registry.ts";

const root = resolve(import.meta.dirname, "..");
const parent = join(root, ".demo");
const site = join(parent, "my-site");

function run(title: string, cmd: string, args: string[], cwd: string) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd, env: { ...process.env, CI: "true" } });
  if (r.status !== 0) {
    console.error(`✖ ${title} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}

run("build create-jam", "pnpm", ["exec", "turbo", "run", "build", "--filter=create-jam", "--output-logs=errors-only"], root);
rmSync(site, { recursive: true, force: true });
mkdirSync(parent, { recursive: true });
run("create-jam my-site --yes (generate and install)", "node", [join(root, "create-jam/dist/cli.mjs"), "my-site", "--yes", "--no-git"], parent);
run("pnpm build (in the generated site)", "pnpm", ["build"], site);
const framework = registry.find((m) => m.kind === "framework" && m.id === kindSpec("framework").default);
const out = join(site, "apps/web", String(framework?.data?.outDir));
console.log(`\n✓ The default site (${framework?.label}) is in ${site}\n  Its static build is in ${out}\n  Serve it: npx serve ${out}`);
