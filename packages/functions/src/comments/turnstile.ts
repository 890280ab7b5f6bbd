// Anonymous comments pass a challenge first: Cloudflare Turnstile. The widget on the post shows it
// (packages/sections/widgets/comments.ts) and sends its token with the comment; here the token is
// checked with Turnstile's siteverify, on the server, with the secret key: it must be valid, fresh
// and unused (single use, 300 s), solved for the "comment" action, on this site's hostname.
//
// Cloudflare's published test keys (they always pass, or always fail) are taken only on a local
// origin, so a site deployed with them by mistake refuses anonymous comments instead of taking
// them unchecked.
import { env } from "../env.ts";
import { visitorOf } from "../rate-limit.ts";
import type { Refusal } from "./types.ts";

export const SITEVERIFY = "https://challenges.cloudflare.com/turnstile/v0/siteverify";
/** The action the widget renders with: a token solved for another form of the site is not a comment's. */
export const ACTION = "comment";
/** The field the widget's token travels in (Turnstile's own name for it). */
export const TOKEN_FIELD = "cf-turnstile-response";
/** Cloudflare's test secret keys (developers.cloudflare.com/turnstile/troubleshooting/testing). */
const TEST_SECRETS = new Set(["1x0000000000000000000000000000000AA", "2x0000000000000000000000000000000AA", "3x0000000000000000000000000000000AA"]);
const LOCAL = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** What the comments widget needs to show the challenge (a public key), or undefined before it is set up. */
export const turnstileChallenge = () => {
  const siteKey = env("TURNSTILE_SITE_KEY");
  return siteKey && env("TURNSTILE_SECRET_KEY") ? { turnstile: siteKey } : undefined;
};

interface Siteverify {
  success: boolean;
  hostname?: string;
  action?: string;
  "error-codes"?: string[];
}

/** true when `token` is a fresh Turnstile pass for a comment on this site; else why not. */
export async function passedTurnstile(request: Request, token: unknown): Promise<true | Refusal> {
  const secret = env("TURNSTILE_SECRET_KEY");
  if (!secret || !env("TURNSTILE_SITE_KEY")) {
    console.error("comments: anonymous comments need a challenge: set TURNSTILE_SITE_KEY and TURNSTILE_SECRET_KEY (see README, Backend).");
    return { status: 503, error: "Comments are not open yet on this site." };
  }
  const hosts = new Set([new URL(request.url).hostname, ...(env("SITE_URL") && URL.canParse(env("SITE_URL") as string) ? [new URL(env("SITE_URL") as string).hostname] : [])]);
  if (TEST_SECRETS.has(secret) && ![...hosts].every((h) => LOCAL.has(h))) {
    console.error("comments: TURNSTILE_SECRET_KEY is one of Cloudflare's test keys, which pass anyone: set the site's own keys.");
    return { status: 503, error: "Comments are not open yet on this site." };
  }
  // Turnstile's tokens are at most 2048 characters.
  if (typeof token !== "string" || !token || token.length > 2048) return { status: 400, error: "Complete the check above the button, then post." };
  const body = new URLSearchParams({ secret, response: token, remoteip: visitorOf(request), idempotency_key: crypto.randomUUID() });
  let answer: Siteverify;
  try {
    const res = await fetch(env("TURNSTILE_SITEVERIFY_URL") ?? SITEVERIFY, { method: "POST", body, signal: AbortSignal.timeout(10_000) });
    answer = (await res.json()) as Siteverify;
  } catch (error) {
    console.error(`comments: Turnstile's siteverify could not be reached: ${(error as Error).message}`);
    return { status: 502, error: "The check could not be verified: try again." };
  }
  const test = TEST_SECRETS.has(secret);
  if (!answer.success) console.warn(`comments: Turnstile refused a token (${(answer["error-codes"] ?? []).join(", ") || "no reason"})`);
  // Test keys answer for a fixed hostname and no action: locally they are taken as they are.
  else if (!test && (answer.action !== ACTION || !answer.hostname || !hosts.has(answer.hostname))) console.warn(`comments: a Turnstile token for another action or site (${answer.action}, ${answer.hostname})`);
  else return true;
  return { status: 403, error: "The check did not pass: try it again." };
}
