// `npm run demo`: build create-jam, generate the default site (as `npm create jam@latest my-site -- --yes`
// would), install it and build it. Safe to re-run: it replaces the previous demo.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

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
console.log(`\n✓ The default site is in ${site}\n  Its static build is in ${join(site, "apps/web/dist")}\n  Serve it: cd ${site} && pnpm --filter web preview`);
