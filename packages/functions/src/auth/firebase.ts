// Sign-in through Firebase Auth: the visitor signs in on the site's own /sign-in/ page with the
// Firebase web SDK (packages/sections/widgets/firebase-sign-in.ts), which posts the ID token it got
// to /api/auth/callback/. There firebase-admin verifies the token (Google's signature, the
// project, the expiry; the Auth emulator's when FIREBASE_AUTH_EMULATOR_HOST is set) and the visitor
// gets the site's own session cookie. The browser keeps no Firebase session: the cookie is the one.
import { type App, getApps, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { env } from "../env.ts";
import { fromSite } from "../origin.ts";
import { redirect } from "./redirect.ts";
import { returnPath } from "./return-to.ts";
import { clearedSessionCookie, sessionCookie } from "./session.ts";
import type { AuthProvider } from "./types.ts";

const REQUIRED = ["FIREBASE_API_KEY", "FIREBASE_AUTH_DOMAIN", "FIREBASE_PROJECT_ID"];
const APP_NAME = "create-jam-auth";

/** firebase-admin for the project, one app per project id: verifying ID tokens needs its id only (no service account). */
function app(projectId: string): App {
  const name = `${APP_NAME}-${projectId}`;
  return getApps().find((a) => a.name === name) ?? initializeApp({ projectId }, name);
}

const text = (status: number, body: string) => new Response(`${body}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

export const provider: AuthProvider = {
  name: "Firebase Auth",
  missing: () => REQUIRED.filter((n) => !env(n)),
  callbackMethod: "POST",

  // The sign-in form is the site's own page.
  async login(request) {
    const url = new URL(request.url);
    return redirect(`/sign-in/?returnTo=${encodeURIComponent(returnPath(url.searchParams.get("returnTo"), url.origin))}`);
  },

  async callback(request) {
    if (!fromSite(request)) return text(403, "Sign in from this site's own sign-in page.");
    const type = request.headers.get("content-type") ?? "";
    if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) return text(415, "Send the sign-in page's form.");
    const form = await request.formData();
    const idToken = form.get("idToken");
    const url = new URL(request.url);
    const returnTo = returnPath(typeof form.get("returnTo") === "string" ? (form.get("returnTo") as string) : null, url.origin);
    if (typeof idToken !== "string" || !idToken) return text(400, "The sign-in page sent no ID token: sign in again.");
    let claims: Awaited<ReturnType<ReturnType<typeof getAuth>["verifyIdToken"]>>;
    try {
      claims = await getAuth(app(env("FIREBASE_PROJECT_ID") as string)).verifyIdToken(idToken);
    } catch (error) {
      console.error(`auth: Firebase Auth refused the ID token: ${(error as Error).message}`);
      return text(401, "The sign-in did not complete: sign in again.");
    }
    const str = (v: unknown) => (typeof v === "string" && v ? v : undefined);
    const session = await sessionCookie({ id: claims.uid, name: str(claims.name), email: str(claims.email), picture: str(claims.picture) }, env("AUTH_SECRET"));
    return redirect(returnTo, [session], 303);
  },

  async logout(request) {
    const url = new URL(request.url);
    return redirect(returnPath(url.searchParams.get("returnTo"), url.origin), [clearedSessionCookie()]);
  },
};
