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
  goLive: [
    { phase: "account", do: `Create a free Supabase project (the auth module's, if it is Supabase too) and apply \`supabase/migrations/\`: \`supabase link\`, then \`supabase db push\`, or paste each file, in order, into the SQL editor.`, check: `the Table Editor shows the \`comments\` table.` },
    { phase: "variables", do: `Set \`SUPABASE_URL\` and \`SUPABASE_SERVICE_ROLE_KEY\` (secret: server only) in \`.env\` and in the host's settings.`, check: `\`curl -s 'https://<your site>/api/comments/?entry=hello-jamstack'\` answers \`"configured":true\`.` },
  ],
  readme: `## Backend: Supabase (comments)

**Account:** a free Supabase project. \`supabase/migrations/\` creates the \`comments\` table (\`20261203000000_comments.sql\`) and says who may use it (\`20261208000000_comments_access.sql\`): apply them with the Supabase CLI (\`supabase link\`, then \`supabase db push\`) or paste each, in order, into the dashboard's SQL editor. Until \`SUPABASE_URL\` and \`SUPABASE_SERVICE_ROLE_KEY\` are set, posts say comments are not set up and posting answers 503.

**How it works:** ${commentsReadme}

The handler talks to Supabase with \`@supabase/supabase-js\` and the service-role key, on the server, and is the only writer: it checks who posts before it inserts.

**What the database protects, and what it does not:** the table's privileges and row-level security (forced, so its owner is held to them too) bind every other caller, such as a browser with the project's anon or publishable key, signed in to Supabase or not: it may read \`id\`, \`entry\`, \`body\`, \`author_name\` and \`created_at\` (select those columns; \`select('*')\` is refused), and insert, update or delete nothing. So a key that leaks from a page cannot post under someone's name, edit or delete, and \`user_id\` (the auth provider's id for the author) is not public. They do not protect against the server's own key: anyone with \`SUPABASE_SERVICE_ROLE_KEY\` bypasses them, and whatever \`/api/comments\` lets post (see above), the database stores. Comments are public: every post's thread can be read straight from Supabase, members-only posts' too.

**Env:** \`SUPABASE_SERVICE_ROLE_KEY\` is a secret (it bypasses row-level security): the host's server environment only, never in a page or bundle.`,
});
