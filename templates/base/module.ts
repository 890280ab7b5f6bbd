import { defineModule } from "../../create-jam/src/engine/define.ts";
import pkg from "./package.json" with { type: "json" };

export default defineModule(pkg, {
  id: "base",
  kind: "base",
  label: "Turborepo + pnpm monorepo",
  hint: "pnpm workspace, turbo tasks, shared TypeScript config, Biome, turbo gen",
  // pnpm 11 needs 22.13; the generated build scripts are TypeScript run by plain node (type stripping, 22.18).
  node: "22.18.0",
  packages: [
    { from: "typescript-config", to: "packages/typescript-config", include: ["base.json", "README.md"] },
    // The site's one stylesheet: each framework's apps/web loads @repo/theme/site.css its own way.
    { from: "theme", to: "packages/theme", include: ["site.css", "README.md"] },
  ],
  gitignore: [
    "node_modules/",
    ".turbo/",
    "*.tsbuildinfo",
    ".generated/",
    "# .env.example is the committed list; values stay local",
    ".env",
    ".env.*",
    "!.env.example",
    ".vercel/",
    ".netlify/",
    ".DS_Store",
    "*.log",
  ],
  env: [{ name: "SITE_URL", visibility: "public", description: "the site's production URL, for canonical links", example: "https://example.com" }],
  workspaces: {
    ".": {
      devDependencies: ["turbo", "@biomejs/biome", "@turbo/gen", "typescript"],
      scripts: {
        dev: "turbo run dev",
        lint: "turbo run lint",
        "check-types": "turbo run check-types",
        format: "biome format --write .",
      },
    },
    "packages/typescript-config": { fields: { files: ["*.json"] } },
    "packages/theme": { fields: { exports: { "./site.css": "./site.css" } } },
    "apps/web": { dependencies: ["@repo/theme"] },
  },
  // `pnpm build` runs every task a full build needs (the site, then e.g. its search index).
  derive: ({ buildTasks }) => ({ workspaces: { ".": { scripts: { build: `turbo run ${buildTasks.join(" ")}` } } } }),
  // @turbo/gen bundles generators with esbuild, whose install script only links its packaged binary.
  allowBuilds: { esbuild: true },
  turbo: {
    tasks: {
      // `topo` does nothing itself: depending on it makes a package's check-types rerun when a
      // package it depends on changes (turbo's transit-node pattern), without building it.
      topo: { dependsOn: ["^topo"] },
      build: { dependsOn: ["^build"], inputs: ["$TURBO_DEFAULT$", ".env*"], outputs: [] },
      "check-types": { dependsOn: ["topo", "^build"] },
      // biome.json lives at the root, outside every package: name it or edits to it hit the cache.
      lint: { inputs: ["$TURBO_DEFAULT$", "$TURBO_ROOT$/biome.json"] },
      dev: { dependsOn: ["^build"], cache: false, persistent: true },
    },
  },
});
