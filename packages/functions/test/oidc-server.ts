// A local OpenID Connect provider (oidc-provider) configured as an Auth0 tenant is: authorization
// code with PKCE, the profile and email claims in the ID token, RP-initiated logout. `signIn` walks
// its dev login and consent pages as a browser would (form posts, cookies, redirects) and returns
// the URL the provider sends the visitor back to.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** The cookies a response sets, as a browser's next request would carry them. */
export const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");

export interface OidcServer {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Signs `account` in through the provider's pages from `authorizationUrl`; the redirect back. */
  signIn(authorizationUrl: string, account: string): Promise<URL>;
  close(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => ok(port));
    });
  });

export async function startOidc(site: string): Promise<OidcServer> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "jam-site";
  const clientSecret = "jam-site-secret-for-tests-only-0123456789";
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [`${site}/api/auth/callback/`], post_logout_redirect_uris: [`${site}/`], response_types: ["code"], grant_types: ["authorization_code"] }],
    async findAccount(_ctx, id) {
      return { accountId: id, claims: async () => ({ sub: id, name: `${id} Lovelace`, email: `${id}@example.com`, email_verified: true }) };
    },
    claims: { openid: ["sub"], profile: ["name", "picture"], email: ["email", "email_verified"] },
    // Auth0 puts the profile claims in the ID token itself.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    cookies: { keys: ["oidc-cookie-key-for-tests"] },
  });
  const server: Server = createServer(provider.callback());
  await new Promise<void>((ok) => server.listen(port, "127.0.0.1", ok));

  async function signIn(authorizationUrl: string, account: string): Promise<URL> {
    const jar = new Map<string, string>();
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const keep = (res: Response) => {
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(";");
        const [k, ...v] = (pair ?? "").split("=");
        if (k) jar.set(k.trim(), v.join("="));
      }
    };
    let url = new URL(authorizationUrl);
    let body: string | undefined;
    for (let hop = 0; hop < 12; hop++) {
      const res = await fetch(url, { method: body ? "POST" : "GET", body, redirect: "manual", headers: { cookie: cookie(), ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) } });
      keep(res);
      body = undefined;
      const location = res.headers.get("location");
      if (location) {
        const next = new URL(location, url);
        if (next.origin !== issuer) return next;
        url = next;
        continue;
      }
      const page = await res.text();
      if (!res.ok) throw new Error(`the OIDC server answered ${res.status}: ${page.slice(0, 300)}`);
      // The dev interaction pages: a login form, then a consent form, both posting to the same URL.
      body = page.includes('name="login"') ? new URLSearchParams({ prompt: "login", login: account, password: "any" }).toString() : new URLSearchParams({ prompt: "consent" }).toString();
    }
    throw new Error("the OIDC server did not send the visitor back");
  }

  return { issuer, clientId, clientSecret, signIn, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}
