// A loopback server in the shape of Cloudflare Turnstile's siteverify (POST, form-urlencoded secret,
// response, remoteip, idempotency_key -> { success, hostname, action, challenge_ts, error-codes }),
// recording what the site sent. Tokens: "pass:<hostname>:<action>" passes for that hostname and
// action, once (a second use is timeout-or-duplicate, as Turnstile answers); anything else fails.
// Cloudflare's always-pass test secret passes any token, for example.com and no action, as
// Cloudflare's own siteverify answers it.
import { startReceiver } from "./receiver.ts";

export const SITEVERIFY_SECRET = "0x4AAAAAAA-test-secret-of-the-site";
export const TEST_SECRET = "1x0000000000000000000000000000000AA";

export async function startSiteverify() {
  const used = new Set<string>();
  return startReceiver(200, (call) => {
    const form = new URLSearchParams(call.body);
    const token = form.get("response") ?? "";
    if (form.get("secret") === TEST_SECRET) return { success: true, challenge_ts: new Date().toISOString(), hostname: "example.com", action: "", "error-codes": [] };
    if (form.get("secret") !== SITEVERIFY_SECRET) return { success: false, "error-codes": ["invalid-input-secret"] };
    const [kind, hostname, action] = token.split(":");
    if (kind !== "pass") return { success: false, "error-codes": ["invalid-input-response"] };
    if (used.has(token)) return { success: false, "error-codes": ["timeout-or-duplicate"] };
    used.add(token);
    return { success: true, challenge_ts: new Date().toISOString(), hostname, action, "error-codes": [] };
  });
}
