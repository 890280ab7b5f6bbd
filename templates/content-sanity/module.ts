import { defineModule } from "../../create-jam/src/engine/define.ts";
import { cmsModule, seedStep, sanitisedHtmlReadme, seedReadme } from "../shared/cms.ts";
import pkg from "./package.json" with { type: "json" };

const cms = cmsModule({
    id: "sanity",
    label: "Sanity",
    hint: "GROQ and Portable Text; drafts on preview deployments; demo content until configured",
    sdk: ["@sanity/client", "@portabletext/to-html"],
    webhookSdk: ["@sanity/webhook"],
    webhookHelpers: ["change.ts"],
    env: [
      { name: "SANITY_PROJECT_ID", visibility: "public", description: "the project's id (sanity.io/manage); with the dataset, the site reads Sanity instead of the demo content", example: "" },
      { name: "SANITY_DATASET", visibility: "public", description: "the dataset to read", example: "production" },
      { name: "SANITY_API_READ_TOKEN", visibility: "secret", description: "a Viewer token: the site reads a private dataset with it (needed for members-only posts), and preview deployments read drafts" },
      { name: "SANITY_API_WRITE_TOKEN", visibility: "secret", description: "an Editor token (API › Tokens), only for `pnpm seed` (the demo content into the dataset); the site never reads it" },
      { name: "SANITY_REVALIDATE_SECRET", visibility: "secret", description: "the webhook's secret: /api/revalidate refuses calls not signed with it" },
      { name: "SANITY_API_HOST", visibility: "public", description: "another API host than Sanity's (a proxy, a test server); leave empty" },
      { name: "SANITY_STUDIO_PROJECT_ID", visibility: "public", description: "the same project id, for the Studio: set it in apps/studio/.env, which the Sanity CLI reads (only SANITY_STUDIO_ variables reach its browser bundle)" },
      { name: "SANITY_STUDIO_DATASET", visibility: "public", description: "the dataset the Studio edits", example: "production" },
    ],
    products: {
      files: true,
      readme: `**Products:** with commerce, the Studio has a \`product\` document type too (\`apps/studio/schemas/product.ts\`): \`name\`, \`slug\`, \`description\`, \`price\` (a whole number of cents: 1800 is 18.00), \`currency\` (an ISO 4217 code such as \`usd\`), \`image\` and \`body\`. The site sells what Sanity holds, at the price Sanity holds; a product without a whole price or a currency fails the build with a sentence naming it. Add \`product\` to the webhook's filter so a price change reaches the site.`,
    },
    goLive: [
      { phase: "account", do: `Create a free project at sanity.io/manage, with a dataset (\`production\`).`, check: `its page at sanity.io/manage shows the project id and the dataset.` },
      { phase: "variables", do: `Set \`SANITY_PROJECT_ID\` and \`SANITY_DATASET\` in \`.env\` and in the host's settings (every environment). The Studio reads its own file: put the same values as \`SANITY_STUDIO_PROJECT_ID\` and \`SANITY_STUDIO_DATASET\` in \`apps/studio/.env\`, which the Sanity CLI loads (it does not read the root \`.env\`).`, check: `\`pnpm build\` prints \`content: … posts and … pages from Sanity.\` instead of \`Sanity is not configured\`.` },
      seedStep("`SANITY_API_WRITE_TOKEN` (an Editor token, API › Tokens)"),
      { phase: "content", do: `Write your posts and pages in the Studio: \`pnpm dev\` serves it on http://localhost:3333 (add that origin under sanity.io/manage › API › CORS origins, with credentials), or host it at \`<name>.sanity.studio\` with \`pnpm --filter studio run deploy\`.`, check: `\`pnpm build\` counts your entries in its \`content:\` line.` },
      { phase: "webhooks", do: `In sanity.io/manage › API › Webhooks add \`https://<your site>/api/revalidate/\` with a secret (filter and projection: *Content changes reach the site* below), and set the secret as \`SANITY_REVALIDATE_SECRET\` in the host's settings.`, check: `publish an edit: the webhook's attempts log shows 200, and the page shows the edit.` },
    ],
    readme: `## Content: Sanity

**Account:** a free Sanity project (sanity.io/manage). Until \`SANITY_PROJECT_ID\` and \`SANITY_DATASET\` are set, the site builds with the bundled demo content and the build log says so in one line; once they are set, a Sanity that fails or cannot be reached fails the build with one sentence naming it, its URL and the status.

**Schema and Studio:** \`apps/studio\` is a Sanity Studio whose schema (\`apps/studio/schemas/\`) is what the site reads: documents of type \`post\` and \`page\` with \`title\` (string), \`slug\` (slug), \`description\` (text), \`date\` (date, posts), \`tags\` (array of strings) and \`body\` (Portable Text, rendered to HTML by \`@portabletext/to-html\`). Set \`SANITY_STUDIO_PROJECT_ID\` and \`SANITY_STUDIO_DATASET\` in \`apps/studio/.env\`, which the Sanity CLI reads (the same values; only \`SANITY_STUDIO_\` variables reach the Studio's browser bundle), and \`pnpm dev\` serves it on http://localhost:3333 beside the site (add that origin under sanity.io/manage › API › CORS origins, with credentials). \`pnpm --filter studio run deploy\` hosts it at \`<name>.sanity.studio\`; \`pnpm --filter studio run build:studio\` builds it into \`apps/studio/dist/\` for any static host. \`packages/content/src/providers/sanity.ts\` holds the GROQ queries.

${seedReadme("`SANITY_PROJECT_ID`, `SANITY_DATASET` and `SANITY_API_WRITE_TOKEN` (an Editor token, API › Tokens)")}

${sanitisedHtmlReadme("Portable Text's renderer escapes text and drops the links it knows to be unsafe, but lets a link without a scheme to another host (`//host`) through")}

**Content changes reach the site:** in sanity.io/manage › API › Webhooks, add a webhook: URL \`https://<your site>/api/revalidate/\`, trigger on create, update and delete, filter \`_type in ["post", "page"]\`, projection \`{"_type": _type, "slug": slug.current}\`, method POST, and a secret, which goes in \`SANITY_REVALIDATE_SECRET\`. The function checks the signature (\`@sanity/webhook\`) and refuses calls signed more than 5 minutes ago; a hybrid site then revalidates the entry's page and the home page, a static one calls the host's deploy hook.

**Drafts on previews:** set \`SANITY_API_READ_TOKEN\` (a Viewer token, API › Tokens) for the Preview environment (Vercel) or the deploy-preview context (Netlify): preview builds read the \`drafts\` perspective, production reads published documents from Sanity's CDN.

**Members-only posts need a private dataset.** A public dataset answers anyone's GROQ query (the project id is in every image URL), so a post marked *Members only* there would be public whatever the site's pages hide. Make the dataset private (sanity.io/manage › Datasets) and set \`SANITY_API_READ_TOKEN\` in every environment: the site then reads with the token. The build checks this: it fails with one sentence when it can read a members-only post without a token. What this does not cover: anyone holding the token reads everything, drafts included; keep it a Viewer token, on the server only.`,
});

export default defineModule(pkg, {
  ...cms,
  workspaces: {
    ...cms.workspaces,
    // Sanity Studio, the editing side of the schema packages/content reads: `pnpm dev` serves it.
    "apps/studio": {
      what: "the Sanity Studio: the schema the site reads, where editors write",
      dependencies: ["sanity", "react", "react-dom", "styled-components"],
      devDependencies: ["typescript", "@types/react", "@repo/typescript-config"],
      scripts: {
        dev: "sanity dev --port 3333",
        // No `build`: `pnpm build` builds the site; the Studio is built (or deployed to
        // <name>.sanity.studio) on its own.
        "build:studio": "sanity build",
        deploy: "sanity deploy",
        "check-types": "tsc --noEmit",
      },
    },
  },
  gitignore: ["apps/studio/dist/", "apps/studio/.sanity/"],
});
