// Contentful signs the method, path, chosen headers and body (HMAC-SHA256, with a timestamp); its
// official toolkit checks the signature and refuses requests older than the TTL.
import { verifyRequest } from "@contentful/node-apps-toolkit/requests";
import { env } from "../env.ts";
import { changeOf } from "./change.ts";
import { parseJson, unauthorized, type Verified } from "./verified.ts";

const TTL_SECONDS = 30;

export async function verify(request: Request, body: string): Promise<Verified> {
  const secret = env("CONTENTFUL_WEBHOOK_SECRET");
  if (!secret) return unauthorized("Contentful", "CONTENTFUL_WEBHOOK_SECRET is not set");
  const url = new URL(request.url);
  const headers = Object.fromEntries(request.headers);
  let valid = false;
  try {
    valid = verifyRequest(secret, { method: request.method as "POST", path: url.pathname + url.search, headers, body }, TTL_SECONDS);
  } catch (error) {
    return unauthorized("Contentful", (error as Error).message || "expired");
  }
  if (!valid) return unauthorized("Contentful", "bad signature");
  // An entry's payload: sys.contentType names the type, fields.slug holds the slug per locale.
  const entry = parseJson(body) as { sys?: { contentType?: { sys?: { id?: string } } }; fields?: { slug?: Record<string, string> } } | undefined;
  const slug = entry?.fields?.slug && Object.values(entry.fields.slug)[0];
  return { changes: changeOf(entry?.sys?.contentType?.sys?.id, slug) };
}
