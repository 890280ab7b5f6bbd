import { defineModule } from "../../create-jam/src/engine/define.ts";
import pkg from "./package.json" with { type: "json" };

export default defineModule(pkg, {
  id: "nuxt",
  kind: "framework",
  label: "Nuxt",
  hint: "Vue, pages pre-rendered by nuxt generate, no client JavaScript",
  // Nuxt 4.5's engines: ^22.19 || ^24.11.
  node: "22.19.0",
  rules: [{ kind: "rendering", ids: ["static"], why: "the Nuxt module has no hybrid mode yet" }],
  when: [{ with: ["search:pagefind"], files: "files-search" }],
  workspaces: {
    "apps/web": {
      dependencies: ["nuxt", "vue", "vue-router"],
      devDependencies: ["@types/node", "typescript", "vue-tsc"],
      scripts: {
        dev: "nuxt dev",
        build: "nuxt generate",
        preview: "nuxt preview",
        "check-types": "nuxt typecheck",
        lint: "biome lint .",
      },
    },
  },
  turbo: { tasks: { build: { outputs: [".output/**"] } } },
  gitignore: [".output/", ".nuxt/", ".nitro/", ".data/"],
  allowBuilds: { esbuild: true },
  data: { outDir: ".output/public", vercelFramework: "nuxtjs", devPort: 3000 },
});
