// Sign-in through Firebase Auth (the Firebase module's flow) against the Firebase Auth emulator:
// sign-up and sign-in with the Firebase web SDK, as /sign-in/'s widget does, then the ID token
// posted to /api/auth/callback, verified by firebase-admin through FIREBASE_AUTH_EMULATOR_HOST.
import { initializeApp } from "firebase/app";
import { connectAuthEmulator, createUserWithEmailAndPassword, getAuth, inMemoryPersistence, setPersistence, signInWithEmailAndPassword, signOut } from "firebase/auth";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { provider } from "../src/auth/firebase.ts";
import { guarded } from "../src/auth/guard.ts";
import { SESSION_COOKIE, sessionOf } from "../src/auth/session.ts";
import { type AuthEmulator, startAuthEmulator } from "./firebase-emulator.ts";
import { REDIRECT_VECTORS, staysOn } from "./redirect-vectors.ts";

const site = "https://site.example";
const secret = "an-auth-secret-of-32-characters-or-more";
let emulator: AuthEmulator;
let web: ReturnType<typeof getAuth>;

beforeAll(async () => {
  emulator = await startAuthEmulator();
  web = getAuth(initializeApp({ apiKey: "demo-api-key", authDomain: `${emulator.projectId}.firebaseapp.com`, projectId: emulator.projectId }, "test"));
  connectAuthEmulator(web, `http://${emulator.host}`, { disableWarnings: true });
  await setPersistence(web, inMemoryPersistence);
}, 90_000);
afterAll(() => emulator?.close());
beforeEach(() => {
  vi.stubEnv("FIREBASE_API_KEY", "demo-api-key");
  vi.stubEnv("FIREBASE_AUTH_DOMAIN", `${emulator.projectId}.firebaseapp.com`);
  vi.stubEnv("FIREBASE_PROJECT_ID", emulator.projectId);
  vi.stubEnv("FIREBASE_AUTH_EMULATOR_HOST", emulator.host);
  vi.stubEnv("AUTH_SECRET", secret);
});
afterEach(() => vi.unstubAllEnvs());

const post = (fields: Record<string, string>, origin = site) =>
  provider.callback(new Request(`${site}/api/auth/callback/`, { method: "POST", headers: { origin, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields) }));

describe("Firebase Auth sign-in", () => {
  it("sends sign-in to the site's own /sign-in/ page, keeping returnTo on the site", async () => {
    const res = await provider.login(new Request(`${site}/api/auth/login?returnTo=${encodeURIComponent("/posts/members-only/")}`));
    expect(res.headers.get("location")).toBe("/sign-in/?returnTo=%2Fposts%2Fmembers-only%2F");
    const away = await provider.login(new Request(`${site}/api/auth/login?returnTo=https://evil.example/`));
    expect(away.headers.get("location")).toBe("/sign-in/?returnTo=%2F");
  });

  it.each(REDIRECT_VECTORS)("keeps %j on the site, signing in and out", async (vector) => {
    const login = await provider.login(new Request(`${site}/api/auth/login?returnTo=${encodeURIComponent(vector)}`));
    const to = new URL(login.headers.get("location") as string, site);
    expect(staysOn(to.searchParams.get("returnTo"), `${site}/sign-in/`)).toBe(true);
    const out = await provider.logout(new Request(`${site}/api/auth/logout?returnTo=${encodeURIComponent(vector)}`));
    expect(staysOn(out.headers.get("location"), `${site}/api/auth/logout/`)).toBe(true);
  });

  it("signs up and in with the web SDK; the posted ID token, verified by firebase-admin, gives the site's session", async () => {
    const created = await createUserWithEmailAndPassword(web, "ada@example.com", "correct-horse");
    await signOut(web);
    const { user } = await signInWithEmailAndPassword(web, "ada@example.com", "correct-horse");
    expect(user.uid).toBe(created.user.uid);
    const res = await post({ idToken: await user.getIdToken(), returnTo: "/account/" });
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get("location")).toBe("/account/");
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) as string;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(await sessionOf(new Request(site, { headers: { cookie: cookie.split(";")[0] as string } }), secret)).toMatchObject({ id: user.uid, email: "ada@example.com" });
  });

  it("refuses a token that is not an ID token of this project, none, a form from elsewhere, and a foreign returnTo", async () => {
    const { user } = await signInWithEmailAndPassword(web, "ada@example.com", "correct-horse").catch(() => createUserWithEmailAndPassword(web, "ada@example.com", "correct-horse"));
    const token = await user.getIdToken();
    expect((await post({ idToken: "not-a-token" })).status).toBe(401);
    vi.stubEnv("FIREBASE_PROJECT_ID", "another-project");
    expect((await post({ idToken: token })).status).toBe(401);
    vi.stubEnv("FIREBASE_PROJECT_ID", emulator.projectId);
    expect((await post({ returnTo: "/" })).status).toBe(400);
    const foreign = await post({ idToken: token }, "https://evil.example");
    expect(foreign.status).toBe(403);
    expect(foreign.headers.getSetCookie()).toEqual([]);
    expect((await post({ idToken: token, returnTo: "https://evil.example/" })).headers.get("location")).toBe("/");
  });

  it("takes the callback as a POST only", () => {
    expect(guarded(provider.callback, provider.callbackMethod).methods).toEqual(["POST"]);
  });
});
