// Sign-in through Supabase Auth with its official client (supabase-js), as a server-side OAuth
// flow with PKCE: /api/auth/login asks supabase-js for the provider's authorize URL (GitHub by
// default; SUPABASE_AUTH_PROVIDER names another the project has enabled) and keeps the verifier it
// made in the same sealed, short-lived flow cookie the OIDC flow uses; /api/auth/callback hands
// supabase-js the code and that verifier (POST /auth/v1/token?grant_type=pkce) and signs the visitor
// in with the site's own session cookie. Supabase's tokens are not kept: the site's session is
// the one cookie.
import { createClient, type SupportedStorage } from "@supabase/supabase-js";
import { env } from "../env.ts";
import { clearedFlowCookie, FLOW_PATH, flowCookie, flowOf } from "./flow.ts";
import { redirect } from "./redirect.ts";
import { returnPath } from "./return-to.ts";
import { clearedSessionCookie, sessionCookie } from "./session.ts";
import type { AuthProvider } from "./types.ts";

const REQUIRED = ["SUPABASE_URL", "SUPABASE_PUBLISHABLE_KEY"];
/** Where supabase-js keeps the PKCE verifier in its storage: `<storageKey>-code-verifier`. */
const STORAGE_KEY = "jam";
const VERIFIER_KEY = `${STORAGE_KEY}-code-verifier`;

/** A client for one request: its storage is a Map, so nothing outlives the request but what we seal. */
function client(items = new Map<string, string>()) {
  const storage: SupportedStorage = {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
  const supabase = createClient(env("SUPABASE_URL") as string, env("SUPABASE_PUBLISHABLE_KEY") as string, {
    auth: { flowType: "pkce", storage, storageKey: STORAGE_KEY, persistSession: true, autoRefreshToken: false, detectSessionInUrl: false },
  });
  return { supabase, items };
}

const text = (status: number, body: string) =>
  new Response(`${body}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "set-cookie": clearedFlowCookie() } });

export const provider: AuthProvider = {
  name: "Supabase Auth",
  missing: () => REQUIRED.filter((n) => !env(n)),

  async login(request) {
    const url = new URL(request.url);
    const { supabase, items } = client();
    const { data, error } = await supabase.auth.signInWithOAuth({
      provider: (env("SUPABASE_AUTH_PROVIDER") ?? "github") as "github",
      options: { redirectTo: `${url.origin}${FLOW_PATH}callback/`, skipBrowserRedirect: true },
    });
    const verifier = items.get(VERIFIER_KEY);
    if (error || !data.url || !verifier) {
      console.error(`auth: Supabase Auth gave no sign-in URL: ${error?.message ?? "no PKCE verifier"}`);
      return text(502, "Sign-in is not available right now: try again.");
    }
    // Supabase Auth keeps the OAuth state itself; the flow's own id only names it.
    const flow = await flowCookie({ state: crypto.randomUUID(), verifier, returnTo: returnPath(url.searchParams.get("returnTo"), url.origin) }, env("AUTH_SECRET"));
    return redirect(data.url, [flow]);
  },

  async callback(request) {
    const secret = env("AUTH_SECRET");
    const flow = await flowOf(request, secret);
    const code = new URL(request.url).searchParams.get("code");
    if (!flow) return text(400, "This sign-in expired or did not start here: sign in again.");
    if (!code) return text(401, "The sign-in did not complete: sign in again.");
    const { supabase } = client(new Map([[VERIFIER_KEY, flow.verifier]]));
    const { data, error } = await supabase.auth.exchangeCodeForSession(code);
    if (error || !data.user) {
      console.error(`auth: Supabase Auth refused the sign-in: ${error?.message ?? "no user"}`);
      return text(401, "The sign-in did not complete: sign in again.");
    }
    const { user } = data;
    const meta = user.user_metadata as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === "string" && v ? v : undefined);
    const session = await sessionCookie({ id: user.id, name: str(meta.full_name) ?? str(meta.name), email: user.email, picture: str(meta.avatar_url) }, secret);
    return redirect(flow.returnTo, [session, clearedFlowCookie()], 303);
  },

  async logout(request) {
    const url = new URL(request.url);
    return redirect(returnPath(url.searchParams.get("returnTo"), url.origin), [clearedSessionCookie()]);
  },
};
