import { defineModule } from "../../create-jam/src/engine/define.ts";
import type { ModuleView, StackView } from "../../create-jam/src/engine/types.ts";
import { contentRefresh } from "../shared/content-refresh.ts";
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
  hint: "a Worker with static assets (apps/web/wrangler.jsonc); a preview per branch with wrangler preview",
  rules: [
    { kind: "backend", ids: ["supabase"], why: "firebase-admin reaches Firestore over gRPC on HTTP/2, which a Worker cannot open" },
    { kind: "auth", ids: ["auth0", "supabase"], why: "the server checks Firebase sign-ins with firebase-admin, a Node.js library (Node's http client, gRPC) that Workers do not run" },
  ],
  when: [
    { with: ["rendering:static"], files: "files-static" },
    // A hybrid site's Worker is built by the framework's Cloudflare adapter (its module's
    // `deploy:cloudflare` part) when WORKERS_CI is set, as Workers Builds does: part of the build's cache key.
    { with: ["rendering:hybrid"], turbo: { tasks: { build: { env: ["WORKERS_CI"] } } } },
  ],
  workspaces: { "apps/web": { devDependencies: ["wrangler"] } },
  // workerd's install script only checks its binary, which its platform package ships; sharp is
  // Miniflare's, for the Images binding this site does not use.
  allowBuilds: { workerd: false, sharp: false },
  gitignore: ["# wrangler's local state and secrets", ".wrangler/", ".dev.vars*", "!.dev.vars.example"],
  derive: (view) => {
    const refresh = withRefresh(view);
    const server = workerOf(view.has, view.framework);
    // `pnpm --filter web deploy:cloudflare` after `pnpm build`; the preview runs the built site in
    // workerd, offline. A framework whose Worker needs more (its cache filled first) names its own.
    const { deploy = "wrangler deploy", preview = "wrangler dev", branch = "wrangler preview" } = server?.scripts ?? {};
    // The section first, then how content changes reach the site (with a CMS).
    const build = `pnpm turbo run ${view.buildTasks.join(" ")} --filter=web`;
    const section = server ? hybridReadme(build, deploy) : staticReadme(build);
    return {
      ...refresh,
      workspaces: { "apps/web": { scripts: { "deploy:cloudflare": deploy, "preview:cloudflare": preview } } },
      readme: [section, commonReadme(branch), refresh.readme].filter(Boolean).join("\n\n"),
    };
  },
  dataFiles: {
    // wrangler reads apps/web/wrangler.jsonc (JSON is valid JSONC; the comments are in the README).
    "apps/web/wrangler.jsonc": (ctx) => {
      const server = workerOf(ctx.has, ctx.framework);
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
        // Variables set in the dashboard stay on a deploy (wrangler would drop those this file lacks).
        keep_vars: true,
        observability: { enabled: true },
      };
    },
  },
});

/**
 * A hybrid site's Worker, from its framework's `deploy:cloudflare` part: its entry and static files,
 * and what else it needs (bindings, given the Worker's name; scripts).
 */
interface FrameworkWorker {
  main: string;
  assets: string;
  bindings?: (worker: string) => Record<string, unknown>;
  scripts?: { deploy?: string; preview?: string; branch?: string };
}

function workerOf(has: StackView["has"], framework: ModuleView): FrameworkWorker | undefined {
  if (!has.rendering?.hybrid) return undefined;
  const server = framework.cloudflare as FrameworkWorker | undefined;
  if (!server) throw new Error(`${framework.id} is hybrid on Cloudflare without data.cloudflare: its module's deploy:cloudflare part names its Worker and assets`);
  return server;
}

const withRefresh = contentRefresh({
  rebuild: {
    env: [{ name: "CLOUDFLARE_DEPLOY_HOOK_URL", visibility: "secret", description: "a Workers Builds deploy hook (Worker › Settings › Builds › Deploy Hooks): /api/revalidate calls it after a content change" }],
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
