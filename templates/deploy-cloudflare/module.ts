import { chosenView, defineModule } from "../../create-jam/src/engine/define.ts";
import type { ModuleView, StackView } from "../../create-jam/src/engine/types.ts";
import { LIMITS } from "../../packages/functions/src/limits.ts";
import { contentRefresh } from "../shared/content-refresh.ts";
import { headersReadme } from "../shared/security-headers.ts";
import pkg from "./package.json" with { type: "json" };

// The newest date the workerd of the pinned wrangler (4.164.0: workerd 1.20261117.1) knows: a later
// one makes `wrangler dev` fall back with a warning, an earlier one turns off newer defaults
// (process.env filled from the Worker's variables needs 2025-04-01 or later).
const compatibilityDate = "2026-11-17";

/** A Worker's name: lowercase letters, digits and dashes, at most 63 characters. */
const workerName = (name: string) =>
  name
    .replace(/^@[^/]+\//, "")
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63) || "site";

export default defineModule(pkg, {
  id: "cloudflare",
  kind: "deploy",
  // A static site's server routes run in the Worker (files-static/apps/web/worker.mts), which
  // wrangler.jsonc starts for /api/* only; the build's files are the Worker's static assets. A
  // hybrid site's Worker is the framework's own server.
  provides: ["functions"],
  label: "Cloudflare",
  // Its asset layer reads _headers from the assets folder: base writes it into the framework's
  // public folder, which every framework copies there (one file, shared with Netlify).
  // Its Worker (worker.mts, or the framework's) imports @repo/functions.
  data: { headersFile: true, mountsFunctions: true },
  hint: "a Worker with static assets (apps/web/wrangler.jsonc); a preview per branch with wrangler preview",
  rules: [
    { kind: "backend", ids: ["supabase"], why: "firebase-admin reaches Firestore over gRPC on HTTP/2, which a Worker cannot open" },
    { kind: "auth", ids: ["auth0", "supabase"], why: "the server checks Firebase sign-ins with firebase-admin, a Node.js library (Node's http client, gRPC) that Workers do not run" },
  ],
  when: [
    { with: ["rendering:static"], files: "files-static" },
    // A hybrid site's Worker is built by the framework's Cloudflare adapter (the parts below, one per
    // framework) when WORKERS_CI is set, as Workers Builds does: part of the build's cache key.
    {
      with: ["rendering:hybrid"],
      turbo: { tasks: { build: { env: ["WORKERS_CI"] } } },
    },
    {
      // Its build writes dist/server/wrangler.json from apps/web/wrangler.jsonc, and
      // .wrangler/deploy/config.json, which sends `wrangler deploy` there: a cached build keeps both.
      with: ["framework:astro", "rendering:hybrid"],
      workspaces: { "apps/web": { dependencies: ["@astrojs/cloudflare"] } },
      turbo: { tasks: { build: { outputs: [".wrangler/deploy/**"] } } },
      data: { worker: { main: "@astrojs/cloudflare/entrypoints/server", assets: "dist/client" } },
      serverConfig: {
        imports: ['import cloudflare from "@astrojs/cloudflare";'],
        setup: [
          "// On Cloudflare (WORKERS_CI, as Workers Builds sets) the server is a Worker (apps/web/wrangler.jsonc):",
          "// pages pre-render in Node, where the build's variables are (BASE_PATH...); the site uses no",
          "// Cloudflare Images, so images pass through.",
          "const workers = Boolean(process.env.WORKERS_CI);",
        ],
        adapter: ['workers ? cloudflare({ prerenderEnvironment: "node", imageService: "passthrough" })'],
        config: ["  // The site keeps no sessions: without this, Cloudflare's adapter binds a KV namespace for them.", "  ...(workers ? { session: false } : {}),"],
      },
    },
    {
      // adapter-cloudflare (WORKERS_CI) writes the Worker and its static files to .svelte-kit/cloudflare;
      // the Worker imports .svelte-kit/cloudflare-tmp and .svelte-kit/output, which a cached build restores too.
      with: ["framework:sveltekit", "rendering:hybrid"],
      workspaces: { "apps/web": { devDependencies: ["@sveltejs/adapter-cloudflare"] } },
      turbo: { tasks: { build: { outputs: [".svelte-kit/cloudflare/**", ".svelte-kit/cloudflare-tmp/**", ".svelte-kit/output/**"] } } },
      data: { worker: { main: ".svelte-kit/cloudflare/_worker.js", assets: ".svelte-kit/cloudflare" } },
      serverConfig: {
        setup: [
          "// On Cloudflare (WORKERS_CI, as Workers Builds sets) the server is a Worker (apps/web/wrangler.jsonc).",
          "// Its adapter is imported then only: it loads wrangler, seconds that other builds and `vite dev` need not wait.",
          'const cloudflare = async () => (await import("@sveltejs/adapter-cloudflare")).default();',
        ],
        adapter: ["process.env.WORKERS_CI ? kit2(await cloudflare())"],
      },
    },
    {
      // Nitro picks its cloudflare-module preset itself when WORKERS_CI is set (Workers Builds):
      // the Worker is .output/server/index.mjs, the static files .output/public.
      with: ["framework:nuxt", "rendering:hybrid"],
      data: { worker: { main: ".output/server/index.mjs", assets: ".output/public" } },
      serverConfig: {
        setup: ["// On Cloudflare (WORKERS_CI, as Workers Builds sets) it is cloudflare-module: a Worker (apps/web/wrangler.jsonc)."],
        nitro: [
          "    // apps/web/wrangler.jsonc stays the one config wrangler reads (Nitro would write its own and",
          "    // redirect wrangler to it); Node's APIs come from its nodejs_compat flag.",
          "    cloudflare: { deployConfig: false, nodeCompat: true },",
        ],
      },
    },
    {
      // On Cloudflare (WORKERS_CI, as Workers Builds sets) OpenNext builds the server as a Worker:
      // `opennextjs-cloudflare build` runs open-next.config.ts's buildCommand (`next build`, in
      // standalone mode) and writes .open-next/, whose worker.js wrangler.jsonc starts. Its ISR cache
      // is an R2 bucket, its tags and revalidation queue Durable Objects (deployed with the Worker).
      with: ["framework:next", "rendering:hybrid"],
      files: "files-next-hybrid",
      // opennextjs-cloudflare loads it by its name.
      knip: { "apps/web": { entry: ["open-next.config.ts"] } },
      workspaces: {
        "apps/web": {
          dependencies: ["@opennextjs/cloudflare"],
          // Next.js's build script, replaced for this host (a part conditional on the framework may).
          scripts: { build: 'if [ -n "$WORKERS_CI" ]; then opennextjs-cloudflare build; else next build; fi' },
        },
      },
      turbo: { tasks: { build: { outputs: [".open-next/**"] } } },
      gitignore: [".open-next/"],
      data: {
        worker: {
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
          readme: `### Next.js on Cloudflare

With \`WORKERS_CI\` set (Workers Builds sets it; locally \`WORKERS_CI=1 pnpm build\`), \`pnpm build\` runs OpenNext (\`@opennextjs/cloudflare\`, \`apps/web/open-next.config.ts\`), which builds the Next.js server into a Worker in \`apps/web/.open-next\`. Its page cache (ISR) is an R2 bucket, the \`bucket_name\` of \`r2_buckets\` in \`apps/web/wrangler.jsonc\` (the Worker's name and \`-cache\`): create it once before the first deploy, \`pnpm --filter web exec wrangler r2 bucket create <bucket_name>\`. Its revalidation queue and its tags (\`revalidatePath\`) are Durable Objects, deployed with the Worker. \`opennextjs-cloudflare deploy\` (the deploy command) fills the cache with the pre-rendered pages, then deploys; \`pnpm --filter web preview:cloudflare\` does the same locally and runs the Worker in workerd, offline. Pass \`SITE_URL\` (the \`.dev.vars\` locally): Next.js hands the Worker requests for \`localhost\`, and the site's own POSTs are checked against \`SITE_URL\`'s origin.`,
        },
      },
    },
  ],
  workspaces: { "apps/web": { devDependencies: ["wrangler"] } },
  // workerd's install script only checks its binary, which its platform package ships; sharp is
  // Miniflare's, for the Images binding this site does not use.
  allowBuilds: { workerd: false, sharp: false },
  gitignore: ["# wrangler's local state and secrets", ".wrangler/", ".dev.vars*", "!.dev.vars.example"],
  derive: (view) => {
    const refresh = withRefresh(view);
    const server = workerOf(view);
    // `pnpm --filter web deploy:cloudflare` after `pnpm build`; the preview runs the built site in
    // workerd, offline. A framework whose Worker needs more (its cache filled first) names its own.
    const { deploy = "wrangler deploy", preview = "wrangler dev", branch = "wrangler preview" } = server?.scripts ?? {};
    // The section first, then how content changes reach the site (with a CMS).
    const build = `pnpm turbo run ${view.buildTasks.join(" ")} --filter=web`;
    const section = server ? hybridReadme(build, deploy) : staticReadme(build);
    return {
      ...refresh,
      workspaces: { "apps/web": { scripts: { "deploy:cloudflare": deploy, "preview:cloudflare": preview } } },
      readme: [section, server?.readme, commonReadme(branch), headers(Boolean(server)), limitsReadme(Boolean(server)), refresh.readme].filter(Boolean).join("\n\n"),
      goLive: [
        { phase: "account", do: `Create a Cloudflare account; in Workers & Pages › Create › Import a repository, set **Root directory** \`apps/web\` and **Build command** \`cd ../.. && ${build}\` (the deploy command: *Deploy: Cloudflare* below).`, check: `the Worker's Settings › Builds shows the repository and the root directory.` },
        { phase: "variables", do: `Cloudflare's settings for the variables above are the Worker's Settings › Variables and Secrets (or \`pnpm --filter web exec wrangler secret put NAME\`).`, check: `\`pnpm --filter web exec wrangler secret list\` lists the secrets.` },
        { phase: "deploy", do: `Push to the production branch (or \`WORKERS_CI=1 pnpm build\`, then \`pnpm --filter web run deploy:cloudflare\`, after \`pnpm --filter web exec wrangler login\`).`, check: `\`curl -s https://<your site>/api/entries/\` answers the posts as JSON, and the home page lists them.` },
        ...(refresh.goLive ?? []),
      ],
    };
  },
  dataFiles: {
    // wrangler reads apps/web/wrangler.jsonc (JSON is valid JSONC; the comments are in the README).
    "apps/web/wrangler.jsonc": (ctx) => {
      const server = workerOf(ctx);
      const name = workerName(ctx.name);
      return {
        $schema: "node_modules/wrangler/config-schema.json",
        name,
        compatibility_date: compatibilityDate,
        // Node's APIs the SDKs use (node:crypto...), and process.env filled from the Worker's variables and secrets.
        compatibility_flags: ["nodejs_compat"],
        main: server?.main ?? "worker.mts",
        assets: {
          directory: `./${server?.assets ?? ctx.framework.outDir}`,
          binding: "ASSETS",
          // Static: every page is a file, so the Worker starts for the functions only. Hybrid: a
          // request no file answers goes to the framework's server.
          ...(server ? {} : { run_worker_first: ["/api/*"] }),
          // /posts/x answers with a redirect to /posts/x/, where posts/x/index.html is.
          html_handling: "auto-trailing-slash",
        },
        // The resources the framework's Worker uses (a cache), bound by name.
        ...server?.bindings?.(name),
        // Cloudflare counts a static site's writes (worker.mts): one binding per limited route.
        ...(server ? {} : rateLimits(ctx.functions)),
        // Variables set in the dashboard stay on a deploy (wrangler would drop those this file lacks).
        keep_vars: true,
        observability: { enabled: true },
      };
    },
  },
});

const headers = (hybrid: boolean) =>
  headersReadme(
    "Cloudflare",
    "`_headers` (in the framework's public folder, copied into the Worker's assets)",
    hybrid
      ? "Cloudflare applies `_headers` to static assets only, not to the Worker's answers: the framework's server sets the same headers on the pages it renders (see the framework's section)."
      : "Cloudflare applies `_headers` to static assets only, not to the Worker's own answers (`/api/*`, whose headers the router sets).",
  );

/** Where the site's write routes are counted on Cloudflare (packages/functions/src/rate-limit.ts). */
const limitsReadme = (hybrid: boolean) =>
  hybrid
    ? "**Rate limits:** the routes run inside the framework's Worker, whose entry is the adapter's, so checkouts and comments are counted in each Worker isolate's memory: a brake, not a quota. For a real one, put the Worker on a custom domain and add a rate limiting rule on that zone (Security › WAF › Rate limiting rules): path `/api/checkout/` or `/api/comments/`, method `POST`, per IP, 10 (checkout) or 5 (comments) requests per minute."
    : "**Rate limits:** the Worker counts each visitor's checkouts and comments with Cloudflare's rate-limiting bindings (`ratelimits` in `apps/web/wrangler.jsonc`, one binding per route), counted per Cloudflare location; past the limit a POST gets 429.";

/**
 * The rate-limiting bindings for the stack's limited routes (packages/functions/src/limits.ts):
 * LIMIT_<NAME>, each with a namespace of its own (a namespace shared by two bindings shares their
 * counters, across Workers too). Counters are per Cloudflare location and eventually consistent.
 */
function rateLimits(functions: { handler: string }[]) {
  const names = Object.keys(LIMITS) as (keyof typeof LIMITS)[];
  const ratelimits = names
    .filter((n) => functions.some((f) => f.handler === n))
    .map((n) => ({ name: `LIMIT_${n.toUpperCase()}`, namespace_id: String(1001 + names.indexOf(n)), simple: { limit: LIMITS[n].requests, period: LIMITS[n].seconds } }));
  return ratelimits.length ? { ratelimits } : {};
}

/**
 * A hybrid site's Worker, from this module's part for its framework: its entry and static files,
 * and what else it needs (bindings, given the Worker's name; scripts; a README paragraph).
 */
interface FrameworkWorker {
  main: string;
  assets: string;
  bindings?: (worker: string) => Record<string, unknown>;
  scripts?: { deploy?: string; preview?: string; branch?: string };
  readme?: string;
}

function workerOf(view: { has: StackView["has"]; framework: ModuleView }): FrameworkWorker | undefined {
  if (!view.has.rendering?.hybrid) return undefined;
  const server = chosenView(view, "deploy", "cloudflare")?.worker as FrameworkWorker | undefined;
  if (!server) throw new Error(`${view.framework.id} is hybrid on Cloudflare without a Worker: templates/deploy-cloudflare needs a part for it (data.worker)`);
  return server;
}

const withRefresh = contentRefresh({
  rebuild: {
    env: [{ name: "CLOUDFLARE_DEPLOY_HOOK_URL", visibility: "secret", description: "a Workers Builds deploy hook (Worker › Settings › Builds › Deploy Hooks): /api/revalidate calls it after a content change" }],
    goLive: [{ phase: "webhooks", do: `Create a deploy hook for the production branch (the Worker › Settings › Builds › Deploy Hooks) and set its URL as \`CLOUDFLARE_DEPLOY_HOOK_URL\` (\`pnpm --filter web exec wrangler secret put CLOUDFLARE_DEPLOY_HOOK_URL\`).`, check: `after a content change, the Worker's Deployments list shows a new build.` }],
    readme: `### Cloudflare: rebuild on content changes

Pre-rendered pages are files made at build time, so a change to their content needs a new build: create a deploy hook for the production branch (your Worker › Settings › Builds › Deploy Hooks) and set its URL as \`CLOUDFLARE_DEPLOY_HOOK_URL\` (\`pnpm --filter web exec wrangler secret put CLOUDFLARE_DEPLOY_HOOK_URL\`). \`/api/revalidate\` calls it once per verified webhook that changes a pre-rendered page; hooks that fire before the first build starts are merged into one build.`,
  },
  purge: {
    readme: `### Cloudflare: content changes

Pages rendered on request are the Worker's: a change to their content shows within the minute their \`Cache-Control\` allows (SvelteKit's adapter keeps them that long in the Workers Cache API, on a custom domain; Cloudflare keeps other Worker responses in no cache of its own), and there is nothing to set. The pre-rendered pages that list them (the home page) need the deploy hook below.`,
  },
});

const staticReadme = (build: string) => `## Deploy: Cloudflare

The site is a Cloudflare Worker with static assets (\`apps/web/wrangler.jsonc\`): the build's files are served from Cloudflare's edge, and \`/api/*\` runs the site's functions in the Worker (\`apps/web/worker.mts\`, every route of \`packages/functions\`). No account is needed to try it: \`pnpm build\`, then \`pnpm --filter web preview:cloudflare\` runs the built site in workerd, Cloudflare's runtime, on your machine (offline).

${goLive(build, "`pnpm build`", "wrangler deploy")}`;

const hybridReadme = (build: string, deploy: string) => `## Deploy: Cloudflare

The site is a Cloudflare Worker with static assets (\`apps/web/wrangler.jsonc\`): the pre-rendered pages are files served from Cloudflare's edge, and every other request (the pages rendered on request, \`/api/*\`) runs the framework's own server in the Worker, as its Cloudflare adapter builds it. The build picks that adapter when \`WORKERS_CI\` is set, as Workers Builds does; anywhere else it builds the Node server. No account is needed to try it: \`WORKERS_CI=1 pnpm build\`, then \`pnpm --filter web preview:cloudflare\` runs it in workerd, Cloudflare's runtime, on your machine (offline).

${goLive(build, "`WORKERS_CI=1 pnpm build`", deploy)}`;

const goLive = (build: string, local: string, deploy: string) => `To go live, in the Cloudflare dashboard: Workers & Pages › Create › Import a repository, then set **Root directory** to \`apps/web\`, **Build command** to \`cd ../.. && ${build}\`, and set the deploy command to \`npx ${deploy}\`. Under Settings › Builds › Build watch paths, include \`apps/*\`, \`packages/*\` and the root's \`package.json\`, \`pnpm-lock.yaml\` and \`turbo.json\`: a push that touches none of them builds nothing. From a terminal: ${local}, then \`pnpm --filter web deploy:cloudflare\` (\`wrangler login\` first).`;

const commonReadme = (branch: string) => `Variables and secrets: set them under the Worker's Settings › Variables and Secrets, or with \`pnpm --filter web exec wrangler secret put NAME\`; locally \`wrangler dev\` reads \`apps/web/.dev.vars\` (gitignored). The Worker reads them as \`process.env\` (the \`nodejs_compat\` flag).

${branch === "wrangler preview" ? workerPreviews : versionPreviews(branch)}`;

const workerPreviews = `Previews per branch: Workers Builds runs other branches with \`npx wrangler versions upload\` by default; set that non-production branch deploy command to \`npx wrangler preview\` for a Worker Preview per branch, at \`<branch>-<worker>.<subdomain>.workers.dev\`, which Workers Builds posts on the pull request. A preview takes its own variables (the \`previews\` block of \`wrangler.jsonc\`, or the Worker's Previews settings): production's are not inherited, so give previews the keys they need, e.g. a CMS's preview token or Stripe's test key, and \`SITE_URL\` the preview's address.`;

// A Worker whose cache is filled before it starts (OpenNext's) is previewed as a version.
const versionPreviews = (branch: string) => `Previews per branch: set the non-production branch deploy command to \`npx ${branch}\` (\`wrangler preview\` would start the Worker with its cache empty): each branch's build becomes a version of the Worker with its own preview URL, which Workers Builds posts on the pull request. A version has the Worker's own variables and secrets, production's: keys a preview must not have (Stripe's live key) belong in a Worker of its own for previews.`;
