// Comments as a visitor uses them, in Chromium, with any backend and sign-in: the Supabase backend
// over a loopback PostgREST (packages/functions/test/postgrest-server.ts), the Firebase backend
// over a loopback Firestore (packages/functions/test/firestore-server.ts).
import { expect } from "vitest";
import type { BrowserSignIn } from "./auth.ts";
import { onSite } from "./browser.ts";
import { SITEVERIFY_SECRET } from "../../packages/functions/test/siteverify-server.ts";

export const supabaseServiceKey = "canary-supabase-service-role-key-e2e";

/** The backend's variables for the loopback PostgREST at `url`. */
export const supabaseEnv = (url: string) => ({ SUPABASE_URL: url, SUPABASE_SERVICE_ROLE_KEY: supabaseServiceKey });

/** A service account's private key as a canary: no built file may hold it (the emulator needs none). */
export const firebasePrivateKey = "canary-firebase-private-key-e2e-5e1f";

/** The Firebase backend's variables for the loopback Firestore at `host` (host:port). */
export const firestoreEnv = (host: string, projectId = "demo-jam") => ({ FIRESTORE_EMULATOR_HOST: host, FIREBASE_PROJECT_ID: projectId });

/**
 * Turnstile's keys for a site whose anonymous comments are checked by the loopback siteverify at
 * `url` (packages/functions/test/siteverify-server.ts).
 */
export const turnstileEnv = (url: string) => ({ TURNSTILE_SITE_KEY: "0x4AAAAAAA-e2e-site-key", TURNSTILE_SECRET_KEY: SITEVERIFY_SECRET, TURNSTILE_SITEVERIFY_URL: url });

/**
 * Cloudflare's Turnstile script cannot load here (no network beyond the registry): the browser gets
 * this one in its place, which solves at once with a token the loopback siteverify passes for this
 * page's hostname and the action it was rendered for, and solves again after a reset, as Turnstile does.
 */
const TURNSTILE_IN_PLACE = `window.turnstile = {
  widgets: {},
  render(el, o) { const id = "w" + Object.keys(this.widgets).length; this.widgets[id] = o; this.solve(id); return id; },
  reset(id) { this.solve(id); },
  solve(id) { const o = this.widgets[id]; setTimeout(() => o.callback("pass:" + location.hostname + ":" + o.action + ":" + Math.random())); },
};`;

/** A visitor who does not sign in (--anonymous-comments): they give this name. */
export interface Anonymous {
  anonymous: true;
  name: string;
}

/**
 * On a post, the comments load on scroll. Signed out, a sign-in link; signed in (or, with
 * --anonymous-comments, at once, with a name given), a comment holding a script tag is posted,
 * shown as text (the script never runs), and is there after a reload. Then /api/comments refuses a
 * post without a session (or without a name, or with the bots' hidden field filled in) and one
 * from another origin.
 */
export async function commentInBrowser(siteUrl: string, who: BrowserSignIn | Anonymous, post = "/posts/hello-jamstack/") {
  await onSite(siteUrl, async (page, context) => {
    const comments = page.locator("jam-comments");
    await page.goto(`${siteUrl}${post}`);
    await comments.scrollIntoViewIfNeeded();
    if ("anonymous" in who) {
      await context.route("https://challenges.cloudflare.com/turnstile/v0/api.js*", (route) => route.fulfill({ contentType: "text/javascript", body: TURNSTILE_IN_PLACE }));
      await comments.locator("textarea").waitFor({ timeout: 10_000 });
      expect(await comments.locator("a", { hasText: "Sign in" }).count()).toBe(0);
      await comments.getByLabel("Your name").fill(who.name);
    } else {
      await comments.locator("a", { hasText: "Sign in to comment" }).waitFor({ timeout: 10_000 });
      await who.signIn(page);
      await page.waitForURL(`${siteUrl}${post}`, { timeout: 15_000 });
      await comments.scrollIntoViewIfNeeded();
    }
    expect(await comments.innerText()).toContain("No comments yet.");
    const text = "<script>window.__pwned = 1</script>Nice post & <b>bold</b> claims";
    await comments.locator("textarea").fill(text);
    await comments.locator("button", { hasText: "Post comment" }).click();
    await comments.getByText("Posted.").waitFor({ timeout: 10_000 });
    const shown = async () => comments.locator(".comment-body").allInnerTexts();
    expect(await shown()).toEqual([text]);
    expect(await comments.locator(".comment-author").first().innerText()).toContain(who.name);
    expect(await page.evaluate("window.__pwned")).toBeUndefined();
    expect(await comments.locator("b, script").count()).toBe(0);

    await page.reload();
    await comments.scrollIntoViewIfNeeded();
    await comments.locator(".comment-body").first().waitFor({ timeout: 10_000 });
    expect(await shown()).toEqual([text]);
    expect(await page.evaluate("window.__pwned")).toBeUndefined();

    const cookie = (await context.cookies(siteUrl)).map((c) => `${c.name}=${c.value}`).join("; ");
    const send = (headers: Record<string, string>, fields: Record<string, string> = {}) =>
      fetch(`${siteUrl}/api/comments/`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ entry: post.split("/")[2], body: "Sneaky", ...fields }) });
    if ("anonymous" in who) {
      expect((await send({ origin: siteUrl }, { website: "" })).status).toBe(400);
      expect((await send({ origin: siteUrl }, { name: "Bot", website: "https://spam.example" })).status).toBe(400);
      expect((await send({ origin: "https://evil.example" }, { name: "Eve", website: "" })).status).toBe(403);
    } else {
      expect((await send({ origin: siteUrl })).status).toBe(401);
      expect((await send({ origin: "https://evil.example", cookie })).status).toBe(403);
    }
  });
}
