// Notion signs each event with HMAC-SHA256 of the raw body, keyed by the subscription's
// verification token (X-Notion-Signature: sha256=<hex>). The first call after subscribing is
// unsigned and carries that token: it is logged for the owner to paste into Notion and into
// NOTION_WEBHOOK_SECRET, and triggers nothing. Notion has no helper of its own for this.
import { env } from "../env.ts";
import { hmacSha256Hex, safeEqual } from "./safe-equal.ts";
import { parseJson, unauthorized, type Verified } from "./verified.ts";

export async function verify(request: Request, body: string): Promise<Verified> {
  const payload = parseJson(body);
  const signature = request.headers.get("x-notion-signature");
  if (!signature && typeof payload?.verification_token === "string" && Object.keys(payload).length === 1) {
    console.log(`revalidate: Notion's verification token is ${payload.verification_token}: paste it in the integration's Webhooks tab and set NOTION_WEBHOOK_SECRET to it.`);
    return { response: Response.json({ ok: true }) };
  }
  const secret = env("NOTION_WEBHOOK_SECRET");
  if (!secret) return unauthorized("Notion", "NOTION_WEBHOOK_SECRET is not set");
  if (!signature) return unauthorized("Notion", "no X-Notion-Signature header");
  if (!(await safeEqual(signature, `sha256=${await hmacSha256Hex(secret, body)}`))) return unauthorized("Notion", "bad signature");
  // Events name a page id, not a slug: every entry of the database is refreshed.
  return { changes: [{ collection: "posts" }, { collection: "pages" }] };
}
