import { defineModule } from "../../create-jam/src/engine/define.ts";
import { cmsModule, seedStep, sanitisedHtmlReadme, seedReadme } from "../shared/cms.ts";
import pkg from "./package.json" with { type: "json" };

export default defineModule(
  pkg,
  cmsModule({
    id: "notion",
    label: "Notion",
    hint: "a Notion database of posts and pages; demo content until configured",
    // notion-to-md turns a page's blocks into Markdown, which marked renders, on request too.
    sdk: ["@notionhq/client", "notion-to-md", "marked"],
    webhookHelpers: ["safe-equal.ts"],
    env: [
      { name: "NOTION_TOKEN", visibility: "secret", description: "an internal integration's secret (notion.so/profile/integrations); with the data source id, the site reads Notion instead of the demo content" },
      { name: "NOTION_DATA_SOURCE_ID", visibility: "public", description: "the database's data source id (the database's ⋯ menu › Manage data sources › Copy data source ID)" },
      { name: "NOTION_WEBHOOK_SECRET", visibility: "secret", description: "the webhook subscription's verification token: /api/revalidate refuses events not signed with it" },
      { name: "NOTION_BASE_URL", visibility: "public", description: "another API host than Notion's (a test server); leave empty" },
    ],
    products: {
      readme: `**Products:** with commerce, products are rows of the same database with \`Type\` \`Product\`: \`Name\`, \`Slug\`, \`Description\`, \`Status\`, and three more properties: \`Price\` (number, in cents: 1800 is 18.00), \`Currency\` (select: an ISO 4217 code such as \`usd\`) and \`Image\` (files & media, as a link: a file uploaded to Notion has a URL that expires within the hour). The row's body is the product's long description. The site sells what Notion holds, at the price it holds; a product without a whole price or a currency fails the build with a sentence naming it.`,
    },
    goLive: [
      { phase: "account", do: `Create an internal integration (notion.so/profile/integrations) with read access, and add it to the database under its ⋯ menu › Connections.`, check: `the database's Connections list names the integration.` },
      { phase: "variables", do: `Set \`NOTION_TOKEN\` and \`NOTION_DATA_SOURCE_ID\` in \`.env\` and in the host's settings.`, check: `\`pnpm build\` prints \`content: … from Notion.\` instead of \`Notion is not configured\`.` },
      seedStep("`NOTION_TOKEN` and `NOTION_DATA_SOURCE_ID`"),
      { phase: "webhooks", do: `In the integration's Webhooks tab, subscribe \`https://<your site>/api/revalidate/\` to page content and property updates; paste the verification token the function logs into Notion, and set it as \`NOTION_WEBHOOK_SECRET\`.`, check: `Notion shows the subscription as verified; an edit then reaches the page.` },
    ],
    readme: `## Content: Notion

**Account:** a Notion workspace and an internal integration (notion.so/profile/integrations) with read access, added to the database under the database's ⋯ menu › Connections. Until \`NOTION_TOKEN\` and \`NOTION_DATA_SOURCE_ID\` are set, the site builds with the bundled demo content and the build log says so in one line; once they are set, a Notion that fails or cannot be reached fails the build with one sentence naming it, its URL and the status.

**Database:** one database holds posts and pages, with the properties \`Name\` (title), \`Slug\` (text), \`Description\` (text), \`Date\` (date), \`Tags\` (multi-select), \`Type\` (select: \`Post\` or \`Page\`) and \`Status\` (status: \`Published\` is what production shows). A page's content is its body, turned into Markdown by notion-to-md and rendered to HTML. \`packages/content/src/providers/notion.ts\` holds the query.

${seedReadme("`NOTION_TOKEN` (its integration given the Insert content capability) and `NOTION_DATA_SOURCE_ID`")} Products get no image: add a link in each one's \`Image\`.

${sanitisedHtmlReadme("notion-to-md writes a page's text into Markdown as it is and marked passes HTML through, so raw HTML typed into a Notion page, or a link to any URL, would reach the page")}

**Content changes reach the site:** in the integration's Webhooks tab, create a subscription to \`https://<your site>/api/revalidate/\` for page content and property updates. Notion first sends a verification token, unsigned: the function logs it (and triggers nothing); paste it into Notion to verify the subscription and set it as \`NOTION_WEBHOOK_SECRET\`. From then on every event is signed (\`X-Notion-Signature\`, HMAC-SHA256 of the body); an unsigned or wrongly signed one gets 401. Events name a page id, not a slug, so every post and page is refreshed: a hybrid site revalidates them, a static one calls the host's deploy hook.

**Drafts on previews:** Notion has no drafts; preview deployments (Vercel Preview, Netlify deploy previews) show entries of every status, production only \`Published\` ones.`,
  }),
);
