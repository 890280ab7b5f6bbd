import { defineModule } from "../../create-jam/src/engine/define.ts";
import pkg from "./package.json" with { type: "json" };

// What hybrid means per framework (its adapter per deploy target, its revalidation) lives in each
// framework module's `when: [{ with: ["rendering:hybrid"] }]`; frameworks that cannot do it say so
// in their rules.
export default defineModule(pkg, {
  id: "hybrid",
  kind: "rendering",
  // The framework's own server answers the functions' routes.
  provides: ["functions"],
  // The framework's server imports what stays outside its bundle (see Contribution.serverExternals)
  // from apps/web: it depends on them, which knip sees only in a config it reads (framework data
  // knipSeesExternals), not in apps/web's code.
  derive: ({ serverExternals, framework }) =>
    serverExternals.length
      ? { workspaces: { "apps/web": { dependencies: serverExternals } }, ...(framework.knipSeesExternals ? {} : { knip: { "apps/web": { ignoreDependencies: serverExternals } } }) }
      : {},
  label: "Hybrid (SSG + ISR + functions)",
  hint: "pages pre-rendered, entry pages revalidated on demand, a serverless JSON route",
  readme: `## Rendering: hybrid

Pages are pre-rendered at build time as with a static site. On top of that, entry pages are regenerated on demand after they go stale (incremental static regeneration, or the framework's equivalent), and \`/api/entries\` is a server route that returns the entries as JSON; on Vercel and Netlify it runs as a serverless function through the framework's adapter for that host. Locally, \`pnpm build\` then \`pnpm --filter web start\` runs the production server.`,
});
