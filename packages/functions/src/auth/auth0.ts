// Auth0 as an OpenID Connect provider (./oidc.ts): its tenant's issuer is https://<AUTH0_DOMAIN>/.
import { env } from "../env.ts";
import { callback, login, logout, type OidcSettings } from "./oidc.ts";
import type { AuthProvider } from "./types.ts";

const REQUIRED = ["AUTH0_DOMAIN", "AUTH0_CLIENT_ID", "AUTH0_CLIENT_SECRET"];

function settings(): OidcSettings {
  // AUTH0_ISSUER_URL: another issuer than the tenant's (a custom domain's, a test server's).
  const issuer = env("AUTH0_ISSUER_URL") ?? `https://${env("AUTH0_DOMAIN")}/`;
  return { issuer, clientId: env("AUTH0_CLIENT_ID") as string, clientSecret: env("AUTH0_CLIENT_SECRET") as string, secret: env("AUTH_SECRET") };
}

export const provider: AuthProvider = {
  name: "Auth0",
  missing: () => REQUIRED.filter((n) => !env(n)),
  login: (request) => login(request, settings()),
  callback: (request) => callback(request, settings()),
  logout: (request) => logout(request, settings()),
};
