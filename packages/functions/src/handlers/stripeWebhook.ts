import { env } from "../env.ts";
import { Stripe, stripeClient } from "../stripe.ts";
import type { Route } from "../types.ts";

/** One product line of an order, from the session's line items (the webhook's session has none). */
interface OrderItem {
  /** The content's product slug (set by /api/checkout on the Stripe product); null for a line made elsewhere. */
  product: string | null;
  name: string | null;
  quantity: number;
  /** In the currency's smallest unit (cents), after discounts and tax. */
  amountTotal: number;
  currency: string;
}

/**
 * What the order system receives at ORDER_WEBHOOK_URL, signed (Order-Signature). Versioned, so a
 * receiver can refuse a shape it does not know instead of misreading it.
 * - `order.paid`: the money is there (`paymentStatus` "paid", or "no_payment_required" for a 0 total): fulfil it.
 * - `order.canceled`: a delayed payment (SEPA, ACH, Boleto…) failed. No `order.paid` was or will be
 *   sent for this session; there is nothing to ship, perhaps a buyer to tell.
 * A checkout whose payment is still on its way sends nothing until one of those two.
 */
interface OrderEvent {
  version: 1;
  type: "order.paid" | "order.canceled";
  /** Stripe's event id, also the Idempotency-Key header: one id is one event, however often it arrives. */
  event: string;
  /** The Stripe event it comes from (checkout.session.completed, …async_payment_succeeded or …_failed). */
  stripeEvent: string;
  /** When Stripe made the event (Unix seconds): events can arrive out of order. */
  created: number;
  livemode: boolean;
  /** The Checkout Session id: one order per session, so a receiver dedupes `order.paid` by it too. */
  session: string;
  paymentStatus: "paid" | "unpaid" | "no_payment_required";
  items: OrderItem[];
  /** Units over all items. */
  quantity: number;
  amountSubtotal: number | null;
  amountTotal: number | null;
  currency: string | null;
  email: string | null;
}

/** The header with the body's signature: `t=<Unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, Stripe's own scheme. */
const ORDER_SIGNATURE_HEADER = "order-signature";

const utf8 = (s: string) => new TextEncoder().encode(s);

/**
 * Signs a forwarded body as Stripe signs its events: the timestamp is inside the signed content, so
 * a captured request cannot be replayed later with a fresh time. Web Crypto only, so it runs on
 * Node, Vercel, Netlify and Workers alike.
 */
export async function signOrder(body: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): Promise<string> {
  const key = await crypto.subtle.importKey("raw", utf8(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, utf8(`${timestamp}.${body}`)));
  return `t=${timestamp},v1=${Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

// The Stripe event ids this instance forwarded (or is forwarding, so a concurrent copy waits for
// it): Stripe delivers at least once, and a retry that reaches the same warm instance is answered
// without a second POST. A serverless function has many instances and forgets on a cold start, so
// this only thins duplicates: the order system must still dedupe by the event id (or the session).
// Bounded: past MEMORY the oldest ids go.
const MEMORY = 1000;
const forwarded = new Map<string, Promise<boolean>>();

/** ORDER_WEBHOOK_SECRET's least length: an HMAC key is only as strong as it is hard to guess. */
const MIN_SECRET = 32;

/** The Checkout events this webhook acts on; what each one means for the order. */
const orderEvents = new Set(["checkout.session.completed", "checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed"]);

/**
 * POST /api/stripe-webhook: Stripe's events. The signature (Stripe-Signature) is checked on the raw
 * body with Web Crypto, so it runs on every runtime; a bad one gets 400 and nothing is forwarded.
 * Following Stripe's fulfilment guide, an order is sent on only once its money is there: a completed
 * checkout paid by card at once, or a delayed payment that later succeeded; a delayed payment that
 * failed sends a cancellation. Each goes as a signed OrderEvent to ORDER_WEBHOOK_URL when set, and is
 * logged otherwise.
 */
export const stripeWebhook: Route = {
  methods: ["POST"],
  // Stripe's events are a few kB; 256 KiB leaves room for a session's metadata, and no more is read
  // before the signature is checked.
  maxBody: 256 * 1024,
  handler: async (request) => {
    const secret = env("STRIPE_WEBHOOK_SECRET");
    if (!secret) {
      console.error("stripe-webhook: STRIPE_WEBHOOK_SECRET is not set, so no event can be trusted.");
      return Response.json({ error: "the webhook is not set up" }, { status: 503 });
    }
    const body = await request.text();
    let event: Stripe.Event;
    try {
      event = await Stripe.webhooks.constructEventAsync(body, request.headers.get("stripe-signature") ?? "", secret, undefined, Stripe.createSubtleCryptoProvider());
    } catch {
      return Response.json({ error: "bad signature" }, { status: 400 });
    }
    if (!orderEvents.has(event.type)) return Response.json({ ignored: event.type });
    const session = event.data.object as Stripe.Checkout.Session;
    // /api/checkout makes payment sessions only; a subscription or setup session made elsewhere on
    // the same Stripe account is not this shop's order.
    if (session.mode !== "payment") return Response.json({ ignored: `${event.type} (${session.mode})` });
    const status = session.payment_status;
    let type: OrderEvent["type"];
    let paymentStatus: OrderEvent["paymentStatus"];
    if (event.type === "checkout.session.async_payment_failed") [type, paymentStatus] = ["order.canceled", "unpaid"];
    else if (status === "paid") [type, paymentStatus] = ["order.paid", "paid"];
    // A 0 total (a 100% discount) owes nothing, and no later event would come for it.
    else if (status === "no_payment_required") [type, paymentStatus] = ["order.paid", "no_payment_required"];
    else {
      // "unpaid": a delayed method; the buyer finished the checkout but the money is days away, and
      // may never come. 200, so Stripe does not retry; async_payment_succeeded or _failed settles it.
      // A status Stripe may add later is not taken for paid either.
      console.log(`stripe-webhook: checkout ${session.id} is awaiting payment (${event.type}, payment_status ${status}): nothing is forwarded until Stripe says it succeeded or failed.`);
      return Response.json({ received: event.id, awaitingPayment: true });
    }

    // A copy in flight here is waited for: if it forwarded, this one is a duplicate; if it failed,
    // this one tries (the loop, so that of several waiting copies only one tries next).
    for (let pending = forwarded.get(event.id); pending; pending = forwarded.get(event.id)) {
      if (await pending) return Response.json({ received: event.id, duplicate: true });
    }

    const to = env("ORDER_WEBHOOK_URL");
    const orderSecret = env("ORDER_WEBHOOK_SECRET");
    if (to && (!orderSecret || orderSecret.length < MIN_SECRET)) {
      // An unsigned order (or one signed with a guessable key) could be forged by anyone who learns
      // the URL; 503 keeps Stripe retrying (for three days) until the secret is set.
      console.error(`stripe-webhook: ORDER_WEBHOOK_URL is set but ORDER_WEBHOOK_SECRET is ${orderSecret ? `shorter than ${MIN_SECRET} characters` : "not"}, so no order is forwarded (openssl rand -hex 32 makes one).`);
      return Response.json({ error: "the order webhook is not set up" }, { status: 503 });
    }
    const stripe = stripeClient();
    if (!stripe) {
      console.error("stripe-webhook: STRIPE_SECRET_KEY is not set, so the order's line items cannot be read.");
      return Response.json({ error: "checkout is not set up" }, { status: 503 });
    }

    let settle!: (done: boolean) => void;
    const attempt = new Promise<boolean>((resolve) => (settle = resolve));
    forwarded.set(event.id, attempt);
    if (forwarded.size > MEMORY) forwarded.delete(forwarded.keys().next().value as string);
    let done = false;
    try {
      // Quantities live in the line items, which the event's session leaves out. The product's slug
      // is on the Stripe product /api/checkout made (product_data.metadata.slug), hence the expand.
      // One page of 100: /api/checkout makes one line per session.
      let lines: Stripe.LineItem[];
      try {
        lines = (await stripe.checkout.sessions.listLineItems(session.id, { limit: 100, expand: ["data.price.product"] })).data;
      } catch (error) {
        console.error(`stripe-webhook: could not read the line items of ${session.id} (${(error as Error).message}); Stripe retries the event.`);
        return Response.json({ error: "could not read the order's line items" }, { status: 502 });
      }
      const items = lines.map((line): OrderItem => {
        const product = line.price?.product;
        const slug = product && typeof product === "object" && !product.deleted ? product.metadata.slug : undefined;
        return { product: slug ?? session.metadata?.product ?? null, name: line.description, quantity: line.quantity ?? 0, amountTotal: line.amount_total, currency: line.currency };
      });
      const order: OrderEvent = {
        version: 1,
        type,
        event: event.id,
        stripeEvent: event.type,
        created: event.created,
        livemode: event.livemode,
        session: session.id,
        paymentStatus,
        items,
        quantity: items.reduce((sum, item) => sum + item.quantity, 0),
        amountSubtotal: session.amount_subtotal,
        amountTotal: session.amount_total,
        currency: session.currency,
        email: session.customer_details?.email ?? null,
      };
      const json = JSON.stringify(order);
      if (!to || !orderSecret) {
        console.log(`order: ${json} (set ORDER_WEBHOOK_URL and ORDER_WEBHOOK_SECRET to send orders on)`);
        return Response.json({ received: event.id });
      }
      const headers = {
        "content-type": "application/json",
        [ORDER_SIGNATURE_HEADER]: await signOrder(json, orderSecret),
        // Also in the signed body, which is what a receiver should trust; here for one that dedupes before parsing.
        "idempotency-key": event.id,
        "order-session": session.id,
      };
      // The timeout: a hung order system must not hold the function until the host kills it.
      const res = await fetch(to, { method: "POST", headers, body: json, signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
      // 502: Stripe retries the event later.
      if (!res?.ok) return Response.json({ error: `the order system answered ${res ? res.status : "nothing"}` }, { status: 502 });
      done = true;
      return Response.json({ received: event.id, forwarded: type });
    } finally {
      // A failed or log-only attempt is forgotten, so Stripe's retry tries again.
      if (!done && forwarded.get(event.id) === attempt) forwarded.delete(event.id);
      settle(done);
    }
  },
};
