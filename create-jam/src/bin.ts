#!/usr/bin/env node
// The published bin. It turns on Node's compile cache (Node 22.1 and newer) before the CLI's bundle
// loads: a run after the first reuses the compiled bundle instead of compiling its templates again.
// The bench (bench/run.ts, generate) shows what it saves.
import module from "node:module";

module.enableCompileCache?.();
await import("./cli.ts");
