// The published entry point. Templates arrive embedded in this file (see build.ts): no network and
// no file reads outside the bundle while scaffolding.
import store from "virtual:templates";
import pkg from "../package.json" with { type: "json" };
import { JamError } from "./engine/errors.ts";
import { registry } from "./engine/registry.ts";
import { main } from "./cli/main.ts";

main(
  {
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    interactive: !!process.stdin.isTTY && !!process.stdout.isTTY,
    nodeVersion: process.versions.node,
    out: (text) => process.stdout.write(text),
  },
  { registry, store, version: pkg.version },
).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof JamError) {
      process.stderr.write(`✖ ${e.message}\n${e.fix ? `  ${e.fix}\n` : ""}`);
      process.exitCode = e.exitCode;
      // --json: a script reads why from stdout too.
      if (process.argv.includes("--json")) process.stdout.write(`${JSON.stringify({ ok: false, error: { message: e.message, fix: e.fix, exitCode: e.exitCode, ...(e.problems ? { problems: e.problems } : {}) } }, null, 2)}\n`);
    } else {
      process.stderr.write(`✖ create-jam hit a bug: ${(e as Error)?.stack ?? e}\nPlease report it with the command you ran.\n`);
      process.exitCode = 1;
    }
  },
);
