import { defineModule } from "../../create-jam/src/engine/define.ts";
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
  // The site's server routes run in the Worker (files/apps/web/worker.mts), which wrangler.jsonc
  // starts for /api/* only; the build's files are the Worker's static assets.
  provides: ["functions"],
  label: "Cloudflare",
  hint: "a Worker with static assets (apps/web/wrangler.jsonc); a preview per branch with wrangler preview",
  rules: [
    { kind: "rendering", ids: ["static"], why: "create-jam does not set up the frameworks' Cloudflare adapters yet, so a site on Cloudflare is pre-rendered" },
    { kind: "backend", ids: ["supabase"], why: "firebase-admin reaches Firestore over gRPC on HTTP/2, which a Worker cannot open" },
    { kind: "auth", ids: ["auth0", "supabase"], why: "the server checks Firebase sign-ins with firebase-admin, a Node.js library (Node's http client, gRPC) that Workers do not run" },
  ],
  workspaces: {
    "apps/web": {
      devDependencies: ["wrangler"],
      // `pnpm --filter web deploy:cloudflare` after `pnpm build`; the preview runs the built site in workerd, offline.
      scripts: { "deploy:cloudflare": "wrangler deploy", "preview:cloudflare": "wrangler dev" },
    },
  },
  // workerd's install script only checks its binary, which its platform package ships; sharp is
  // Miniflare's, for the Images binding this site does not use.
  allowBuilds: { workerd: false, sharp: false },
  gitignore: ["# wrangler's local state and secrets", ".wrangler/", ".dev.vars*", "!.dev.vars.example"],
  derive: (view) => {
    const refresh = withRefresh(view);
    // The section first, then how content changes reach the site (with a CMS).
    return { ...refresh, readme: [deployReadme(`pnpm turbo run ${view.buildTasks.join(" ")} --filter=web`), refresh.readme].filter(Boolean).join("\n\n") };
  },
  dataFiles: {
    // wrangler reads apps/web/wrangler.jsonc (JSON is valid JSONC; the comments are in the README).
    "apps/web/wrangler.jsonc": (ctx) => ({
      $schema: "node_modules/wrangler/config-schema.json",
      name: workerName(ctx.name),
      compatibility_date: compatibilityDate,
      // Node's APIs the SDKs use (node:crypto...), and process.env filled from the Worker's variables and secrets.
      compatibility_flags: ["nodejs_compat"],
      main: "worker.mts",
      assets: {
        directory: `./${ctx.framework.outDir}`,
        binding: "ASSETS",
        run_worker_first: ["/api/*"],
        // /posts/x answers with a redirect to /posts/x/, where posts/x/index.html is.
        html_handling: "auto-trailing-slash",
      },
      observability: { enabled: true },
    }),
  },
});

const withRefresh = contentRefresh({
  rebuild: {
    env: [{ name: "CLOUDFLARE_DEPLOY_HOOK_URL", visibility: "secret", description: "a Workers Builds deploy hook (Worker › Settings › Builds › Deploy Hooks): /api/revalidate calls it after a content change" }],
    readme: `### Cloudflare: rebuild on content changes

Pre-rendered pages are files made at build time, so a change to their content needs a new build: create a deploy hook for the production branch (your Worker › Settings › Builds › Deploy Hooks) and set its URL as \`CLOUDFLARE_DEPLOY_HOOK_URL\` (\`pnpm --filter web exec wrangler secret put CLOUDFLARE_DEPLOY_HOOK_URL\`). \`/api/revalidate\` calls it once per verified webhook that changes a pre-rendered page; hooks that fire before the first build starts are merged into one build.`,
  },
  purge: {},
});

const deployReadme = (build: string) => `## Deploy: Cloudflare

The site is a Cloudflare Worker with static assets (\`apps/web/wrangler.jsonc\`): the build's files are served from Cloudflare's edge, and \`/api/*\` runs the site's functions in the Worker (\`apps/web/worker.mts\`, every route of \`packages/functions\`). No account is needed to try it: \`pnpm build\`, then \`pnpm --filter web preview:cloudflare\` runs the built site in workerd, Cloudflare's runtime, on your machine (offline).

To go live, in the Cloudflare dashboard: Workers & Pages › Create › Import a repository, then set **Root directory** to \`apps/web\`, **Build command** to \`cd ../.. && ${build}\`, and keep the deploy command \`npx wrangler deploy\`. Under Settings › Builds › Build watch paths, include \`apps/*\`, \`packages/*\` and the root's \`package.json\`, \`pnpm-lock.yaml\` and \`turbo.json\`: a push that touches none of them builds nothing. From a terminal: \`pnpm build\`, then \`pnpm --filter web deploy:cloudflare\` (\`wrangler login\` first).

Variables and secrets: set them under the Worker's Settings › Variables and Secrets, or with \`pnpm --filter web exec wrangler secret put NAME\`; locally \`wrangler dev\` reads \`apps/web/.dev.vars\` (gitignored). The Worker reads them as \`process.env\` (the \`nodejs_compat\` flag).

Previews per branch: Workers Builds runs other branches with \`npx wrangler versions upload\` by default; set that non-production branch deploy command to \`npx wrangler preview\` for a Worker Preview per branch, at \`<branch>-<worker>.<subdomain>.workers.dev\`, which Workers Builds posts on the pull request. A preview takes its own variables (the \`previews\` block of \`wrangler.jsonc\`, or the Worker's Previews settings): production's are not inherited, so give previews the keys they need, e.g. a CMS's preview token or Stripe's test key, and \`SITE_URL\` the preview's address.`;
