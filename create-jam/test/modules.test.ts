// The module data is the product: these checks keep it consistent as modules are added.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kinds, NONE } from "../src/engine/kinds.ts";
import { registry } from "../src/engine/registry.ts";
import { modulesOf } from "../src/engine/stack.ts";
import { versionOf } from "../src/engine/versions.ts";
import { repoRoot, store } from "./helpers.ts";

describe("module registry", () => {
  it("has one base module and at least one module per kind", () => {
    expect(registry.filter((m) => m.kind === "base")).toHaveLength(1);
    for (const k of kinds) expect(modulesOf(registry, k.kind).length, k.kind).toBeGreaterThan(0);
  });

  it("has unique ids within each kind and template folders that exist", () => {
    const keys = registry.map((m) => `${m.kind}:${m.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const m of registry) {
      const pkg = JSON.parse(readFileSync(join(repoRoot, "templates", m.dir, "package.json"), "utf8"));
      expect(pkg).toMatchObject({ name: m.template.name, version: m.template.version, private: true });
      expect(store[`templates/${m.dir}/files`], m.dir).toBeDefined();
    }
  });

  it("defaults name real modules (or none, for a kind that may be left out)", () => {
    for (const k of kinds) {
      const ids = [...modulesOf(registry, k.kind).map((m) => m.id), ...(k.optional ? [NONE] : [])];
      for (const d of [k.default].flat()) expect(ids, k.kind).toContain(d);
    }
  });

  it("has every framework name its public folder (where a search widget's script is bundled to)", () => {
    for (const m of modulesOf(registry, "framework")) expect(m.data?.publicDir, m.id).toMatch(/^(public|static)$/);
  });

  it("pins every dependency a module names", () => {
    for (const m of registry) {
      for (const patch of Object.values(m.workspaces ?? {}).filter((p) => p !== undefined)) {
        for (const dep of [...(patch.dependencies ?? []), ...(patch.devDependencies ?? [])]) {
          expect(() => versionOf(dep), `${m.dir}: ${dep}`).not.toThrow();
          expect(versionOf(dep)).toMatch(/^(\d+\.\d+\.\d+(-[\w.]+)?|workspace:\*)$/);
        }
      }
    }
  });

  it("copies only files that exist in the shared packages", () => {
    for (const m of registry) {
      for (const copy of m.packages ?? []) {
        const files = Object.keys(store[`packages/${copy.from}`] ?? {});
        for (const inc of copy.include) {
          expect(files.some((f) => (inc.endsWith("/") ? f.startsWith(inc) : f === inc)), `${m.dir}: ${copy.from}/${inc}`).toBe(true);
        }
      }
    }
  });

  it("rules name kinds and ids that exist", () => {
    for (const m of registry) {
      for (const rule of m.rules ?? []) {
        const ids = modulesOf(registry, rule.kind).map((x) => x.id);
        for (const id of rule.ids) expect(ids, `${m.dir} rule on ${rule.kind}`).toContain(id);
        expect(rule.why.length).toBeGreaterThan(10);
        if (rule.with) expect(registry.map((x) => `${x.kind}:${x.id}`), `${m.dir} rule with ${rule.with}`).toContain(rule.with);
      }
    }
  });

  it("keeps the repo's shared packages on the versions generated projects get", () => {
    for (const name of ["content", "functions"]) {
      const pkg = JSON.parse(readFileSync(join(repoRoot, "packages", name, "package.json"), "utf8"));
      for (const [dep, v] of Object.entries<string>(pkg.devDependencies ?? {})) expect(v, dep).toBe(versionOf(dep));
    }
  });
});

describe("pinned versions", () => {
  it("keeps turbo and @turbo/gen equal: `turbo gen` fetches @turbo/gen at turbo's own version", () => {
    expect(versionOf("@turbo/gen")).toBe(versionOf("turbo"));
  });
});
