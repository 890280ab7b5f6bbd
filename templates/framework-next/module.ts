import { defineModule } from "../../create-jam/src/engine/define.ts";
import { sectionRoutes } from "../shared/sections.ts";
import pkg from "./package.json" with { type: "json" };

export default defineModule(pkg, {
  id: "next",
  kind: "framework",
  // Its route for each page section another module adds (files-sections/, __section__ in the path).
  derive: sectionRoutes(),
  label: "Next.js",
  hint: "React, App Router, pages pre-rendered to static HTML",
  node: "20.9.0",
  packages: [{ from: "typescript-config", to: "packages/typescript-config", include: ["nextjs.json"] }],
  when: [
    { with: ["search:pagefind"], files: "files-search" },
    {
      // next.config.ts drops `output: "export"`; post pages revalidate; app/api/[...path] mounts packages/functions.
      // Vercel and Netlify build Next.js with their own runtime (no adapter to install).
      with: ["rendering:hybrid"],
      files: "files-hybrid",
      workspaces: { "apps/web": { scripts: { start: "next start ${HOST:+-H $HOST}" } } },
      data: {
        outDir: ".next",
        start: "next start ${HOST:+-H $HOST}",
        vercelOutputDirectory: null,
        vercelFramework: "nextjs",
        // Next.js revalidates its own cached pages (revalidatePath), on every host: no host purge.
        ownPageCache: true,
        // Netlify's Next.js runtime (@netlify/plugin-nextjs, run by Netlify's build) serves the server part.
        netlifyEnvironment: {},
        // next.config.ts reads the security headers (no script policy: see the README).
        pageSecurity: { hook: "headers", file: "apps/web/next.config.ts" },
      },
      readme: `## Next.js: hybrid

\`pnpm build\` pre-renders every page; post pages (\`app/posts/[slug]/page.tsx\`) revalidate: \`export const revalidate = 60\` regenerates a page in the background at most once a minute after a request finds it stale, and a post added since the build renders on its first request. \`app/api/[...path]/route.ts\` mounts every route of \`packages/functions\` (\`GET /api/entries/\` and whatever the other modules add) on every request, and revalidates pages the Next.js way (\`revalidatePath\`) when a content webhook asks. Locally \`pnpm --filter web start\` runs \`next start\` on \`PORT\` (default 3000) and \`HOST\` (default every interface); Vercel and Netlify run the same build with their own Next.js runtime.`,
    },
    {
      // Pagefind reads URL-shaped copies of the pre-rendered pages (scripts/pagefind-html.mjs) and
      // writes its index to public/, which the Next.js server serves.
      with: ["rendering:hybrid", "search:pagefind"],
      files: "files-hybrid-search",
      workspaces: { "apps/web": { scripts: { "pagefind-html": "node scripts/pagefind-html.mjs" } } },
      turbo: {
        tasks: {
          "pagefind-html": { dependsOn: ["build"], outputs: [".next/pagefind-html/**"] },
          index: { dependsOn: ["pagefind-html"] },
        },
      },
      // From the root, as every line of the root .gitignore (a pattern with an inner slash is anchored there).
      gitignore: ["apps/web/public/pagefind/"],
      data: { pagefind: { site: ".next/pagefind-html", output_path: "public/pagefind" } },
    },
  ],
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
  data: { publicDir: "public",
    outDir: "out",
    // A static export is plain files to Vercel: its Next.js builder would look for a server build
    // (routes-manifest.json) and fail. Hybrid sets "nextjs".
    vercelFramework: null,
    devPort: 3000,
    // A static export needs no Next.js runtime on Netlify: the plugin would only get in the way.
    netlifyEnvironment: { NETLIFY_NEXT_PLUGIN_SKIP: "true" },
  },
});
