import { defineModule } from "../../create-jam/src/engine/define.ts";
import { authModule, authReadme } from "../shared/auth.ts";
import { authSecretEnv } from "../shared/env.ts";
import pkg from "./package.json" with { type: "json" };

// The handlers, the badge, /account/ and members-only posts are every auth module's (../shared/auth.ts),
// written once over an AuthProvider; this module brings the OIDC flow and names Auth0 in
// src/auth/provider.ts.
export default defineModule(pkg, {
  // openid-client runs the OIDC flow.
  ...authModule({ id: "auth0", files: ["src/auth/oidc.ts", "src/auth/auth0.ts", "src/auth/flow.ts"], dependencies: ["openid-client"] }),
  label: "Auth0",
  hint: "sign-in through Auth0's OpenID Connect endpoints; a sealed HttpOnly session cookie",
  env: [
    { name: "AUTH0_DOMAIN", visibility: "public", description: "the tenant's domain (Auth0 dashboard › Applications › your app › Settings), e.g. my-site.eu.auth0.com" },
    { name: "AUTH0_CLIENT_ID", visibility: "public", description: "the application's Client ID (a Regular Web Application)" },
    { name: "AUTH0_CLIENT_SECRET", visibility: "secret", description: "the application's Client Secret: the callback trades the sign-in code with it" },
    authSecretEnv,
    { name: "AUTH0_ISSUER_URL", visibility: "public", description: "another issuer than https://<AUTH0_DOMAIN>/ (a custom domain, a test server); leave empty" },
  ],
  goLive: [
    { phase: "account", do: `Create a free Auth0 tenant and a *Regular Web Application* in it. In its settings add \`https://<your site>/api/auth/callback/\` to *Allowed Callback URLs* and \`https://<your site>/\` to *Allowed Logout URLs* (and the same on \`{{devUrl}}\` for development).`, check: `the application's settings list both URLs.` },
    { phase: "variables", do: `Set \`AUTH0_DOMAIN\`, \`AUTH0_CLIENT_ID\`, \`AUTH0_CLIENT_SECRET\` and \`AUTH_SECRET\` (32 or more random characters: \`openssl rand -hex 32\`) in \`.env\` and in the host's settings.`, check: `\`curl -s https://<your site>/api/auth/me/\` answers \`"configured":true\`; \`/api/auth/login/\` sends you to the sign-in.` },
  ],
  readme: `## Auth: Auth0

**Account:** a free Auth0 tenant and a *Regular Web Application* in it. Until \`AUTH0_DOMAIN\`, \`AUTH0_CLIENT_ID\`, \`AUTH0_CLIENT_SECRET\` and \`AUTH_SECRET\` are set, \`/api/auth/login\` answers 503 naming the missing ones and \`/api/auth/me\` says the visitor is signed out: the site builds and runs without an account.

**How sign-in works:** a link to \`/api/auth/login/?returnTo=/account/\` sends the visitor to Auth0 (authorization code with PKCE and a state, by \`openid-client\` through the tenant's OpenID Connect discovery). Auth0 sends them back to \`/api/auth/callback/\`, which checks the state, the PKCE verifier and the ID token, then sets the session: one cookie, \`__Host-jam_session\`, encrypted (JWE, A256GCM) with a key derived from \`AUTH_SECRET\` for sessions alone (the sign-in flow's cookie has a key and audience of its own, so neither passes for the other), HttpOnly, Secure, SameSite=Lax, for 8 hours. \`returnTo\` only ever goes to a path on this site. \`/api/auth/me/\` answers \`{ user, configured }\` (never cached); \`/api/auth/logout/\` clears the cookie and ends the Auth0 session, back to the home page. A tampered or expired cookie counts as signed out.

${authReadme}

**Env:** \`AUTH0_CLIENT_SECRET\` and \`AUTH_SECRET\` are secrets: server only, never in a page or bundle.`,
});
