// What every headless-CMS content module shares, so that a CMS is one module folder: the demo
// content it falls back to, the provider's plumbing, the content build that checks the CMS, and
// POST /api/revalidate with this CMS's webhook check. Each CMS module adds its SDK, its variables,
// its two selection files (packages/content/src/provider.ts, packages/functions/src/webhook.ts)
// and its README section.
import type { Contribution, EnvVar, GoLiveStep, JamModule } from "../../create-jam/src/engine/types.ts";

/** The Markdown machinery and demo entries: the whole source for Markdown, the fallback for a CMS. */
export const demoContentFiles = ["src/index.ts", "src/safe-provider.ts", "src/safe-html.ts", "src/types.ts", "src/local-env.ts", "src/members-flag.ts", "src/providers/markdown.ts", "src/providers/sort.ts", "scripts/read-markdown.ts", "content/posts/", "content/pages/", "tsconfig.json", "turbo.json"];
export const contentDevDependencies = ["gray-matter", "marked", "typescript", "@types/node", "@types/sanitize-html", "@repo/typescript-config"];
/**
 * What the content package runs with in every stack, whatever the source: the sanitiser every HTML
 * body leaves through (src/safe-html.ts), at build time and in the functions. packages/functions
 * lists it too: a static site's host bundle has @repo/content inlined.
 */
export const contentDependencies = ["sanitize-html"];

/** What packages/functions lists for @repo/content's sake (above): knip sees no import of them there. */
export const contentForFunctions = (sdk: string[]): Contribution["knip"] => ({ "packages/functions": { ignoreDependencies: [...sdk, ...contentDependencies] } });

/**
 * The README paragraph on the sanitiser, for each content module: `renders` says what writes its
 * HTML and what that lets through.
 */
export const sanitisedHtmlReadme = (renders: string) =>
  `**HTML is sanitised:** ${renders}; every body (posts, pages, products, and the members-only body \`/api/members\` serves) reaches a page only through \`packages/content/src/safe-html.ts\` (sanitize-html, an allow-list), at build time and on request. No script, event handler (\`onerror=\`), \`<iframe>\`, \`<form>\`, \`<style>\` or \`style\` attribute survives, links keep only http(s), \`mailto:\` and the site's own paths (no \`javascript:\`, \`data:\` or \`vbscript:\`), and a link or image without a scheme that names another host (\`//host/x\`) is written out as \`https://host/x\`. It does not vet where an http(s) link or image points (an image from another host is still loaded, which tells that host a visitor came), and to allow more (an embedded video's iframe) you widen the allow-list in \`safe-html.ts\`, knowing that whatever it lets through runs with the visitor's session on the site's origin.`;

/**
 * `pnpm seed`'s files: the runner, the demo reader, this CMS's writer. The module's own
 * files/packages/content/scripts/seed/target.ts names the writer.
 */
const seedFiles = (id: string) => ["scripts/seed.ts", "scripts/seed/demo.ts", "scripts/seed/run.ts", `scripts/seed/${id}.ts`];

/** The README's seed step, for each CMS's section: `needs` says what to set first. */
/** The Go live step that fills an empty CMS with the demo content (`pnpm seed`). */
export const seedStep = (needs: string) => ({
  phase: "content" as const,
  do: `To start from the demo content rather than an empty CMS: set ${needs} in \`.env\`, then run \`pnpm seed\`.`,
  check: "`pnpm seed` prints what it created; run again, it creates nothing.",
});

export const seedReadme = (needs: string) => `**Demo content into the CMS:** with ${needs} set, \`pnpm seed\` creates the bundled posts and pages (and products, with commerce) in it. It only creates: an entry whose slug is there already is left as it is, so running it again changes nothing, and it prints what it created and skipped.`;

export interface CmsSpec {
  id: string;
  label: string;
  hint: string;
  /** npm packages the provider reads the CMS with, at build time and (hybrid) on request. */
  sdk: string[];
  /** Type declarations the provider needs besides the SDK's own (packages/content devDependencies). */
  sdkTypes?: string[];
  /** npm packages the webhook check needs (packages/functions). */
  webhookSdk?: string[];
  /** Files of packages/functions/src/webhooks/ the check uses besides <id>.ts. */
  webhookHelpers?: string[];
  env: EnvVar[];
  /** More files of packages/content this CMS brings (its content model...). */
  contentFiles?: string[];
  /** More scripts of packages/content (setting up the CMS side...). */
  contentScripts?: Record<string, string>;
  /** npm packages only `pnpm seed` needs (packages/content devDependencies), besides the SDK. */
  seedSdk?: string[];
  readme: string;
  /** Its steps of the README's Go live path (see GoLiveStep). */
  goLive?: GoLiveStep[];
  /**
   * What a stack with commerce adds: the CMS's product type (its own files-products/ folder, and
   * files of packages/content) and the README paragraph that describes it.
   */
  products: { files?: boolean; contentFiles?: string[]; readme: string };
}

export function cmsModule(spec: CmsSpec): JamModule {
  return {
    id: spec.id,
    kind: "content",
    label: spec.label,
    hint: spec.hint,
    packages: [
      { from: "content", to: "packages/content", include: [...demoContentFiles, "src/providers/remote.ts", `src/providers/${spec.id}.ts`, "scripts/build-content.ts", ...seedFiles(spec.id), ...(spec.contentFiles ?? [])] },
      {
        from: "functions",
        to: "packages/functions",
        include: ["src/handlers/revalidate.ts", "src/refresh.ts", "src/env.ts", "src/webhooks/verified.ts", `src/webhooks/${spec.id}.ts`, ...(spec.webhookHelpers ?? []).map((f) => `src/webhooks/${f}`)],
      },
    ],
    functions: [{ path: "/api/revalidate", handler: "revalidate" }],
    workspaces: {
      // `pnpm seed`: the demo content into the CMS (scripts/seed.ts), once the variables are set.
      ".": { scripts: { seed: "pnpm --filter @repo/content seed" } },
      "packages/content": {
        what: `the typed content API (\`listEntries\`, \`getEntry\`) the site reads, from ${spec.label}, and the demo entries it falls back to`,
        dependencies: [...spec.sdk, ...contentDependencies],
        devDependencies: [...contentDevDependencies, ...(spec.sdkTypes ?? []), ...(spec.seedSdk ?? [])],
        scripts: {
          build: "node scripts/build-content.ts",
          dev: "node --watch-path=./content --watch-path=./scripts scripts/build-content.ts",
          "check-types": "tsc --noEmit",
          lint: "biome lint .",
          seed: "node scripts/seed.ts",
          ...spec.contentScripts,
        },
        fields: { exports: { ".": "./src/index.ts" } },
      },
      // The functions read content too (/api/entries, a hybrid page's data): a static site's host
      // bundle (dist/host.mjs) has the provider inlined, so its SDK must resolve from here as well.
      "packages/functions": { dependencies: [...spec.sdk, ...contentDependencies, ...(spec.webhookSdk ?? [])] },
      "apps/web": { dependencies: ["@repo/content"] },
    },
    env: spec.env,
    turbo: {
      tasks: { build: { outputs: [".generated/**"] } },
      // VERCEL_ENV and CONTEXT tell a preview deployment (drafts) from production.
      globalEnv: ["VERCEL_ENV", "CONTEXT"],
    },
    // A rebuild after a content change has the same inputs as the build before it: turbo's cache
    // (and Vercel's remote cache of it) would hand back yesterday's pages. The CMS is an input turbo
    // cannot see, so no build task of this stack is cached.
    // framework.contentTasks: the framework's own tasks that read the content (Hugo's export).
    // With commerce, the CMS holds the products too (src/providers/<id>.ts reads its product type).
    derive: ({ buildTasks, framework, commerce }) => {
      const tasks = [...buildTasks, ...((framework.contentTasks as string[] | undefined) ?? [])];
      const turbo = { tasks: Object.fromEntries(tasks.map((t) => [t, { cache: false }])) };
      if (!commerce) return { turbo };
      const { files, contentFiles = [], readme } = spec.products;
      return {
        turbo,
        readme,
        ...(files ? { files: "files-products" } : {}),
        ...(contentFiles.length ? { packages: [{ from: "content", to: "packages/content", include: contentFiles }], knip: { "packages/content": { entry: contentFiles } } } : {}),
      };
    },
    // uncachedWhy: the README says why a second build is not a cache hit.
    data: { webhooks: true, uncachedWhy: `${spec.label} is an input turbo cannot see, so every build reads it afresh` },
    readme: spec.readme,
    goLive: spec.goLive,
    // The CMS's own tool runs them (contentScripts): nothing imports them.
    knip: { ...contentForFunctions(spec.sdk), ...(spec.contentFiles?.length ? { "packages/content": { entry: spec.contentFiles } } : {}) },
  };
}
