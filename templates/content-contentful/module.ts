import { defineModule } from "../../create-jam/src/engine/define.ts";
import { versionOf } from "../../create-jam/src/engine/versions.ts";
import { cmsModule, seedStep, sanitisedHtmlReadme, seedReadme } from "../shared/cms.ts";
import pkg from "./package.json" with { type: "json" };

export default defineModule(
  pkg,
  cmsModule({
    id: "contentful",
    label: "Contentful",
    hint: "Delivery API and rich text; the Preview API on preview deployments; demo content until configured",
    sdk: ["contentful", "@contentful/rich-text-html-renderer", "@contentful/rich-text-types"],
    webhookSdk: ["@contentful/node-apps-toolkit"],
    webhookHelpers: ["change.ts"],
    contentFiles: ["contentful/model.cjs"],
    seedSdk: ["contentful-management"],
    // Fetched when run, not installed with the site: it is needed once per space.
    contentScripts: {
      "contentful:model": `pnpm dlx contentful-migration@${versionOf("contentful-migration")} --space-id "$CONTENTFUL_SPACE_ID" --environment-id "\${CONTENTFUL_ENVIRONMENT:-master}" --access-token "$CONTENTFUL_MANAGEMENT_TOKEN" --yes contentful/model.cjs`,
    },
    env: [
      { name: "CONTENTFUL_SPACE_ID", visibility: "public", description: "the space's id (Settings › General); with the access token, the site reads Contentful instead of the demo content" },
      { name: "CONTENTFUL_ACCESS_TOKEN", visibility: "secret", description: "a Content Delivery API token (Settings › API keys)" },
      { name: "CONTENTFUL_PREVIEW_ACCESS_TOKEN", visibility: "secret", description: "the same key's Content Preview API token: preview deployments read drafts with it" },
      { name: "CONTENTFUL_ENVIRONMENT", visibility: "public", description: "the environment to read", example: "master" },
      { name: "CONTENTFUL_MANAGEMENT_TOKEN", visibility: "secret", description: "a personal access token, only for `pnpm seed` and `pnpm --filter @repo/content contentful:model` (creating the content model and the demo entries); the site never reads it" },
      { name: "CONTENTFUL_MANAGEMENT_HOST", visibility: "public", description: "another Management API host for `pnpm seed` (api.eu.contentful.com for the EU region, a test server); leave empty" },
      { name: "CONTENTFUL_WEBHOOK_SECRET", visibility: "secret", description: "the space's webhook signing secret: /api/revalidate refuses calls not signed with it" },
      { name: "CONTENTFUL_HOST", visibility: "public", description: "another Delivery API host (cdn.eu.contentful.com for the EU region, a test server); leave empty" },
      { name: "CONTENTFUL_PREVIEW_HOST", visibility: "public", description: "another Preview API host (preview.eu.contentful.com); leave empty" },
    ],
    products: {
      contentFiles: ["contentful/product.cjs"],
      readme: `**Products:** with commerce, \`contentful:model\` creates a \`product\` content type too (\`packages/content/contentful/product.cjs\`): \`name\`, \`slug\`, \`description\`, \`price\` (integer, in cents: 1800 is 18.00), \`currency\` (an ISO 4217 code such as \`usd\`), \`image\` (an asset, served sized by Contentful's Images API) and \`body\`. The site sells what Contentful holds, at the price it holds; a product without a whole price or a currency fails the build with a sentence naming it.`,
    },
    goLive: [
      { phase: "account", do: `Create a free Contentful space, and a Content Delivery API key for it (Settings › API keys).`, check: `Settings › General settings shows the space id.` },
      { phase: "variables", do: `Set \`CONTENTFUL_SPACE_ID\` and \`CONTENTFUL_ACCESS_TOKEN\` in \`.env\` and in the host's settings (an EU space also sets \`CONTENTFUL_HOST=cdn.eu.contentful.com\` and \`CONTENTFUL_PREVIEW_HOST=preview.eu.contentful.com\`).`, check: `\`pnpm build\` prints \`content: … from Contentful.\` instead of \`Contentful is not configured\`.` },
      seedStep("`CONTENTFUL_MANAGEMENT_TOKEN`"),
      { phase: "content", do: `Create the content model with \`pnpm --filter @repo/content contentful:model\` (with \`CONTENTFUL_SPACE_ID\` and \`CONTENTFUL_MANAGEMENT_TOKEN\` exported in the shell: the script does not read \`.env\`), then write and publish your entries in Contentful.`, check: `\`pnpm build\` counts your entries in its \`content:\` line.` },
      { phase: "webhooks", do: `In Settings › Webhooks add \`https://<your site>/api/revalidate/\` for entry publish, unpublish and delete, with request verification on; set its secret as \`CONTENTFUL_WEBHOOK_SECRET\` in the host's settings.`, check: `publish an edit: the webhook's activity log shows 200, and the page shows the edit.` },
    ],
    readme: `## Content: Contentful

**Account:** a free Contentful space. Until \`CONTENTFUL_SPACE_ID\` and \`CONTENTFUL_ACCESS_TOKEN\` are set, the site builds with the bundled demo content and the build log says so in one line; once they are set, a Contentful that fails or cannot be reached fails the build with one sentence naming it, its URL and the status.

**Content model:** \`pnpm --filter @repo/content contentful:model\` creates it in a new space (\`packages/content/contentful/model.cjs\`, a contentful-migration script; it needs \`CONTENTFUL_SPACE_ID\` and a personal access token as \`CONTENTFUL_MANAGEMENT_TOKEN\`, used only there): content types \`post\` and \`page\` with fields \`title\` (short text), \`slug\` (short text, unique), \`description\` (long text), \`date\` (date, posts), \`tags\` (short text, list) and \`body\` (rich text, rendered to HTML by \`@contentful/rich-text-html-renderer\`). \`packages/content/src/providers/contentful.ts\` holds the queries.

${seedReadme("`CONTENTFUL_SPACE_ID` and `CONTENTFUL_MANAGEMENT_TOKEN`")} It creates the content types the space lacks first (from \`packages/content/contentful/model.cjs\`), and publishes what it creates.

${sanitisedHtmlReadme("Contentful's rich-text renderer escapes text but writes a hyperlink's URL as it is (a `javascript:` link included)")}

**Content changes reach the site:** in Settings › Webhooks add a webhook to \`https://<your site>/api/revalidate/\` for entry publish, unpublish and delete, and turn on request verification (Settings › Webhooks › Request verification): its secret goes in \`CONTENTFUL_WEBHOOK_SECRET\`. The function checks the signature with \`@contentful/node-apps-toolkit\` and refuses requests signed more than 30 seconds before; a hybrid site then revalidates the entry's page and the home page, a static one calls the host's deploy hook.

**Drafts on previews:** set \`CONTENTFUL_PREVIEW_ACCESS_TOKEN\` for the Preview environment only (Vercel) or the deploy-preview context (Netlify): preview builds read the Content Preview API, production the Delivery API.`,
  }),
);
