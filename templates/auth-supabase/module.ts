import { defineModule } from "../../create-jam/src/engine/define.ts";
import { authModule, authReadme } from "../shared/auth.ts";
import { authSecretEnv, supabaseUrlEnv } from "../shared/env.ts";
import pkg from "./package.json" with { type: "json" };

// The handlers, the badge, /account/ and members-only posts are every auth module's (../shared/auth.ts);
// this module brings Supabase Auth's flow (src/auth/supabase.ts) and names it in src/auth/provider.ts.
export default defineModule(pkg, {
  // supabase-js asks Supabase Auth for the provider's sign-in URL and trades the code.
  ...authModule({ id: "supabase", files: ["src/auth/supabase.ts", "src/auth/flow.ts"], dependencies: ["@supabase/supabase-js"] }),
  label: "Supabase Auth",
  hint: "sign-in through Supabase Auth (GitHub or another provider it has enabled); a sealed HttpOnly session cookie",
  env: [
    supabaseUrlEnv,
    { name: "SUPABASE_PUBLISHABLE_KEY", visibility: "public", description: "the project's publishable key (sb_publishable_…; the legacy anon key works too)" },
    authSecretEnv,
    { name: "SUPABASE_AUTH_PROVIDER", visibility: "public", description: "the sign-in provider enabled in Supabase Auth (Authentication › Sign In / Providers)", example: "github" },
  ],
  goLive: [
    { phase: "account", do: `Create a free Supabase project, enable a sign-in provider under Authentication › Sign In / Providers (GitHub by default), and under Authentication › URL Configuration set the Site URL and add \`https://<your site>/api/auth/callback/\` (and \`{{devUrl}}/api/auth/callback/\`) to the Redirect URLs.`, check: `URL Configuration lists the callback URLs.` },
    { phase: "variables", do: `Set \`SUPABASE_URL\`, \`SUPABASE_PUBLISHABLE_KEY\` and \`AUTH_SECRET\` (32 or more random characters: \`openssl rand -hex 32\`) in \`.env\` and in the host's settings.`, check: `\`curl -s https://<your site>/api/auth/me/\` answers \`"configured":true\`; \`/api/auth/login/\` sends you to the sign-in.` },
  ],
  readme: `## Auth: Supabase Auth

**Account:** a free Supabase project with a sign-in provider enabled under *Authentication › Sign In / Providers* (GitHub by default; \`SUPABASE_AUTH_PROVIDER\` names another, such as \`google\`). Until \`SUPABASE_URL\`, \`SUPABASE_PUBLISHABLE_KEY\` and \`AUTH_SECRET\` are set, \`/api/auth/login\` answers 503 naming the missing ones and \`/api/auth/me\` says the visitor is signed out: the site builds and runs without an account.

**How sign-in works:** \`/api/auth/login/?returnTo=/account/\` asks \`@supabase/supabase-js\` (OAuth with PKCE) for Supabase Auth's authorize URL and sends the visitor there; the PKCE verifier waits in a sealed, HttpOnly cookie sent to \`/api/auth/\` only, for ten minutes. Supabase sends them back to \`/api/auth/callback/\`, which trades the code with that verifier (\`exchangeCodeForSession\`) and sets the site's session: one cookie, \`__Host-jam_session\`, encrypted (JWE, A256GCM) with a key derived from \`AUTH_SECRET\` for sessions alone (the sign-in flow's cookie has a key and audience of its own, so neither passes for the other), HttpOnly, Secure, SameSite=Lax, for 8 hours, holding the user's id, name and email. Supabase's own tokens are not kept. \`returnTo\` only ever goes to a path on this site; \`/api/auth/logout/\` clears the cookie. A tampered or expired cookie counts as signed out.

${authReadme}

**Env:** \`AUTH_SECRET\` is a secret: server only. \`SUPABASE_URL\` and the publishable key are public by design.`,
});
