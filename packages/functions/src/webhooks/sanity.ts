// Sanity's GROQ-powered webhooks sign `${t}.${body}` with the webhook's secret (HMAC-SHA256). The
// official toolkit checks the signature; it does not check the timestamp, so a replay window is here.
import { decodeSignatureHeader, isValidSignature, SIGNATURE_HEADER_NAME } from "@sanity/webhook";
import { env } from "../env.ts";
import { changeOf } from "./change.ts";
import { parseJson, unauthorized, type Verified } from "./verified.ts";

/** How old a signed call may be: long enough for Sanity's retries to be signed afresh, short enough to stop replays. */
export const REPLAY_WINDOW_MS = 5 * 60 * 1000;

export async function verify(request: Request, body: string): Promise<Verified> {
  const secret = env("SANITY_REVALIDATE_SECRET");
  if (!secret) return unauthorized("Sanity", "SANITY_REVALIDATE_SECRET is not set");
  const header = request.headers.get(SIGNATURE_HEADER_NAME);
  if (!header) return unauthorized("Sanity", `no ${SIGNATURE_HEADER_NAME} header`);
  const valid = await isValidSignature(body, header, secret).catch(() => false);
  if (!valid) return unauthorized("Sanity", "bad signature");
  const { timestamp } = decodeSignatureHeader(header);
  if (!(Math.abs(Date.now() - timestamp) <= REPLAY_WINDOW_MS)) return unauthorized("Sanity", "signed too long ago (replay window 5 min)");
  // The webhook's projection (README): {"_type": _type, "slug": slug.current}.
  const doc = parseJson(body);
  return { changes: changeOf(doc?._type, doc?.slug) };
}
