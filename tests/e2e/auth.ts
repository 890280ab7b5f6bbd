// Sign-in as a visitor does it, in Chromium, against the local OIDC server (set up as an Auth0
// tenant is): the header's badge, the members-only post before and after, /account/, sign-out.
// And the promise that no built file holds a members-only body.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import type { OidcServer } from "../../packages/functions/test/oidc-server.ts";
import { onSite } from "./browser.ts";

/** The demo members-only post (templates/auth-auth0/files/.../members-only.md). */
export const membersPost = { path: "/posts/members-only/", title: "For members only", phrase: "This paragraph is the members' reward" };

/** Canary values: built with these as the secrets, no file a browser can fetch may hold them. */
export const authCanaries = { AUTH_SECRET: "canary-auth-secret-0123456789abcdef0123", AUTH0_CLIENT_SECRET: "canary-auth0-client-secret-e2e" };

/** The Auth0 module's variables for a test tenant at `oidc`. */
export const auth0Env = (oidc: OidcServer) => ({
  AUTH0_DOMAIN: "tenant.example.auth0.com",
  AUTH0_ISSUER_URL: oidc.issuer,
  AUTH0_CLIENT_ID: oidc.clientId,
  AUTH0_CLIENT_SECRET: oidc.clientSecret,
  AUTH_SECRET: "auth-secret-e2e-of-at-least-32-characters",
});

/** No file of the built site holds the members-only body, nor any of `secrets`. */
export function expectNothingPrivate(dir: string, secrets: string[] = Object.values(authCanaries)) {
  for (const file of readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
    const text = readFileSync(join(file.parentPath, file.name), "latin1");
    const where = join(file.parentPath, file.name);
    expect(text.includes(membersPost.phrase), `${where} holds the members-only body`).toBe(false);
    for (const secret of secrets) expect(text.includes(secret), `${where} holds a secret value`).toBe(false);
  }
}

/** Clicks the header's "Sign in" and walks the OIDC server's login and consent pages as "ada". */
export async function signInFromHeader(page: Page, oidc: OidcServer) {
  await page.locator("header jam-account a", { hasText: "Sign in" }).click();
  await page.waitForURL((u) => u.href.startsWith(oidc.issuer), { timeout: 10_000 });
  await page.locator('input[name="login"]').fill("ada");
  await page.locator('input[name="password"]').fill("any");
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]', { hasText: "Continue" }).click();
}

/** Who signs in and how: the provider's pages walked from the header's "Sign in" link. */
export interface BrowserSignIn {
  signIn(page: Page): Promise<void>;
  name: string;
  email: string;
}

/** Through the local OIDC server, as Auth0's tenant: "ada". */
export const oidcSignIn = (oidc: OidcServer): BrowserSignIn => ({ signIn: (page) => signInFromHeader(page, oidc), name: "ada Lovelace", email: "ada@example.com" });

/** Through the loopback GoTrue (Supabase Auth), which sends the visitor straight back with a code. */
export const supabaseSignIn: BrowserSignIn = {
  signIn: (page) => page.locator("header jam-account a", { hasText: "Sign in" }).click(),
  name: "Grace Hopper",
  email: "grace@example.com",
};

/**
 * In Chromium: the members post shows its placeholder; the header's "Sign in" goes through the
 * provider's pages and back to the same post, now with its body; the badge names the visitor;
 * /account/ shows them and lists the post; sign-out ends it, and the post is refused again. No
 * error on the site's own pages on the way.
 */
/** /api/members/ answers 401 before sign-in, as it should. */
const membersRefusal = (status: number, url: string) => status === 401 && url.includes("/api/members/");

export async function signInInBrowser(siteUrl: string, who: BrowserSignIn) {
  await onSite(siteUrl, async (page, context) => {
    const body = () => page.locator("main").innerText();
    await page.goto(`${siteUrl}${membersPost.path}`);
    await page.locator("jam-members a", { hasText: "Sign in to read it" }).waitFor({ timeout: 10_000 });
    expect(await body()).toContain("This post is for members only.");
    expect(await body()).not.toContain(membersPost.phrase);

    await who.signIn(page);
    // Back where the visitor started (returnTo is the page's own path), signed in.
    await page.waitForURL(`${siteUrl}${membersPost.path}`, { timeout: 15_000 });
    await page.getByText(membersPost.phrase).waitFor({ timeout: 10_000 });
    expect(await page.locator("header jam-account a").innerText()).toBe(who.name);

    await page.locator("header jam-account a").click();
    await page.waitForURL(`${siteUrl}/account/`);
    await page.getByText(`Signed in as ${who.name}`).waitFor({ timeout: 10_000 });
    expect(await body()).toContain(who.email);
    expect(await page.locator("main a", { hasText: membersPost.title }).getAttribute("href")).toBe(membersPost.path);

    const cookies = await context.cookies(siteUrl);
    const session = cookies.find((c) => c.name === "__Host-jam_session");
    expect(session, JSON.stringify(cookies)).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax" });

    await page.locator("main a", { hasText: "Sign out" }).click();
    await page.waitForURL((u) => !u.href.startsWith(`${siteUrl}/api/`), { timeout: 10_000 });
    expect((await context.cookies(siteUrl)).some((c) => c.name === "__Host-jam_session")).toBe(false);
    await page.goto(`${siteUrl}${membersPost.path}`);
    await page.locator("jam-members a", { hasText: "Sign in to read it" }).waitFor({ timeout: 10_000 });
    expect(await body()).not.toContain(membersPost.phrase);
    expect(await page.locator("header jam-account a").innerText()).toBe("Sign in");
  }, membersRefusal);
}

/** Without a session: /api/members/ answers 401 and /api/auth/me/ says nobody is signed in. */
export async function expectMembersRefused(siteUrl: string) {
  const members = await fetch(`${siteUrl}/api/members/?entry=posts/members-only`);
  expect(members.status).toBe(401);
  expect(members.headers.get("cache-control")).toContain("no-store");
  expect(await (await fetch(`${siteUrl}/api/auth/me/`)).json()).toEqual({ user: null, configured: true });
}

/** Firebase Auth's variables for the emulator at `host` (the sign-in page reads them at build time). */
export const firebaseEnv = (host: string, projectId = "demo-jam") => ({
  FIREBASE_API_KEY: "demo-api-key",
  FIREBASE_AUTH_DOMAIN: `${projectId}.firebaseapp.com`,
  FIREBASE_PROJECT_ID: projectId,
  FIREBASE_AUTH_EMULATOR_HOST: host,
  AUTH_SECRET: "auth-secret-e2e-of-at-least-32-characters",
});

/** Through the site's own /sign-in/ page (Firebase Auth, the Auth emulator): a new account each time. */
export const firebaseSignIn = (email = `grace-${Date.now()}@example.com`) => ({
  email,
  password: "correct-horse-battery",
  // With no display name, comments call the visitor "A member": never their address, nor a part of it.
  name: "A member",
  async signIn(page: Page) {
    await page.locator("header jam-account a", { hasText: "Sign in" }).click();
    await page.waitForURL((u) => u.pathname === "/sign-in/", { timeout: 10_000 });
    await page.locator("#jam-email").fill(email);
    await page.locator("#jam-password").fill(this.password);
    await page.locator("jam-firebase-sign-in button", { hasText: "Create an account" }).click();
  },
});

/**
 * In Chromium, with Firebase Auth: the header's "Sign in" leads to the site's /sign-in/, where the
 * widget (the Firebase web SDK, against the Auth emulator) creates the account and posts the ID
 * token; back on the members-only post, now with its body; /account/ names the visitor; sign-out
 * ends it. The password is never sent to the site.
 */
export async function signInWithFirebaseInBrowser(siteUrl: string) {
  await onSite(siteUrl, async (page, context) => {
    const posted: string[] = [];
    page.on("request", (r) => {
      if (r.url().startsWith(siteUrl) && r.method() === "POST") posted.push(r.postData() ?? "");
    });
    const who = firebaseSignIn();
    const { email, password } = who;
    await page.goto(`${siteUrl}${membersPost.path}`);
    await page.locator("jam-members a", { hasText: "Sign in to read it" }).waitFor({ timeout: 10_000 });
    await who.signIn(page);
    await page.waitForURL(`${siteUrl}${membersPost.path}`, { timeout: 20_000 });
    await page.getByText(membersPost.phrase).waitFor({ timeout: 10_000 });
    expect(await page.locator("header jam-account a").innerText()).toBe(email);
    expect(posted.join("\n")).not.toContain(password);
    expect(posted.some((p) => p.includes("idToken="))).toBe(true);

    await page.goto(`${siteUrl}/account/`);
    await page.locator("main").getByText(email).waitFor({ timeout: 10_000 });
    const session = (await context.cookies(siteUrl)).find((c) => c.name === "__Host-jam_session");
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax" });
    await page.locator("main a", { hasText: "Sign out" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/api/"), { timeout: 10_000 });
    expect((await context.cookies(siteUrl)).some((c) => c.name === "__Host-jam_session")).toBe(false);
  }, membersRefusal);
}
