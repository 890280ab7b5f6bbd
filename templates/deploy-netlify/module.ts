import { chosenView, defineModule } from "../../create-jam/src/engine/define.ts";
import { versionOf } from "../../create-jam/src/engine/versions.ts";
import { contentRefresh } from "../shared/content-refresh.ts";
import { headersReadme } from "../shared/security-headers.ts";
import pkg from "./package.json" with { type: "json" };

// Netlify cancels the build when this exits 0 (nothing apps/web depends on changed). Equal refs mean
// an uncached or manual build: always build then.
const ignore = `if [ "$CACHED_COMMIT_REF" = "$COMMIT_REF" ]; then exit 1; fi; npx -y turbo@${versionOf("turbo")} query affected --packages web --exit-code --base "$CACHED_COMMIT_REF" --head "$COMMIT_REF"`;

export default defineModule(pkg, {
  id: "netlify",
  kind: "deploy",
  // It runs the functions' routes as its serverless functions.
  provides: ["functions"],
  label: "Netlify",
  // It reads _headers from the publish folder: base writes it into the framework's public folder
  // (one file, shared with Cloudflare, so a stack on both hosts sends each header once).
  // Its function files (netlify/functions/api.mts) import @repo/functions.
  data: { headersFile: true, mountsFunctions: true },
  hint: "netlify.toml at the root, apps/web as the package; deploy previews per pull request and branch",
  when: [
    // netlify.toml's environment names the Hugo to install (the framework's data.netlifyEnvironment).
    { with: ["framework:hugo"], readme: "Netlify installs the Hugo that `netlify.toml` names (`HUGO_VERSION`)." },
    // A static site's server routes are one Netlify Function (apps/web/netlify/functions/api.mts)
    // whose config.path lists them; a hybrid site's adapter packages the framework's own routes.
    {
      with: ["rendering:static"],
      files: "files-functions",
      // Netlify finds it by its folder (knip's plugin looks beside netlify.toml, at the root).
      knip: { "apps/web": { entry: ["netlify/functions/*.mts"] } },
      readme: [
        headersReadme("Netlify", "`_headers` (in the framework's public folder, copied into the publish folder)", "Netlify applies `_headers` to the files it serves itself, not to its functions' answers (the router sets those) nor to a proxied response."),
        "**Rate limits:** Netlify counts the API function's requests per visitor itself (`rateLimit` in `apps/web/netlify/functions/api.mts`: 100 a minute, by IP and domain, then 429), and the function counts checkouts and comments per visitor in each instance's memory on top: a brake, not a quota.",
      ].join("\n\n"),
    },
    {
      with: ["rendering:hybrid"],
      readme: [
        headersReadme(
          "Netlify",
          "`_headers` (in the framework's public folder, copied into the publish folder)",
          "Netlify applies `_headers` to the files it serves itself, not to its server function's answers: the framework's server sets the same headers on the pages it renders (see the framework's section). Check once on a deploy preview that they arrive on a post page (`curl -I https://<preview>/posts/<slug>/`).",
        ),
        // The framework's adapter writes its server function and that function's config: no rateLimit of ours there.
        "**Rate limits:** the routes run inside the framework's server function, which its adapter writes, so checkouts and comments are counted in each instance's memory: a brake, not a quota. For a real one, add a rate limiting rule in Netlify's UI (Project configuration › Security, on plans that have it) for `POST` to `/api/checkout/` and `/api/comments/`, per IP: 10 and 5 a minute.",
      ].join("\n\n"),
    },
    // A hybrid site's pages rendered on request sit in Netlify's durable cache, tagged: a content
    // change purges their tags (packages/functions/src/purge/netlify.ts, @netlify/functions).
    {
      with: ["rendering:hybrid"],
      packages: [{ from: "functions", to: "packages/functions", include: ["src/purge/netlify.ts", "src/env.ts"] }],
      // packages/functions/src/purgers.ts imports it.
      data: { purger: true },
      workspaces: { "packages/functions": { dependencies: ["@netlify/functions"] } },
      env: [{ name: "NETLIFY_PURGE_API_URL", visibility: "secret", description: "another API for cache purges than Netlify's (a test server); leave empty" }],
      // NETLIFY picks the host's adapter (or its Next.js runtime): part of the build's cache key.
      turbo: { tasks: { build: { env: ["NETLIFY"] } } },
    },
    // Each hybrid framework's adapter for Netlify, in its config file (serverConfig), writing the
    // server to .netlify/; data.publish: where it puts the static files.
    {
      with: ["framework:astro", "rendering:hybrid"],
      workspaces: { "apps/web": { dependencies: ["@astrojs/netlify"] } },
      turbo: { tasks: { build: { outputs: [".netlify/**"] } } },
      serverConfig: {
        imports: ['import netlify from "@astrojs/netlify";'],
        adapter: ["process.env.NETLIFY ? netlify()"],
        config: ["  // Netlify's adapter writes the static files to outDir itself: dist/client, as with the others.", '  outDir: process.env.NETLIFY ? "dist/client" : "dist",'],
      },
    },
    {
      with: ["framework:sveltekit", "rendering:hybrid"],
      workspaces: { "apps/web": { devDependencies: ["@sveltejs/adapter-netlify"] } },
      turbo: { tasks: { build: { outputs: [".netlify/**"] } } },
      data: { publish: "build" },
      serverConfig: { imports: ['import netlify from "@sveltejs/adapter-netlify";'], adapter: ["process.env.NETLIFY ? kit2(netlify())"] },
    },
    // Netlify's Next.js runtime (@netlify/plugin-nextjs, run by Netlify's build) takes the .next build.
    { with: ["framework:next", "rendering:hybrid"], data: { publish: ".next" } },
    // Nitro picks its Netlify preset itself from NETLIFY; it writes the static files to dist/.
    { with: ["framework:nuxt", "rendering:hybrid"], turbo: { tasks: { build: { outputs: [".netlify/**", "dist/**"] } } }, data: { publish: "dist" } },
  ],
  derive: contentRefresh({
    rebuild: {
      env: [{ name: "NETLIFY_BUILD_HOOK_URL", visibility: "secret", description: "a build hook (Site configuration › Build & deploy › Build hooks): /api/revalidate calls it after a content change" }],
      goLive: [{ phase: "webhooks", do: `Add a build hook for the production branch (Site configuration › Build & deploy › Build hooks) and set its URL as \`NETLIFY_BUILD_HOOK_URL\`.`, check: `after a content change, the Deploys list shows a build triggered by the hook.` }],
      readme: `### Netlify: rebuild on content changes

Pre-rendered pages are files made at build time, so a change to their content needs a new deploy: add a build hook for the production branch (Site configuration › Build & deploy › Build hooks) and set its URL as \`NETLIFY_BUILD_HOOK_URL\`. \`/api/revalidate\` calls it once per verified webhook that changes a pre-rendered page.`,
    },
    purge: {
      readme: `### Netlify: content changes show at once

Pages rendered on request are kept in Netlify's durable cache for 60 s, each with a cache tag (\`Netlify-Cache-Tag\`, from its path). \`/api/revalidate\` purges the changed pages' tags with \`purgeCache\` from \`@netlify/functions\`; Netlify gives its functions the token for it, so there is nothing to set.`,
    },
  }),
  dataFiles: {
    "netlify.toml": (ctx) => ({
      build: {
        command: `pnpm ${ctx.buildCommand} --filter=web`,
        // Where a hybrid framework's Netlify build puts its static part (data.publish of this module's
        // part for the framework), else the framework's output folder.
        publish: `apps/web/${chosenView(ctx, "deploy", "netlify")?.publish ?? ctx.framework.outDir}`,
        ignore,
        environment: { NODE_VERSION: ctx.nodeMajor, ...(ctx.framework.netlifyEnvironment as object | undefined) },
      },
      context: { "deploy-preview": { environment: { SITE_URL: "$DEPLOY_PRIME_URL" } } },
    }),
  },
  goLive: [
    { phase: "account", do: `Create a Netlify account and connect the repository; pick the \`web\` project (package directory \`apps/web\`): \`netlify.toml\` sets the rest.`, check: `Site configuration › Build & deploy shows base directory \`apps/web\`.` },
    { phase: "variables", do: `Netlify's settings for the variables above are Site configuration › Environment variables, with a value per context (production, deploy previews).`, check: `\`npx netlify-cli env:list\` lists them.` },
    { phase: "deploy", do: `Push to the production branch (or \`npx netlify-cli deploy --build --filter web --prod\`).`, check: `\`curl -s https://<your site>/api/entries/\` answers the posts as JSON, and the home page lists them.` },
  ],
  readme: `## Deploy: Netlify

Connect the repository in Netlify. It finds the monorepo and asks which project to deploy: pick \`web\` (package directory \`apps/web\`), where the site's adapter writes its server functions. \`netlify.toml\` sets the build command, the publish folder and the Node version, and skips a build when nothing \`apps/web\` depends on changed. From a terminal: \`npx netlify-cli deploy --build --filter web\`.

Previews: pull requests get deploy previews; turn on branch deploys in the site settings for a preview of every branch. They are the \`deploy-preview\` and \`branch-deploy\` contexts: set a variable's value per context under Site configuration › Environment variables (secrets belong there, never in \`netlify.toml\`, which is committed), e.g. Stripe's test key and a CMS's draft token for previews. \`netlify.toml\` gives a deploy preview its own address as \`SITE_URL\` (\`$DEPLOY_PRIME_URL\`), and \`CONTEXT\` tells a build which context it runs in.`,
});
