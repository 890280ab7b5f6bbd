import { defineModule } from "../../create-jam/src/engine/define.ts";
import pkg from "./package.json" with { type: "json" };

export default defineModule(pkg, {
  id: "vercel",
  kind: "deploy",
  label: "Vercel",
  hint: "apps/web as the project's Root Directory; preview deployment per branch",
  dataFiles: {
    // Vercel reads vercel.json from the Root Directory, which for a monorepo is the app.
    "apps/web/vercel.json": (ctx) => ({
      $schema: "https://openapi.vercel.sh/vercel.json",
      framework: ctx.framework.vercelFramework,
      installCommand: "pnpm install --frozen-lockfile",
      buildCommand: "cd ../.. && pnpm turbo run build --filter=web",
      outputDirectory: ctx.framework.outDir,
      // Exit 0 skips the build: nothing that apps/web depends on changed since the last deploy.
      ignoreCommand: "cd ../.. && pnpm dlx turbo-ignore web --fallback=HEAD^1",
    }),
  },
  readme: `## Deploy: Vercel

Import the repository in Vercel and set **Root Directory** to \`apps/web\`; \`apps/web/vercel.json\` sets the rest (install and build through turbo, output folder, skipping builds when nothing the app depends on changed). Every branch and pull request gets a preview deployment. Or from a terminal: \`npx vercel --cwd apps/web\`.`,
});
