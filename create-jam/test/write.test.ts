import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Interrupted, writeTree } from "../src/engine/write.ts";

const tmp = () => mkdtempSync(join(process.env.JAM_TEST_TMP ?? tmpdir(), "jam-write-"));
const tree = new Map([["a.txt", "A"], ["dir/b.txt", "B"]]);

describe("writeTree", () => {
  it("creates the folder (and missing parents) with every file", async () => {
    const root = tmp();
    await writeTree(join(root, "x/y/site"), tree, { overwrite: false });
    expect(readFileSync(join(root, "x/y/site/dir/b.txt"), "utf8")).toBe("B");
    expect(readdirSync(join(root, "x/y"))).toEqual(["site"]);
  });

  it("leaves nothing behind when aborted mid-write, not even the parents it made", async () => {
    const root = tmp();
    const ac = new AbortController();
    const pending = writeTree(join(root, "new/site"), tree, { overwrite: false, signal: ac.signal, delayMs: 20 });
    setTimeout(() => ac.abort(), 30);
    await expect(pending).rejects.toBeInstanceOf(Interrupted);
    expect(readdirSync(root)).toEqual([]);
  });

  it("writes into an existing empty folder and keeps its .git", async () => {
    const root = tmp();
    mkdirSync(join(root, "site/.git"), { recursive: true });
    writeFileSync(join(root, "site/.git/HEAD"), "ref");
    await writeTree(join(root, "site"), tree, { overwrite: false });
    expect(readFileSync(join(root, "site/.git/HEAD"), "utf8")).toBe("ref");
    expect(existsSync(join(root, "site/a.txt"))).toBe(true);
    expect(readdirSync(root)).toEqual(["site"]);
  });

  it("refuses a non-empty folder without overwrite and touches nothing", async () => {
    const root = tmp();
    mkdirSync(join(root, "site"));
    writeFileSync(join(root, "site/mine.txt"), "keep");
    await expect(writeTree(join(root, "site"), tree, { overwrite: false })).rejects.toThrow(/not empty/);
    expect(readdirSync(join(root, "site"))).toEqual(["mine.txt"]);
    expect(readdirSync(root)).toEqual(["site"]);
  });

  it("replaces contents with overwrite, keeping .git", async () => {
    const root = tmp();
    mkdirSync(join(root, "site/.git"), { recursive: true });
    writeFileSync(join(root, "site/old.txt"), "old");
    await writeTree(join(root, "site"), tree, { overwrite: true });
    expect(readdirSync(join(root, "site")).sort()).toEqual([".git", "a.txt", "dir"]);
    expect(readdirSync(root)).toEqual(["site"]);
  });
});
