// Notion signs each event with HMAC-SHA256 of the raw body, keyed by the subscription's
// verification token (X-Notion-Signature: sha256=<hex>). The first call after subscribing is
// unsigned and carries that token: it is logged for the owner to paste into Notion and into
// NOTION_WEBHOOK_SECRET, and triggers nothing. Notion has no helper of its own for this.
//
// Anyone can post such a handshake, so it is taken only while NOTION_WEBHOOK_SECRET is unset (once
// the subscription is verified, an unsigned call is refused like any other), and its token is
// logged only when it has the shape of Notion's (`secret_` and letters, digits, `_` or `-`): an
// attacker's text never reaches the log as a line of its own. A forged token pasted by mistake
// does no harm: Notion's Webhooks tab accepts only the token Notion sent.
import { env } from "../env.ts";
import { hmac, safeEqual } from "./safe-equal.ts";
import { parseJson, unauthorized, type Verified } from "./verified.ts";

/** The shape of the token Notion sends in its handshake. */
const NOTION_TOKEN = /^secret_[A-Za-z0-9_-]{16,200}$/;

export async function verify(request: Request, body: string): Promise<Verified> {
  const payload = parseJson(body);
  const signature = request.headers.get("x-notion-signature");
  const secret = env("NOTION_WEBHOOK_SECRET");
  if (!signature && !secret && payload && "verification_token" in payload && Object.keys(payload).length === 1) {
    const token = payload.verification_token;
    if (typeof token !== "string" || !NOTION_TOKEN.test(token)) return unauthorized("Notion", "a verification handshake whose token is not Notion's");
    console.log(`revalidate: Notion's verification token is ${token}: paste it in the integration's Webhooks tab and set NOTION_WEBHOOK_SECRET to it.`);
    return { response: Response.json({ ok: true }) };
  }
  if (!secret) return unauthorized("Notion", "NOTION_WEBHOOK_SECRET is not set");
  if (!signature) return unauthorized("Notion", "no X-Notion-Signature header");
  const expected = Array.from(await hmac(secret, body), (b) => b.toString(16).padStart(2, "0")).join("");
  if (!(await safeEqual(signature, `sha256=${expected}`))) return unauthorized("Notion", "bad signature");
  // Events name a page id, not a slug: every entry of the database is refreshed.
  return { changes: [{ collection: "posts" }, { collection: "pages" }] };
}
