import { defineModule } from "../../create-jam/src/engine/define.ts";
import pkg from "./package.json" with { type: "json" };

export default defineModule(pkg, {
  id: "base",
  kind: "base",
  label: "Turborepo + pnpm monorepo",
  hint: "pnpm workspace, turbo tasks, shared TypeScript config, Biome, turbo gen",
  // pnpm 11 needs 22.13; the generated build scripts are TypeScript run by plain node (type stripping, 22.18).
  node: "22.18.0",
  packages: [{ from: "typescript-config", to: "packages/typescript-config", include: ["base.json", "README.md"] }],
  workspaces: {
    ".": {
      devDependencies: ["turbo", "@biomejs/biome", "@turbo/gen", "typescript"],
      scripts: {
        dev: "turbo run dev",
        build: "turbo run build",
        lint: "turbo run lint",
        "check-types": "turbo run check-types",
        format: "biome format --write .",
      },
    },
    "packages/typescript-config": { fields: { files: ["*.json"] } },
  },
  turbo: {
    tasks: {
      build: { dependsOn: ["^build"], inputs: ["$TURBO_DEFAULT$", ".env*"], outputs: [] },
      "check-types": { dependsOn: ["^build"] },
      lint: {},
      dev: { cache: false, persistent: true },
    },
  },
});
