import { defineModule } from "../../create-jam/src/engine/define.ts";
import pkg from "./package.json" with { type: "json" };

export default defineModule(pkg, {
  id: "sveltekit",
  kind: "framework",
  label: "SvelteKit",
  hint: "Svelte, pages pre-rendered to HTML with no client JavaScript",
  // SvelteKit 3's engines: >=22.17.
  node: "22.17.0",
  rules: [{ kind: "rendering", ids: ["static"], why: "hybrid rendering for SvelteKit is not written yet" }],
  when: [
    { with: ["search:pagefind"], files: "files-search" },
    // The post page's server module differs: pre-rendered (static) or rendered on request (hybrid).
    { with: ["rendering:static"], files: "files-static" },
  ],
  workspaces: {
    "apps/web": {
      devDependencies: [
        "@sveltejs/kit",
        "@sveltejs/adapter-static",
        "@sveltejs/vite-plugin-svelte",
        "svelte",
        "svelte-check",
        "vite",
        "typescript",
        "@types/node",
      ],
      scripts: {
        dev: "vite dev",
        build: "vite build",
        preview: "vite preview",
        "check-types": "svelte-kit sync && svelte-check --tsconfig ./tsconfig.json",
        lint: "biome lint .",
      },
      // SvelteKit 3 has no $lib alias: src/lib is reached through Node's subpath imports (#lib/site.ts).
      fields: { imports: { "#lib/*": "./src/lib/*" } },
    },
  },
  turbo: { tasks: { build: { outputs: ["build/**"] } } },
  gitignore: ["build/", ".svelte-kit/"],
  allowBuilds: { esbuild: true },
  data: { outDir: "build", vercelFramework: "sveltekit", devPort: 5173 },
  readme: `## SvelteKit

SvelteKit 3 takes its options in \`apps/web/vite.config.ts\` (\`sveltekit({ adapter, ... })\`): there is no \`svelte.config.js\`, and no \`$lib\` alias; \`src/lib\` is imported as \`#lib/...\` through the \`imports\` field of \`apps/web/package.json\`. \`src/routes/+layout.ts\` pre-renders every page with trailing-slash URLs and turns client-side rendering off (\`csr = false\`), so the pages ship no JavaScript; set it to \`true\` for client-side navigation and interactive components. \`svelte-kit sync\` (run by \`vite dev\`, \`vite build\` and \`pnpm check-types\`) writes the generated types and the \`$app/tsconfig\` that \`tsconfig.json\` extends.`,
});
