import { env } from "../env.ts";
import { Stripe } from "../stripe.ts";
import type { Route } from "../types.ts";

/** What an order system receives for each paid checkout (ORDER_WEBHOOK_URL). */
export interface Order {
  session: string;
  product: string | undefined;
  amountTotal: number | null;
  currency: string | null;
  email: string | null | undefined;
}

/**
 * POST /api/stripe-webhook: Stripe's events. The signature (Stripe-Signature) is checked on the raw
 * body with Web Crypto, so it runs on every runtime; a bad one gets 400 and nothing is forwarded.
 * A paid checkout is POSTed as JSON to ORDER_WEBHOOK_URL when set, and logged otherwise.
 */
export const stripeWebhook: Route = {
  methods: ["POST"],
  handler: async (request) => {
    const secret = env("STRIPE_WEBHOOK_SECRET");
    if (!secret) {
      console.error("stripe-webhook: STRIPE_WEBHOOK_SECRET is not set, so no event can be trusted.");
      return Response.json({ error: "the webhook is not set up" }, { status: 503 });
    }
    const body = await request.text();
    let event: Awaited<ReturnType<typeof Stripe.webhooks.constructEventAsync>>;
    try {
      event = await Stripe.webhooks.constructEventAsync(body, request.headers.get("stripe-signature") ?? "", secret, undefined, Stripe.createSubtleCryptoProvider());
    } catch {
      return Response.json({ error: "bad signature" }, { status: 400 });
    }
    if (event.type !== "checkout.session.completed") return Response.json({ ignored: event.type });
    const session = event.data.object;
    const order: Order = {
      session: session.id,
      product: session.metadata?.product,
      amountTotal: session.amount_total,
      currency: session.currency,
      email: session.customer_details?.email,
    };
    const to = env("ORDER_WEBHOOK_URL");
    if (!to) {
      console.log(`order: ${JSON.stringify(order)} (set ORDER_WEBHOOK_URL to send orders on)`);
      return Response.json({ received: event.id });
    }
    const res = await fetch(to, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(order) }).catch(() => undefined);
    // 502: Stripe retries the event later.
    if (!res?.ok) return Response.json({ error: `the order system answered ${res ? res.status : "nothing"}` }, { status: 502 });
    return Response.json({ received: event.id, forwarded: true });
  },
};
