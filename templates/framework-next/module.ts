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
      // The hosts' builds differ from a local one: part of the build's cache key.
      turbo: { tasks: { build: { env: ["VERCEL", "NETLIFY"] } } },
      data: {
        outDir: ".next",
        start: "next start ${HOST:+-H $HOST}",
        vercelOutputDirectory: null,
        vercelFramework: "nextjs",
        // Next.js revalidates its own cached pages (revalidatePath), on every host: no host purge.
        ownPageCache: true,
        netlifyPublish: ".next",
        // Netlify's Next.js runtime (@netlify/plugin-nextjs, run by Netlify's build) serves the server part.
        netlifyEnvironment: {},
      },
      readme: `## Next.js: hybrid

\`pnpm build\` pre-renders every page; post pages (\`app/posts/[slug]/page.tsx\`) revalidate: \`export const revalidate = 60\` regenerates a page in the background at most once a minute after a request finds it stale, and a post added since the build renders on its first request. \`app/api/[...path]/route.ts\` mounts every route of \`packages/functions\` (\`GET /api/entries/\` and whatever the other modules add) on every request, and revalidates pages the Next.js way (\`revalidatePath\`) when a content webhook asks. Locally \`pnpm --filter web start\` runs \`next start\` on \`PORT\` (default 3000) and \`HOST\` (default every interface); Vercel and Netlify run the same build with their own Next.js runtime.`,
    },
    {
      // On Cloudflare (WORKERS_CI, as Workers Builds sets) OpenNext builds the server as a Worker:
      // `opennextjs-cloudflare build` runs open-next.config.ts's buildCommand (`next build`, in
      // standalone mode) and writes .open-next/, whose worker.js wrangler.jsonc starts. Its ISR cache
      // is an R2 bucket, its tags and revalidation queue Durable Objects (deployed with the Worker).
      with: ["rendering:hybrid", "deploy:cloudflare"],
      files: "files-cloudflare",
      workspaces: {
        "apps/web": {
          dependencies: ["@opennextjs/cloudflare"],
          scripts: { build: 'if [ -n "$WORKERS_CI" ]; then opennextjs-cloudflare build; else next build; fi' },
        },
      },
      turbo: { tasks: { build: { outputs: [".open-next/**"] } } },
      gitignore: [".open-next/"],
      readme: `### Next.js on Cloudflare

With \`WORKERS_CI\` set (Workers Builds sets it; locally \`WORKERS_CI=1 pnpm build\`), \`pnpm build\` runs OpenNext (\`@opennextjs/cloudflare\`, \`apps/web/open-next.config.ts\`), which builds the Next.js server into a Worker in \`apps/web/.open-next\`. Its page cache (ISR) is an R2 bucket, the \`bucket_name\` of \`r2_buckets\` in \`apps/web/wrangler.jsonc\` (the Worker's name and \`-cache\`): create it once before the first deploy, \`pnpm --filter web exec wrangler r2 bucket create <bucket_name>\`. Its revalidation queue and its tags (\`revalidatePath\`) are Durable Objects, deployed with the Worker. \`opennextjs-cloudflare deploy\` (the deploy command) fills the cache with the pre-rendered pages, then deploys; \`pnpm --filter web preview:cloudflare\` does the same locally and runs the Worker in workerd, offline. Pass \`SITE_URL\` (the \`.dev.vars\` locally): Next.js hands the Worker requests for \`localhost\`, and the site's own POSTs are checked against \`SITE_URL\`'s origin.`,
      data: {
        cloudflare: {
          main: ".open-next/worker.js",
          assets: ".open-next/assets",
          // OpenNext fills the R2 cache with the pre-rendered pages before it starts or deploys the Worker.
          scripts: { deploy: "opennextjs-cloudflare deploy", preview: "opennextjs-cloudflare preview", branch: "opennextjs-cloudflare upload" },
          bindings: (worker: string) => ({
            // The revalidation queue calls the Worker itself to regenerate a page.
            services: [{ binding: "WORKER_SELF_REFERENCE", service: worker }],
            r2_buckets: [{ binding: "NEXT_INC_CACHE_R2_BUCKET", bucket_name: `${worker}-cache` }],
            durable_objects: {
              bindings: [
                { name: "NEXT_CACHE_DO_QUEUE", class_name: "DOQueueHandler" },
                { name: "NEXT_TAG_CACHE_DO_SHARDED", class_name: "DOShardedTagCache" },
              ],
            },
            migrations: [{ tag: "v1", new_sqlite_classes: ["DOQueueHandler", "DOShardedTagCache"] }],
          }),
        },
      },
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
      gitignore: ["public/pagefind/"],
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
