import { defineModule } from "../../create-jam/src/engine/define.ts";
import pkg from "./package.json" with { type: "json" };

export default defineModule(pkg, {
  id: "astro",
  kind: "framework",
  label: "Astro",
  hint: "static HTML, zero JavaScript by default",
  node: "22.12.0",
  // Hybrid rendering for this framework comes in a later template version.
  rules: [{ kind: "rendering", ids: ["static"], why: "hybrid rendering is not built for Astro yet" }],
  when: [{ with: ["search:pagefind"], files: "files-search" }],
  workspaces: {
    "apps/web": {
      dependencies: ["astro"],
      devDependencies: ["@astrojs/check", "@types/node", "typescript", "@repo/typescript-config"],
      scripts: {
        dev: "astro dev",
        build: "astro build",
        preview: "astro preview",
        "check-types": "astro check",
        lint: "biome lint .",
      },
    },
  },
  turbo: { tasks: { build: { outputs: ["dist/**"] } } },
  gitignore: ["dist/", ".astro/"],
  // @astrojs/check's wasm runtime accepts @emnapi 1.x or a 2.0 beta for its peers; the beta breaks
  // `astro check` (which then exits 0 after printing an error), so both stay on 1.x.
  overrides: ["@emnapi/core", "@emnapi/runtime"],
  // sharp's install script would download libvips; its prebuilt package is enough for Astro.
  allowBuilds: { esbuild: true, sharp: false },
  data: { outDir: "dist", vercelFramework: "astro", devPort: 4321 },
});
