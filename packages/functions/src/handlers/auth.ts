// /api/auth/login, /callback, /logout and /me, the same for every provider (./auth/provider.ts says
// which). Without the provider's variables or AUTH_SECRET, sign-in answers 503 with one sentence
// naming them, and /me says the visitor is signed out: the site still builds and runs.
import { provider } from "../auth/provider.ts";
import { sessionOf } from "../auth/session.ts";
import { env } from "../env.ts";
import type { Route } from "../types.ts";

const MIN_SECRET = 32;

/** What sign-in still needs: the provider's variables, and an AUTH_SECRET long enough to key the cookie. */
const missingVariables = () => [...provider.missing(), ...((env("AUTH_SECRET")?.length ?? 0) < MIN_SECRET ? ["AUTH_SECRET"] : [])];

function notConfigured(): Response | undefined {
  const missing = missingVariables();
  if (!missing.length) return undefined;
  console.error(`auth: ${provider.name} sign-in is not set up: set ${missing.join(", ")} (see README, Auth).`);
  return new Response(`Sign-in is not set up on this site yet (${missing.join(", ")} not set).\n`, { status: 503, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

const guarded = (step: (request: Request) => Promise<Response>): Route => ({
  methods: ["GET"],
  handler: async (request) => notConfigured() ?? step(request),
});

export const authLogin = guarded((r) => provider.login(r));
export const authCallback = guarded((r) => provider.callback(r));
export const authLogout = guarded((r) => provider.logout(r));

/** GET /api/auth/me: `{ user }`, null when signed out; never cached (it is one visitor's). */
export const authMe: Route = {
  methods: ["GET"],
  handler: async (request) => {
    const configured = missingVariables().length === 0;
    const user = configured ? ((await sessionOf(request, env("AUTH_SECRET"))) ?? null) : null;
    return Response.json({ user, configured }, { headers: { "cache-control": "private, no-store" } });
  },
};
