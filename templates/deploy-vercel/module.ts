import { defineModule } from "../../create-jam/src/engine/define.ts";
import type { PackageCopy } from "../../create-jam/src/engine/types.ts";
import { versionOf } from "../../create-jam/src/engine/versions.ts";
import { contentRefresh } from "../shared/content-refresh.ts";
import { headersReadme, securityHeaders } from "../shared/security-headers.ts";
import pkg from "./package.json" with { type: "json" };

// Vercel skips the build when this exits 0. `turbo query affected --exit-code` exits 0 when nothing
// apps/web depends on changed since the last deployed commit, 1 when something did, 2 on error (so
// a shallow clone or a first deploy builds, the safe side).
// A redeploy of the same commit (a deploy hook after a CMS change, a manual redeploy) always builds.
const ignoreCommand = `[ -n "$VERCEL_GIT_PREVIOUS_SHA" ] && [ "$VERCEL_GIT_PREVIOUS_SHA" != "$VERCEL_GIT_COMMIT_SHA" ] && npx -y turbo@${versionOf("turbo")} query affected --packages web --exit-code --base "$VERCEL_GIT_PREVIOUS_SHA" --head HEAD`;

// A framework adapter that writes Vercel's Build Output itself (.vercel/output: Astro's, SvelteKit's,
// Nitro's) makes its config.json what Vercel serves by, not vercel.json: a step after the build puts
// the security headers in front of its routes (the same turbo task, so the cached output has them).
// Next.js is built by Vercel's own builder, which reads vercel.json's headers.
const buildOutputHeaders = {
  packages: [{ from: "security", to: "packages/security", include: ["scripts/vercel-headers.ts"] }] as PackageCopy[],
  workspaces: { "apps/web": { afterBuild: ["node ../../packages/security/scripts/vercel-headers.ts"] } },
};

export default defineModule(pkg, {
  id: "vercel",
  kind: "deploy",
  // It runs the functions' routes as its serverless functions.
  provides: ["functions"],
  // Its function files (api/*.mts) import @repo/functions.
  data: { mountsFunctions: true },
  label: "Vercel",
  hint: "apps/web as the project's Root Directory; preview deployment per branch",
  when: [
    // A static site's server routes are Vercel Functions in apps/web/api/, one file per route. Not in
    // a hybrid site: a root api/ folder would shadow the framework's own /api routes there.
    // knip cannot know them: Vercel finds them by their folder.
    { with: ["rendering:static"], files: "files-functions", knip: { "apps/web": { entry: ["api/**/*.mts"] } } },
    // A hybrid site's pages rendered on request are ISR functions on Vercel: a content change asks
    // for them again with the bypass token (packages/functions/src/purge/vercel.ts).
    // VERCEL picks the host's adapter (or its Next.js runtime): part of the build's cache key.
    {
      with: ["rendering:hybrid"],
      packages: [{ from: "functions", to: "packages/functions", include: ["src/purge/vercel.ts", "src/env.ts"] }],
      data: { purger: true },
      turbo: { tasks: { build: { env: ["VERCEL"] } } },
    },
    // Each hybrid framework's adapter for Vercel, in its config file (serverConfig), writing .vercel/output.
    {
      with: ["framework:astro", "rendering:hybrid"],
      ...buildOutputHeaders,
      workspaces: { "apps/web": { dependencies: ["@astrojs/vercel"], ...buildOutputHeaders.workspaces["apps/web"] } },
      turbo: { tasks: { build: { outputs: [".vercel/output/**"] } } },
      serverConfig: {
        imports: ['import vercel from "@astrojs/vercel";'],
        setup: [
          "// On Vercel the pages rendered on request are ISR functions, kept 60 s and regenerated at once by",
          "// /api/revalidate with VERCEL_BYPASS_TOKEN; /api/* stays a plain function.",
        ],
        adapter: ["process.env.VERCEL ? vercel({ isr: { expiration: 60, bypassToken: process.env.VERCEL_BYPASS_TOKEN, exclude: [/^\\/api\\//] } })"],
      },
    },
    {
      with: ["framework:sveltekit", "rendering:hybrid"],
      ...buildOutputHeaders,
      workspaces: { "apps/web": { devDependencies: ["@sveltejs/adapter-vercel"], ...buildOutputHeaders.workspaces["apps/web"] } },
      turbo: { tasks: { build: { outputs: [".vercel/output/**"] } } },
      serverConfig: { imports: ['import vercel from "@sveltejs/adapter-vercel";'], adapter: ["process.env.VERCEL ? kit2(vercel())"] },
    },
    {
      with: ["rendering:static"],
      readme: headersReadme("Vercel", "`apps/web/vercel.json` (`headers`)", "the page policy is written at build time, so a script added to the output afterwards is blocked, and a script or service you add that loads from another origin needs that origin in `packages/security/csp.json` (a module's `csp`, when create-jam adds it)."),
    },
    {
      with: ["rendering:hybrid"],
      readme: headersReadme(
        "Vercel",
        "`apps/web/vercel.json` (`headers`; with a framework's Build Output, its `config.json`)",
        "the framework's server sets the same headers on its own answers, and the page policy where it can (see the framework's section).",
      ),
    },
    // After the headers section: what the adapters that write Vercel's Build Output add to it.
    ...["astro", "sveltekit", "nuxt"].map((f) => ({
      with: [`framework:${f}`, "rendering:hybrid"],
      readme: "This framework's adapter writes Vercel's Build Output itself, whose routes Vercel serves by: the build's last step (`packages/security/scripts/vercel-headers.ts`) puts the same headers in front of them.",
    })),
    // Hugo is a binary Vercel installs itself, in a version too old unless told.
    { with: ["framework:hugo"], readme: "On Vercel set the environment variable `HUGO_VERSION` in the project settings to the Hugo the CI workflow installs (`.github/workflows/ci.yml`), since Vercel's default Hugo is too old." },
    {
      with: ["framework:gatsby"],
      readme: `On Vercel, \`apps/web/vercel.json\` sets no framework preset ("Other") on purpose: the site is the plain static folder \`apps/web/public/\` as \`pnpm build\` leaves it (search index included), without the builder plugin Vercel's Gatsby preset would add.`,
    },
    // Nitro picks its Vercel preset itself from VERCEL.
    { with: ["framework:nuxt", "rendering:hybrid"], ...buildOutputHeaders, turbo: { tasks: { build: { outputs: [".vercel/output/**"] } } } },
  ],
  derive: contentRefresh({
    rebuild: {
      env: [{ name: "VERCEL_DEPLOY_HOOK_URL", visibility: "secret", description: "a deploy hook (Project › Settings › Git › Deploy Hooks): /api/revalidate calls it after a content change" }],
      goLive: [{ phase: "webhooks", do: `Create a deploy hook for the production branch (Project › Settings › Git › Deploy Hooks) and set its URL as \`VERCEL_DEPLOY_HOOK_URL\` (Production).`, check: `after a content change, the Deployments list shows a new deployment.` }],
      readme: `### Vercel: rebuild on content changes

Pre-rendered pages are files made at build time, so a change to their content needs a new deployment: create a deploy hook for the production branch (Project › Settings › Git › Deploy Hooks) and set its URL as \`VERCEL_DEPLOY_HOOK_URL\` (production environment). \`/api/revalidate\` calls it once per verified webhook that changes a pre-rendered page.`,
    },
    purge: {
      env: [{ name: "VERCEL_BYPASS_TOKEN", visibility: "secret", description: "32 or more random characters, for builds and functions: /api/revalidate regenerates ISR pages with it after a content change" }],
      goLive: [{ phase: "variables", do: `Set \`VERCEL_BYPASS_TOKEN\` (\`openssl rand -hex 32\`) for every environment: \`/api/revalidate\` regenerates changed pages with it.`, check: `\`npx vercel env ls\` lists it for Production and Preview.` }],
      readme: `### Vercel: content changes show at once

Pages rendered on request are ISR functions on Vercel, kept 60 s. Set \`VERCEL_BYPASS_TOKEN\` (32 or more random characters, e.g. \`openssl rand -hex 32\`) for every environment: the build writes it into the ISR functions' config, and \`/api/revalidate\` asks for each changed page again with it (\`x-prerender-revalidate\`), which renders and caches it afresh. Without it a change shows within the 60 s.`,
    },
  }),
  dataFiles: {
    // Vercel reads vercel.json from the Root Directory, which for a monorepo is the app.
    "apps/web/vercel.json": (ctx) => ({
      $schema: "https://openapi.vercel.sh/vercel.json",
      // null (Next.js's static export): Vercel's Next.js builder would look for a server build.
      framework: ctx.framework.vercelFramework ?? null,
      installCommand: "pnpm install --frozen-lockfile",
      buildCommand: `cd ../.. && pnpm ${ctx.buildCommand} --filter=web`,
      // A hybrid build hands Vercel its own output (Build Output API or the framework preset's):
      // frameworks say so with data.vercelOutputDirectory = null.
      ...(ctx.framework.vercelOutputDirectory === null ? {} : { outputDirectory: ctx.framework.vercelOutputDirectory ?? ctx.framework.outDir }),
      ignoreCommand,
      // A static site's pages are <path>/index.html and its links end in "/": Vercel then answers
      // /path/ and redirects /path to it (308, which keeps a POST a POST), and runs api/checkout.mts
      // for /api/checkout/ too. A hybrid build's own output sets its routes.
      ...(ctx.has.rendering?.static ? { trailingSlash: true } : {}),
      // Every response Vercel sends (templates/shared/security-headers.ts): framing, sniffing,
      // referrers, plugins, base and form targets. The script policy is each page's own <meta>.
      headers: [{ source: "/(.*)", headers: Object.entries(securityHeaders(ctx)).map(([key, value]) => ({ key, value })) }],
    }),
  },
  goLive: [
    { phase: "account", do: `Create a Vercel account, and import the repository with **Root Directory** \`apps/web\` (\`apps/web/vercel.json\` sets the rest).`, check: `the project's Settings › General shows Root Directory \`apps/web\`.` },
    { phase: "variables", do: `Vercel's settings for the variables above are Project › Settings › Environment Variables: production values for *Production*, test keys for *Preview*.`, check: `\`npx vercel env ls\` lists them.` },
    { phase: "deploy", do: `Push to the production branch (or \`npx vercel --cwd apps/web --prod\`).`, check: `\`curl -s https://<your site>/api/entries/\` answers the posts as JSON, and the home page lists them.` },
  ],
  readme: `## Deploy: Vercel

Import the repository in Vercel and set **Root Directory** to \`apps/web\`; \`apps/web/vercel.json\` sets the rest: install and build through turbo, the output folder, and an ignore step that skips a deployment when nothing \`apps/web\` depends on changed. From a terminal: \`npx vercel --cwd apps/web\`.

Previews: every branch and pull request gets a preview deployment with its own URL. It reads the variables of the *Preview* environment (Project › Settings › Environment Variables), and a value may be set for one branch only (\`vercel env add NAME preview <branch>\`): give previews test keys (Stripe's test key, a CMS's draft token) and keep live keys in *Production*. \`VERCEL_ENV\` is \`preview\` there and \`VERCEL_URL\` the deployment's own address; a changed variable applies to the next deployment only.

**Rate limits:** the site's functions count checkouts and comments per visitor in each function instance's memory (\`packages/functions/src/rate-limit.ts\`); Vercel runs many instances, so that is a brake, not a quota. For a real one, add a rule in Vercel's firewall (Project › Firewall › Configure › New rule): *Request Path* equals \`/api/checkout/\` (and \`/api/comments/\`) and *Method* equals \`POST\`, then *Rate Limit*, fixed window, 60 s, 10 requests, keyed by IP.`,
});
