// The module data is the product: these checks keep it consistent as modules are added.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kinds, NONE } from "../src/engine/kinds.ts";
import { registry } from "../src/engine/registry.ts";
import { modulesOf } from "../src/engine/stack.ts";
import { versionOf } from "../src/engine/versions.ts";
import { plan, repoRoot, store } from "./helpers.ts";

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

describe("integrations are N + F: a host's part of a framework lives in the host's module", () => {
  const frameworks = registry.filter((m) => m.kind === "framework");

  it("no framework module has a part conditional on a host, and no framework template tests which host is chosen", () => {
    for (const f of frameworks) {
      const onHosts = (f.when ?? []).filter((c) => c.with.some((w) => w.startsWith("deploy:")));
      expect(onHosts.map((c) => c.with.join(" ")), f.id).toEqual([]);
      for (const [folder, files] of Object.entries(store).filter(([k]) => k.startsWith(`templates/framework-${f.id}/`))) {
        for (const path of Object.keys(files)) {
          const text = readFileSync(join(repoRoot, folder, path), "utf8");
          expect(text, `${folder}/${path}`).not.toMatch(/has\.deploy\./);
        }
      }
    }
  });

  it("a host module made for the test reaches a framework's config through its serverConfig part alone", () => {
    const host = {
      ...registry.find((m) => m.kind === "deploy" && m.id === "vercel")!,
      id: "test-host",
      label: "Test host",
      when: [
        {
          with: ["framework:astro", "rendering:hybrid"],
          serverConfig: { imports: ['import testHost from "astro-test-host";'], setup: ["// The test host."], adapter: ["process.env.TEST_HOST ? testHost()"], config: ["  testHostOption: true,"] },
        },
      ],
    };
    const tree = plan({ framework: "astro", rendering: "hybrid", deploy: ["test-host"] }, {}, [...registry.filter((m) => m.id !== "vercel"), host]);
    const config = tree.get("apps/web/astro.config.mjs") as string;
    // Its import sorted among the framework's own, its adapter chained before the Node server's.
    expect(config).toMatch(/^import node from "@astrojs\/node";\nimport testHost from "astro-test-host";\nimport \{ defineConfig \} from "astro\/config";$/m);
    expect(config).toContain("// The test host.\nconst adapter = process.env.TEST_HOST ? testHost() : node({ mode: \"standalone\" });");
    expect(config).toContain("  adapter,\n  testHostOption: true,\n");
  });
});

describe("pinned versions", () => {
  it("keeps turbo and @turbo/gen equal: `turbo gen` fetches @turbo/gen at turbo's own version", () => {
    expect(versionOf("@turbo/gen")).toBe(versionOf("turbo"));
  });
});
