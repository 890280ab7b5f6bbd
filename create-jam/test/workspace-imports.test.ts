// Every workspace package a generated file imports is declared by the workspace it sits in, over
// the pairwise stacks: a module part that sets an app's dependencies must add to what another part
// gave, not replace it (a hybrid build once lost @repo/sections that way, and failed to resolve it).
import { describe, expect, it } from "vitest";
import { pairwise } from "../src/engine/matrix.ts";
import { registry } from "../src/engine/registry.ts";
import { plan } from "./helpers.ts";

const IMPORT = /(?:from\s*|import\s*\(\s*|import\s+)["'](@repo\/[a-z0-9-]+)(?:\/[^"']*)?["']/g;
const SOURCE = /\.(?:[cm]?[jt]sx?|astro|svelte|vue)$/;

describe("workspace imports", { timeout: 300_000 }, () => {
  it("every @repo/* package a file imports is a dependency of its workspace", () => {
    for (const choices of pairwise(registry).allowed) {
      const tree = plan(choices);
      const manifests = [...tree.keys()].filter((p) => p.endsWith("package.json") && !p.includes("node_modules")).map((p) => p.replace(/package\.json$/, ""));
      for (const [path, content] of tree) {
        if (!SOURCE.test(path) || typeof content !== "string") continue;
        // The innermost workspace holding the file.
        const root = manifests.filter((m) => path.startsWith(m)).sort((a, b) => b.length - a.length)[0];
        if (root === undefined) continue;
        const pkg = JSON.parse(tree.get(`${root}package.json`) as string);
        const declared = new Set([pkg.name, ...Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies })]);
        for (const [, name] of content.matchAll(IMPORT)) {
          expect(declared.has(name), `${JSON.stringify(choices)}: ${path} imports ${name}, which ${root}package.json does not declare`).toBe(true);
        }
      }
    }
  });
});
