// The Stripe client, made on first use: `new Stripe()` throws without a key, and a site without
// STRIPE_SECRET_KEY still builds and serves (its product pages say checkout is not set up).
// The fetch HTTP client works on every runtime the functions run on; Stripe's default Node client
// hangs on Web-only runtimes until its 80 s timeout (flows.md §8).
import Stripe from "stripe";
import { env } from "./env.ts";

let cached: { key: string; api: string | undefined; client: Stripe } | undefined;

/** undefined when STRIPE_SECRET_KEY is not set. STRIPE_API_URL points it at another API (a test server). */
export function stripeClient(): Stripe | undefined {
  const key = env("STRIPE_SECRET_KEY");
  if (!key) return undefined;
  const api = env("STRIPE_API_URL");
  if (cached?.key === key && cached.api === api) return cached.client;
  const url = api ? new URL(api) : undefined;
  const client = new Stripe(key, {
    httpClient: Stripe.createFetchHttpClient(),
    maxNetworkRetries: 1,
    ...(url && { host: url.hostname, port: url.port || (url.protocol === "https:" ? 443 : 80), protocol: url.protocol === "https:" ? "https" : "http" }),
  });
  cached = { key, api, client };
  return client;
}

export { Stripe };
