import { defineModule } from "../../create-jam/src/engine/define.ts";
import { backendModule, commentsReadme } from "../shared/backend.ts";
import { supabaseUrlEnv } from "../shared/env.ts";
import pkg from "./package.json" with { type: "json" };

// /api/comments, the widget and who may post are every backend module's (../shared/backend.ts);
// this module brings the table (supabase/migrations/) and supabase-js (src/comments/supabase.ts).
export default defineModule(pkg, {
  ...backendModule({ id: "supabase", files: ["src/comments/supabase.ts"], dependencies: ["@supabase/supabase-js"] }),
  label: "Supabase",
  hint: "comments on posts in a Postgres table with row-level security; read with supabase-js",
  env: [
    supabaseUrlEnv,
    { name: "SUPABASE_SERVICE_ROLE_KEY", visibility: "secret", description: "the service-role key (or a secret key, sb_secret_…): /api/comments uses it on the server only" },
  ],
  readme: `## Backend: Supabase (comments)

**Account:** a free Supabase project. \`supabase/migrations/20261203000000_comments.sql\` creates the \`comments\` table: apply it with the Supabase CLI (\`supabase link\`, then \`supabase db push\`) or paste it into the dashboard's SQL editor. Until \`SUPABASE_URL\` and \`SUPABASE_SERVICE_ROLE_KEY\` are set, posts say comments are not set up and posting answers 503.

**How it works:** ${commentsReadme}

The handler talks to Supabase with \`@supabase/supabase-js\` and the service-role key, on the server; the table's row-level security covers every other caller: anyone reads, a signed-in Supabase user inserts only rows with their own id (\`auth.jwt() ->> 'sub'\`), nobody updates or deletes.

**Env:** \`SUPABASE_SERVICE_ROLE_KEY\` is a secret (it bypasses row-level security): the host's server environment only, never in a page or bundle.

**Go live:** apply the migration to the project, then set both variables in the host's settings.`,
});
