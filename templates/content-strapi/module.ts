import { defineModule } from "../../create-jam/src/engine/define.ts";
import { cmsModule, seedStep, sanitisedHtmlReadme, seedReadme } from "../shared/cms.ts";
import pkg from "./package.json" with { type: "json" };

const cms = cmsModule({
  id: "strapi",
  label: "Strapi",
  hint: "a Strapi 5 app in apps/cms (SQLite), started by pnpm dev; demo content until configured",
  // The blocks renderer is a React component: React's server renderer turns it into HTML.
  sdk: ["@strapi/client", "@strapi/blocks-react-renderer", "react", "react-dom"],
  sdkTypes: ["@types/react", "@types/react-dom"],
  webhookHelpers: ["safe-equal.ts", "change.ts"],
  env: [
    { name: "STRAPI_URL", visibility: "public", description: "the Strapi server's URL; with the API token, the site reads Strapi instead of the demo content", example: "http://localhost:1337" },
    { name: "STRAPI_API_TOKEN", visibility: "secret", description: "a read-only API token (Strapi admin › Settings › API Tokens)" },
    { name: "STRAPI_PREVIEW_TOKEN", visibility: "secret", description: "a token that may read drafts: preview deployments read drafts with it" },
    { name: "STRAPI_SEED_TOKEN", visibility: "secret", description: "a Full access API token, only for `pnpm seed` (the demo content into Strapi); delete it in Strapi afterwards" },
    { name: "STRAPI_WEBHOOK_SECRET", visibility: "secret", description: "the secret Strapi's webhooks send as `Authorization: Bearer <secret>`: /api/revalidate refuses calls without it" },
  ],
  products: {
    files: true,
    readme: `**Products:** with commerce, apps/cms has a \`product\` collection type too (\`apps/cms/src/api/product\`): \`name\`, \`slug\`, \`description\`, \`price\` (integer, in cents: 1800 is 18.00), \`currency\` (an ISO 4217 code such as \`usd\`), \`image\` (media) and \`body\`. A read-only API token reads it too. The site sells what Strapi holds, at the price it holds; a product without a whole price or a currency fails the build with a sentence naming it.`,
  },
  goLive: [
    { phase: "account", do: `Run Strapi where it can keep its database and uploads (Strapi Cloud, or a Node host: \`pnpm --filter cms run build:admin\`, then \`pnpm --filter cms start\`), with the variables of \`apps/cms/.env.example\` set to new secrets (and, for more than one editor, PostgreSQL instead of SQLite: \`apps/cms/config/database.js\`).`, check: `\`https://<your cms>/admin\` shows Strapi's sign-in.` },
    { phase: "variables", do: `Create the first admin, then a read-only API token (Settings › API Tokens); set \`STRAPI_URL\` and \`STRAPI_API_TOKEN\` in \`.env\` (locally \`STRAPI_URL=http://localhost:1337\`) and in the host's settings.`, check: `\`pnpm build\` prints \`content: … from Strapi.\` instead of \`Strapi is not configured\`.` },
    seedStep("`STRAPI_SEED_TOKEN` (a Full access token, Settings › API Tokens)"),
      { phase: "webhooks", do: `Set one random \`STRAPI_WEBHOOK_SECRET\` for Strapi (\`apps/cms/.env\`) and for the site (the host's settings), then add \`https://<your site>/api/revalidate/\` in Settings › Webhooks for the entry events.`, check: `Strapi's *Trigger* button on the webhook answers 200.` },
  ],
  readme: `## Content: Strapi

**Account:** none. \`apps/cms\` is a Strapi 5 app (JavaScript, SQLite in \`apps/cms/.tmp/data.db\`) with the content types \`post\` (\`title\`, \`slug\`, \`description\`, \`date\`, \`tags\` as a JSON list, \`body\` as blocks) and \`page\` (\`title\`, \`slug\`, \`description\`, \`body\`), both with drafts. \`pnpm dev\` starts it beside the site (admin panel on http://localhost:1337/admin; the first run writes \`apps/cms/.env\` with random secrets). Create the first admin there, then a read-only API token under Settings › API Tokens, and set \`STRAPI_URL=http://localhost:1337\` and \`STRAPI_API_TOKEN\`. Until both are set the site builds with the bundled demo content and the build log says so in one line; once they are set, a Strapi that fails or cannot be reached fails the build with one sentence naming it, its URL and the status. Bodies are rendered to HTML by \`@strapi/blocks-react-renderer\`; \`packages/content/src/providers/strapi.ts\` holds the queries.

${seedReadme("`STRAPI_URL` and `STRAPI_SEED_TOKEN` (a Full access token, Settings › API Tokens; delete it afterwards)")}

${sanitisedHtmlReadme("Strapi's blocks renderer (React) escapes text and blocks `javascript:` links, but not `data:` or `vbscript:` ones")}

**Content changes reach the site:** Strapi does not sign webhooks; it sends the headers you give it. Set the same random \`STRAPI_WEBHOOK_SECRET\` for Strapi (\`apps/cms/.env\`: every webhook then sends \`Authorization: Bearer <secret>\`) and for the site. In Settings › Webhooks add \`https://<your site>/api/revalidate/\` for the entry events create, update, delete, publish and unpublish. The function compares the header in constant time and answers 401 without it; a hybrid site then revalidates the entry's page and the home page, a static one calls the host's deploy hook.

**Drafts on previews:** set \`STRAPI_PREVIEW_TOKEN\` (an API token with find on posts and pages) for the Preview environment only (Vercel) or the deploy-preview context (Netlify): preview builds read \`status=draft\` (the latest edit of every entry), production only published entries.`,
});

export default defineModule(pkg, {
  ...cms,
  workspaces: {
    ...cms.workspaces,
    // A real Strapi 5 app, JavaScript and CommonJS as Strapi's own templates are.
    "apps/cms": {
      what: "the Strapi app: the content types, the admin panel, its database",
      dependencies: ["@strapi/strapi", "@strapi/plugin-users-permissions", "better-sqlite3", "react", "react-dom", "react-router-dom", "styled-components"],
      scripts: {
        // No `build`: `pnpm build` builds the site, not Strapi's admin panel (`build:admin` does).
        dev: "node scripts/env.js && strapi develop",
        start: "strapi start",
        "build:admin": "strapi build",
        strapi: "strapi",
      },
      // Strapi's telemetry is opt-in here: a site's CMS reports nothing unless its owner says so.
      fields: { type: "commonjs", engines: { node: ">=20.0.0 <=24.x.x" }, strapi: { telemetryDisabled: true } },
    },
  },
  // Strapi's tree brings install scripts: better-sqlite3's, esbuild's and @swc/core's are needed
  // (better-sqlite3 ships prebuilt N-API binaries, compiling only where none fits); sharp's
  // downloads libvips from GitHub, core-js's prints an advertisement.
  // Strapi loads config/ and src/api/ by their folders, its plugin and database driver by name:
  // nothing imports them where knip looks.
  knip: {
    ...cms.knip,
    "apps/cms": { entry: ["config/*.js", "src/**/*.js"], ignoreDependencies: ["@strapi/plugin-users-permissions", "better-sqlite3"] },
  },
  allowBuilds: { "better-sqlite3": true, esbuild: true, "@swc/core": true, sharp: false, "core-js": false, "core-js-pure": false },
  gitignore: ["apps/cms/.tmp/", "apps/cms/.strapi/", "apps/cms/build/", "apps/cms/dist/", "apps/cms/public/uploads/*", "!apps/cms/public/uploads/.gitkeep", "apps/cms/types/generated/"],
});
