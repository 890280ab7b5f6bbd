// Runs Hugo (the `hugo` on PATH, or the binary HUGO_BIN names) with this script's arguments, after
// checking it is there and recent enough, so a missing Hugo fails the build with one clear sentence.
// `node scripts/hugo.ts server` also re-exports the content whenever @repo/content (or the stylesheet
// of @repo/theme) changes.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { watchFile } from "node:fs";
import { fileURLToPath } from "node:url";

const bin = process.env.HUGO_BIN || "hugo";
const install =
  "install it with `brew install hugo`, `sudo apt-get install hugo` or `winget install Hugo.Hugo.Extended` (more ways: https://gohugo.io/installation/), or set HUGO_BIN to its path";

const probe = spawnSync(bin, ["version"], { encoding: "utf8" });
if (probe.error || probe.status !== 0) fail(`Hugo was not found (${bin}): ${install}.`);
// The templates and hugo.toml need Hugo 0.111 or newer.
const found = /v(\d+)\.(\d+)\.\d+/.exec(probe.stdout);
if (found && Number(found[1]) * 1000 + Number(found[2]) < 111) {
  const host = "on Vercel or Netlify, set the environment variable HUGO_VERSION to a newer one";
  fail(`Hugo ${found[0]} is too old: this site needs Hugo 0.111 or newer; ${install}; ${host}.`);
}

const args = process.argv.slice(2);
let watcher: ChildProcess | undefined;
if (args[0] === "server") {
  // Export once before the server starts, then again whenever a file the export imports changes
  // (Node's --watch: the content package's data), for `hugo server` to pick up.
  const exported = spawnSync(process.execPath, ["scripts/export-content.ts"], { stdio: "inherit" });
  if (exported.status !== 0) process.exit(exported.status ?? 1);
  const watch = ["--watch", "--watch-preserve-output", "scripts/export-content.ts"];
  watcher = spawn(process.execPath, watch, { stdio: "inherit" });
  // Node's --watch follows imported modules only: the stylesheet is a file the export reads.
  watchFile(fileURLToPath(import.meta.resolve("@repo/theme/site.css")), { interval: 500 }, () => {
    spawnSync(process.execPath, ["scripts/export-content.ts"], { stdio: "inherit" });
  });
}
// The path the site is served under (BASE_PATH, e.g. /my-site on GitHub Pages), for hugo.toml's baseURL.
const base = process.env.BASE_PATH?.replace(/\/+$/, "");
if (base) args.push("--baseURL", `${base}/`);
const hugo = spawn(bin, args, { stdio: "inherit" });
hugo.on("exit", (code, signal) => {
  watcher?.kill();
  process.exit(code ?? (signal ? 1 : 0));
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
