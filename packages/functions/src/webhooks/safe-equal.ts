// Web Crypto only, so these run on every host's runtime (Node, Vercel, Netlify, Workers).
const encoder = new TextEncoder();

/** HMAC-SHA-256 of `text` under `key`. */
export async function hmac(key: string, text: string): Promise<Uint8Array> {
  const k = await crypto.subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", k, encoder.encode(text)));
}

/**
 * Compares two secrets in constant time: both are first reduced to HMACs of equal length under a
 * random key, so neither their length nor their first differing byte shows in the timing.
 */
export async function safeEqual(a: string, b: string): Promise<boolean> {
  const key = crypto.randomUUID();
  const [x, y] = await Promise.all([hmac(key, a), hmac(key, b)]);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}
