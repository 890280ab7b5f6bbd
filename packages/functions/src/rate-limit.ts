// How often one visitor may write: a checkout opens a Stripe session (each one is an API call on
// the shop's account), a comment is stored for everyone to read. The router counts a route's
// POSTs (reads are cheap and cacheable) by the visitor's address, under the route's Limit (./limits.ts).
//
// Counting is the host's job where it has a mechanism: a Cloudflare Worker's rate-limiting
// binding, Netlify's rate limit on the function (its config), Vercel's WAF (a rule in the
// dashboard). The memory limiter below is the fallback: exact for one long-lived server (a
// self-hosted Node server, `pnpm dev`), and per instance only on serverless hosts, where a busy
// attacker meets several instances. It is a brake, not a quota; nothing here is for accounting.

/** A route's allowance: at most `requests` POSTs a visitor in `seconds`. */
export interface Limit {
  /** Names the counter (and the Cloudflare binding, LIMIT_<NAME>). */
  name: string;
  requests: number;
  /** 10 or 60: the periods Cloudflare's binding takes. */
  seconds: 10 | 60;
}

/** Whether the visitor `key` may make one more request under `limit`. */
export type Limiter = (limit: Limit, key: string) => Promise<boolean>;

/**
 * The visitor's address, from the header the host itself sets (a visitor cannot forge those on
 * these hosts); behind another proxy, its X-Forwarded-For's first hop, which only a proxy that
 * sets it can vouch for.
 */
export function visitorOf(request: Request): string {
  const h = request.headers;
  return h.get("cf-connecting-ip") ?? h.get("x-nf-client-connection-ip") ?? h.get("x-real-ip") ?? h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "unknown";
}

/** Most visitors this instance remembers: past it, the oldest windows go (memory stays bounded under a flood of addresses). */
const MAX_VISITORS = 10_000;
const windows = new Map<string, { start: number; count: number }>();

/** A fixed window per visitor and limit, in this instance's memory. */
export const memoryLimiter: Limiter = async (limit, key) => {
  const id = `${limit.name} ${key}`;
  const now = Date.now();
  const current = windows.get(id);
  if (!current || now - current.start >= limit.seconds * 1000) {
    windows.delete(id);
    if (windows.size >= MAX_VISITORS) windows.delete(windows.keys().next().value as string);
    windows.set(id, { start: now, count: 1 });
    return true;
  }
  current.count += 1;
  return current.count <= limit.requests;
};

/** A Cloudflare rate-limiting binding (wrangler.jsonc `ratelimits`), as the Worker's env holds it. */
interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/** The Worker's bindings LIMIT_<NAME> as a Limiter; a limit with no binding falls back to memory. */
export const cloudflareLimiter =
  (env: Record<string, unknown>): Limiter =>
  async (limit, key) => {
    const binding = env[`LIMIT_${limit.name.toUpperCase()}`] as RateLimitBinding | undefined;
    return binding ? (await binding.limit({ key })).success : memoryLimiter(limit, key);
  };
