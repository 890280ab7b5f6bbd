import { defineModule } from "../../create-jam/src/engine/define.ts";
import { setupSteps } from "../base/ci-workflow.ts";
import pkg from "./package.json" with { type: "json" };

/** What the workflow's dispatch event is called: a CMS (or its relay) sends it to rebuild the site. */
const CONTENT_EVENT = "content-changed";

// GitHub Pages serves files and runs nothing: every module that needs a server route is refused
// beside it, with a way out (another host, or a module that needs no server).
const noServer = "GitHub Pages serves files and runs no server routes";

export default defineModule(pkg, {
  id: "github-pages",
  kind: "deploy",
  label: "GitHub Pages",
  hint: "built and deployed by .github/workflows/pages.yml, served under /<repo>/; files only, no server routes",
  rules: [
    { kind: "rendering", ids: ["static"], why: `${noServer}: every page must be pre-rendered` },
    { kind: "commerce", ids: ["snipcart"], why: `${noServer}, and Stripe Checkout starts at /api/checkout: Snipcart's cart needs none` },
    { kind: "auth", ids: [], why: `${noServer}, and sign-in needs /api/auth/*` },
    { kind: "backend", ids: [], why: `${noServer}, and comments are read and posted through /api/comments` },
  ],
  // The path the site is served under, for every framework's base-path option and every link.
  env: [{ name: "BASE_PATH", visibility: "public", description: "the path the site is served under, e.g. /my-site on GitHub Pages (the Pages workflow sets it); empty: the root", example: "" }],
  dataFiles: {
    ".github/workflows/pages.yml": (ctx) => ({
      name: "Deploy to GitHub Pages",
      on: {
        push: { branches: ["main"] },
        // By hand (Actions › Deploy to GitHub Pages › Run workflow), or from a CMS (README: Deploy: GitHub Pages).
        workflow_dispatch: {},
        repository_dispatch: { types: [CONTENT_EVENT] },
      },
      // Nothing but reading the code by default: the build runs the project's dependencies' code, so
      // it gets no token that could publish; only the deploy job, which runs one action of GitHub's,
      // gets what actions/deploy-pages needs.
      permissions: { contents: "read" },
      // One deployment at a time; a running one is finished, not cancelled.
      concurrency: { group: "pages", "cancel-in-progress": false },
      jobs: {
        build: {
          "runs-on": "ubuntu-latest",
          "timeout-minutes": 20,
          steps: [
            ...setupSteps(ctx),
            // Its outputs: base_path ("/<repo>" for a project site, "" for <user>.github.io) and base_url.
            { name: "Read the Pages settings", id: "pages", uses: "actions/configure-pages@v5" },
            {
              name: "Build",
              run: `pnpm exec ${ctx.buildCommand} --filter=web`,
              env: { BASE_PATH: "${{ steps.pages.outputs.base_path }}", SITE_URL: "${{ steps.pages.outputs.base_url }}" },
            },
            { name: "Upload the site", uses: "actions/upload-pages-artifact@v4", with: { path: `apps/web/${ctx.framework.outDir}` } },
          ],
        },
        deploy: {
          needs: "build",
          "runs-on": "ubuntu-latest",
          permissions: { pages: "write", "id-token": "write" },
          environment: { name: "github-pages", url: "${{ steps.deployment.outputs.page_url }}" },
          steps: [{ name: "Deploy", id: "deployment", uses: "actions/deploy-pages@v4" }],
        },
      },
    }),
  },
  goLive: [
    { phase: "deploy", do: `In the repository's Settings › Pages › Build and deployment, set Source to **GitHub Actions**, then push to \`main\`: \`.github/workflows/pages.yml\` builds and deploys.`, check: `the workflow's run in the Actions tab ends with the site's URL, \`https://<user>.github.io/<repo>/\`, which shows the home page.` },
  ],
  readme: `## Deploy: GitHub Pages

\`.github/workflows/pages.yml\` builds the site through turbo and deploys it on every push to \`main\`. Once, in the repository: Settings › Pages › Build and deployment › Source: **GitHub Actions**. A project site is served under \`https://<user>.github.io/<repo>/\`: the workflow reads that path from \`actions/configure-pages\` and gives it to the build as \`BASE_PATH\` (and the address as \`SITE_URL\`), which the framework's base-path option, every link and asset, and the search index's result links honour. Locally \`BASE_PATH\` is empty and the site lives at \`/\`; to try the subpath, \`BASE_PATH=/my-site pnpm build\`.

**Security headers:** GitHub Pages sets none and lets no site set any. Each page carries its own \`Content-Security-Policy\` in a \`<meta>\` (\`packages/security\`, written by the build): scripts only from the site and by the hash of each inline script the page was built with, no plugins, no other base URL. What that cannot cover, and so is not protected here: framing (\`frame-ancestors\` and \`X-Frame-Options\` work as headers only, so any site can frame these pages), \`X-Content-Type-Options: nosniff\` (the browser's default \`Referrer-Policy\`, \`strict-origin-when-cross-origin\` in current browsers, is the one the other hosts set), and \`form-action\` (left to the hosts' header, where a checkout's redirect can be allowed). A site that needs them belongs on a host that sets headers (Cloudflare, Netlify, Vercel: each gets them from its config here).

GitHub Pages serves files only: no server routes, so no Stripe checkout, sign-in or comments here (create-jam refuses them beside it; Snipcart and Pagefind need no server). It has no preview deployments either: a pull request is checked by \`.github/workflows/ci.yml\`, and only \`main\` is published.

**Content changes** (with a CMS): the workflow also runs on a \`repository_dispatch\` event of type \`${CONTENT_EVENT}\`. A CMS that lets a webhook set its body and headers (Sanity, Contentful) can call GitHub directly: \`POST https://api.github.com/repos/<owner>/<repo>/dispatches\` with the body \`{"event_type":"${CONTENT_EVENT}"}\` and \`Authorization: Bearer <token>\`, a fine-grained token with the *Contents: write* permission on this repository alone. Strapi and Notion cannot send that body: a relay must run on a host with functions (a Cloudflare Worker, a Netlify or Vercel function) to check their secret and send the dispatch. By hand: Actions › Deploy to GitHub Pages › Run workflow.`,
});
