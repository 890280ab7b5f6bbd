// create-jam as users get it: the packed tarball run by npm and pnpm, offline scaffolding, and the
// same output whichever package manager started it.
import { execa } from "execa";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { listAll, listFiles, repoRoot, runCli, tempDir } from "../helpers.ts";

let tarball = "";
beforeAll(async () => {
  const out = tempDir("jam-pack-");
  await execa("npm", ["pack", "--pack-destination", out, "--ignore-scripts", "--silent"], { cwd: join(repoRoot, "create-jam") });
  tarball = join(out, readdirSync(out)[0] as string);
}, 60_000);

const args = ["site", "--yes", "--no-install", "--no-git"];

describe("the published package", () => {
  it("holds the bundle alone, with no runtime dependencies", async () => {
    const { stdout } = await execa("tar", ["-tzf", tarball]);
    const files = stdout.split("\n").filter(Boolean).sort();
    const chunks = files.filter((f) => f.startsWith("package/dist/chunks/"));
    expect(chunks.every((f) => f.endsWith(".mjs"))).toBe(true);
    // Every packed chunk is one the bundle imports: a chunk left from an earlier build is not shipped.
    const dist = join(repoRoot, "create-jam/dist");
    const code = [join(dist, "cli.mjs"), ...readdirSync(join(dist, "chunks")).map((c) => join(dist, "chunks", c))].map((f) => readFileSync(f, "utf8")).join("\n");
    for (const chunk of chunks) expect(code, chunk).toContain(`${chunk.slice("package/dist/chunks/".length)}"`);
    expect(files.filter((f) => !chunks.includes(f))).toEqual(["package/README.md", "package/dist/cli.mjs", "package/dist/cli.mjs.LEGAL.txt", "package/package.json"]);
    const pkg = JSON.parse(readFileSync(join(repoRoot, "create-jam/package.json"), "utf8"));
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it("runs through npm exec (what `npm create jam` does)", async () => {
    const cwd = tempDir();
    const r = await execa("npm", ["exec", "--yes", `--package=${tarball}`, "--", "create-jam", ...args], { cwd, stdin: "ignore", reject: false, all: true });
    expect(r.exitCode, r.all).toBe(0);
    expect(listAll(cwd)).toContain("site/jam.json");
  });

  it("runs through pnpm dlx (what `pnpm create jam` does)", async () => {
    const cwd = tempDir();
    const r = await execa("pnpm", [`--package=${tarball}`, "dlx", "create-jam", ...args], { cwd, stdin: "ignore", reject: false, all: true });
    expect(r.exitCode, r.all).toBe(0);
    expect(listAll(cwd)).toContain("site/jam.json");
  });

  it("writes the same files whichever package manager started it", async () => {
    const trees = [];
    for (const agent of ["npm/11.6.0 node/v24.21.0", "pnpm/11.28.11 npm/? node/v24.21.0", "yarn/1.22.22 npm/? node/v24.21.0", "bun/1.3.0 npm/? node/v24.21.0"]) {
      const cwd = tempDir();
      const r = await runCli(args, { cwd, env: { npm_config_user_agent: agent } });
      expect(r.exitCode, r.all).toBe(0);
      trees.push(listFiles(join(cwd, "site")).map((f) => [f, readFileSync(join(cwd, "site", f), "utf8")]));
    }
    for (const t of trees.slice(1)) expect(t).toEqual(trees[0]);
  });

  it.runIf(process.getuid?.() === 0)("scaffolds with no network at all (a network namespace without interfaces)", async () => {
    const cwd = tempDir();
    const r = await execa("unshare", ["-n", process.execPath, join(repoRoot, "create-jam/dist/cli.mjs"), ...args], { cwd, stdin: "ignore", reject: false, all: true });
    expect(r.exitCode, r.all).toBe(0);
    expect(listAll(cwd)).toContain("site/apps/web/package.json");
  });
});
