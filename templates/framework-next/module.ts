import { defineModule } from "../../create-jam/src/engine/define.ts";
import pkg from "./package.json" with { type: "json" };

export default defineModule(pkg, {
  id: "next",
  kind: "framework",
  label: "Next.js",
  hint: "React, App Router, pages pre-rendered to static HTML",
  node: "20.9.0",
  packages: [{ from: "typescript-config", to: "packages/typescript-config", include: ["nextjs.json"] }],
  // Hybrid rendering for this framework comes in a later template version.
  rules: [{ kind: "rendering", ids: ["static"], why: "hybrid rendering is not built for Next.js yet" }],
  when: [{ with: ["search:pagefind"], files: "files-search" }],
  workspaces: {
    "apps/web": {
      dependencies: ["next", "react", "react-dom"],
      devDependencies: ["@types/node", "@types/react", "@types/react-dom", "typescript", "@repo/typescript-config"],
      scripts: {
        dev: "next dev",
        build: "next build",
        "check-types": "next typegen && tsc --noEmit",
        lint: "biome lint .",
      },
    },
  },
  turbo: { tasks: { build: { outputs: [".next/**", "!.next/cache/**", "out/**"] } } },
  // next-env.d.ts differs between `next dev` and `next build`: committed, it would break turbo's cache.
  gitignore: ["out/", ".next/", "next-env.d.ts"],
  // sharp ships prebuilt binaries in packages; its install script would try to download libvips.
  allowBuilds: { sharp: false },
  data: {
    outDir: "out",
    vercelFramework: "nextjs",
    devPort: 3000,
    // A static export needs no Next.js runtime on Netlify: the plugin would only get in the way.
    netlifyEnvironment: { NETLIFY_NEXT_PLUGIN_SKIP: "true" },
  },
});
