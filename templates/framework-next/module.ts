import { defineModule } from "../../create-jam/src/engine/define.ts";
import pkg from "./package.json" with { type: "json" };

export default defineModule(pkg, {
  id: "next",
  kind: "framework",
  label: "Next.js",
  hint: "React, App Router, pages pre-rendered to static HTML",
  node: "20.9.0",
  workspaces: {
    "apps/web": {
      dependencies: ["next", "react", "react-dom"],
      devDependencies: ["@types/node", "@types/react", "@types/react-dom", "typescript", "@repo/typescript-config"],
      scripts: {
        dev: "next dev",
        build: "next build",
        start: "next start",
        "check-types": "next typegen && tsc --noEmit",
        lint: "biome lint .",
      },
    },
  },
  turbo: { tasks: { build: { outputs: [".next/**", "!.next/cache/**", "out/**"] } } },
  allowBuilds: { sharp: false },
  data: { outDir: "out", vercelFramework: "nextjs", devPort: 3000 },
});
