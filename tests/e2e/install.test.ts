// The install step on a machine without pnpm: it fetches the pinned pnpm through npm instead of failing.
import { existsSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { runCli, tempDir } from "../helpers.ts";

it("installs through the registry's pnpm when pnpm is not installed", async () => {
  const cwd = tempDir();
  const bin = tempDir("jam-nopnpm-");
  symlinkSync(process.execPath, join(bin, "node"));
  const PATH = `${bin}:/usr/bin:/bin`;
  const { execa } = await import("execa");
  expect((await execa("pnpm", ["--version"], { env: { PATH }, reject: false })).exitCode).not.toBe(0);
  const r = await runCli(["site", "--yes", "--install", "--no-git"], { cwd, env: { PATH, CI: "true" }, timeout: 600_000 });
  expect(r.exitCode, r.all).toBe(0);
  expect(existsSync(join(cwd, "site/node_modules/.bin/turbo"))).toBe(true);
  expect(existsSync(join(cwd, "site/pnpm-lock.yaml"))).toBe(true);
});
