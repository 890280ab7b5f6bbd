// Strapi does not sign webhooks: it sends the headers configured for them. The site gives Strapi
// `Authorization: Bearer <STRAPI_WEBHOOK_SECRET>` and compares it in constant time.
import { env } from "../env.ts";
import { safeEqual } from "./safe-equal.ts";
import { changeOf } from "./change.ts";
import { parseJson, unauthorized, type Verified } from "./verified.ts";

export async function verify(request: Request, body: string): Promise<Verified> {
  const secret = env("STRAPI_WEBHOOK_SECRET");
  if (!secret) return unauthorized("Strapi", "STRAPI_WEBHOOK_SECRET is not set");
  const given = request.headers.get("authorization") ?? "";
  if (!(await safeEqual(given, `Bearer ${secret}`))) return unauthorized("Strapi", "wrong or missing Authorization header");
  // Strapi 5's payload: {event: "entry.publish", model: "post", entry: {slug, ...}}.
  const payload = parseJson(body) as { model?: string; entry?: { slug?: string } } | undefined;
  return { changes: changeOf(payload?.model, payload?.entry?.slug) };
}
