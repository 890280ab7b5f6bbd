// The allowance of each limited route (./rate-limit.ts), by handler: the handlers read theirs, and
// create-jam writes the Cloudflare bindings (LIMIT_<NAME>) of the stack's limited routes from them.
import type { Limit } from "./rate-limit.ts";

export const LIMITS = {
  checkout: { name: "checkout", requests: 10, seconds: 60 },
  comments: { name: "comments", requests: 5, seconds: 60 },
} as const satisfies Record<string, Limit>;
