import { defineModule } from "../../create-jam/src/engine/define.ts";
import { versionOf } from "../../create-jam/src/engine/versions.ts";
import { cmsModule, sanitisedHtmlReadme } from "../shared/cms.ts";
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
    // Fetched when run, not installed with the site: it is needed once per space.
    contentScripts: {
      "contentful:model": `pnpm dlx contentful-migration@${versionOf("contentful-migration")} --space-id "$CONTENTFUL_SPACE_ID" --environment-id "\${CONTENTFUL_ENVIRONMENT:-master}" --access-token "$CONTENTFUL_MANAGEMENT_TOKEN" --yes contentful/model.cjs`,
    },
    env: [
      { name: "CONTENTFUL_SPACE_ID", visibility: "public", description: "the space's id (Settings › General); with the access token, the site reads Contentful instead of the demo content" },
      { name: "CONTENTFUL_ACCESS_TOKEN", visibility: "secret", description: "a Content Delivery API token (Settings › API keys)" },
      { name: "CONTENTFUL_PREVIEW_ACCESS_TOKEN", visibility: "secret", description: "the same key's Content Preview API token: preview deployments read drafts with it" },
      { name: "CONTENTFUL_ENVIRONMENT", visibility: "public", description: "the environment to read", example: "master" },
      { name: "CONTENTFUL_MANAGEMENT_TOKEN", visibility: "secret", description: "a personal access token, only for `pnpm --filter @repo/content contentful:model` (creating the content model); the site never reads it" },
      { name: "CONTENTFUL_WEBHOOK_SECRET", visibility: "secret", description: "the space's webhook signing secret: /api/revalidate refuses calls not signed with it" },
      { name: "CONTENTFUL_HOST", visibility: "public", description: "another Delivery API host (cdn.eu.contentful.com for the EU region, a test server); leave empty" },
      { name: "CONTENTFUL_PREVIEW_HOST", visibility: "public", description: "another Preview API host (preview.eu.contentful.com); leave empty" },
    ],
    products: {
      contentFiles: ["contentful/product.cjs"],
      readme: `**Products:** with commerce, \`contentful:model\` creates a \`product\` content type too (\`packages/content/contentful/product.cjs\`): \`name\`, \`slug\`, \`description\`, \`price\` (integer, in cents: 1800 is 18.00), \`currency\` (an ISO 4217 code such as \`usd\`), \`image\` (an asset, served sized by Contentful's Images API) and \`body\`. The site sells what Contentful holds, at the price it holds; a product without a whole price or a currency fails the build with a sentence naming it.`,
    },
    readme: `## Content: Contentful

**Account:** a free Contentful space. Until \`CONTENTFUL_SPACE_ID\` and \`CONTENTFUL_ACCESS_TOKEN\` are set, the site builds with the bundled demo content and the build log says so in one line; once they are set, a Contentful that fails or cannot be reached fails the build with one sentence naming it, its URL and the status.

**Content model:** \`pnpm --filter @repo/content contentful:model\` creates it in a new space (\`packages/content/contentful/model.cjs\`, a contentful-migration script; it needs \`CONTENTFUL_SPACE_ID\` and a personal access token as \`CONTENTFUL_MANAGEMENT_TOKEN\`, used only there): content types \`post\` and \`page\` with fields \`title\` (short text), \`slug\` (short text, unique), \`description\` (long text), \`date\` (date, posts), \`tags\` (short text, list) and \`body\` (rich text, rendered to HTML by \`@contentful/rich-text-html-renderer\`). \`packages/content/src/providers/contentful.ts\` holds the queries.

${sanitisedHtmlReadme("Contentful's rich-text renderer escapes text but writes a hyperlink's URL as it is (a `javascript:` link included)")}

**Go live:** set \`CONTENTFUL_SPACE_ID\` and \`CONTENTFUL_ACCESS_TOKEN\` in the host's settings (an EU space also sets \`CONTENTFUL_HOST=cdn.eu.contentful.com\` and \`CONTENTFUL_PREVIEW_HOST=preview.eu.contentful.com\`).

**Content changes reach the site:** in Settings › Webhooks add a webhook to \`https://<your site>/api/revalidate/\` for entry publish, unpublish and delete, and turn on request verification (Settings › Webhooks › Request verification): its secret goes in \`CONTENTFUL_WEBHOOK_SECRET\`. The function checks the signature with \`@contentful/node-apps-toolkit\` and refuses requests signed more than 30 seconds before; a hybrid site then revalidates the entry's page and the home page, a static one calls the host's deploy hook.

**Drafts on previews:** set \`CONTENTFUL_PREVIEW_ACCESS_TOKEN\` for the Preview environment only (Vercel) or the deploy-preview context (Netlify): preview builds read the Content Preview API, production the Delivery API.`,
  }),
);
