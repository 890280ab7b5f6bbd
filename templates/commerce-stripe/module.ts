import { defineModule } from "../../create-jam/src/engine/define.ts";
import { commerceModule } from "../shared/commerce.ts";
import pkg from "./package.json" with { type: "json" };

// Stripe sends the buyer back to /checkout/success/ or /checkout/cancel/: a section of its own.
const shared = commerceModule({ id: "stripe", sections: [{ id: "checkout" }] });

export default defineModule(pkg, {
  ...shared,
  label: "Stripe",
  needs: [{ capability: "functions", why: "the Checkout Session is created by /api/checkout, with the secret key" }],
  hint: "Stripe Checkout from a plain form: no JavaScript on product pages",
  // The Buy form's answer is a 303 to Stripe's hosted page, which form-action checks too: the
  // hosts' header policy allows it (templates/shared/security-headers.ts).
  csp: { "form-action": ["https://checkout.stripe.com"] },
  packages: [
    ...(shared.packages ?? []),
    { from: "sections", to: "packages/sections", include: ["src/sections/checkout.ts"] },
    { from: "functions", to: "packages/functions", include: ["src/handlers/checkout.ts", "src/handlers/stripeWebhook.ts", "src/stripe.ts", "src/origin.ts", "src/env.ts", "src/limits.ts"] },
  ],
  functions: [
    { path: "/api/checkout", handler: "checkout" },
    { path: "/api/stripe-webhook", handler: "stripeWebhook" },
  ],
  workspaces: {
    ...shared.workspaces,
    // The functions read products from the content package; the SDK creates the Checkout Session.
    "packages/functions": { dependencies: ["stripe"] },
  },
  env: [
    { name: "STRIPE_SECRET_KEY", visibility: "secret", description: "a secret key (dashboard › Developers › API keys; sk_test_... while testing): /api/checkout creates Checkout Sessions with it; without it product pages say checkout is not set up" },
    { name: "STRIPE_WEBHOOK_SECRET", visibility: "secret", description: "the signing secret of the webhook endpoint /api/stripe-webhook (whsec_...): events not signed with it get 400" },
    { name: "ORDER_WEBHOOK_URL", visibility: "secret", description: "where each paid (or, for a delayed payment, failed) checkout is POSTed as a signed JSON event (your order system); empty: the function logs it" },
    { name: "ORDER_WEBHOOK_SECRET", visibility: "secret", description: "the key that signs each event sent to ORDER_WEBHOOK_URL (Order-Signature header, HMAC-SHA256; at least 32 characters: openssl rand -hex 32), shared with the order system that verifies it; without it no order is sent (503)" },
    { name: "STRIPE_API_URL", visibility: "secret", description: "another API than Stripe's (a test server); leave empty" },
  ],
  goLive: [
    { phase: "account", do: `Create a Stripe account (test mode is enough to start).`, check: `the dashboard's Developers › API keys shows a secret key (\`sk_test_…\`).` },
    { phase: "variables", do: `Set \`STRIPE_SECRET_KEY\` in \`.env\` and the host's settings: test keys for previews, live keys for production.`, check: `\`pnpm build\` prints \`commerce: Stripe checkout is on.\`; a product page shows its Buy button.` },
    { phase: "webhooks", do: `In Developers › Webhooks add \`https://<your site>/api/stripe-webhook/\` for \`checkout.session.completed\`, \`checkout.session.async_payment_succeeded\` and \`checkout.session.async_payment_failed\`; set its signing secret as \`STRIPE_WEBHOOK_SECRET\`, and \`ORDER_WEBHOOK_URL\` and \`ORDER_WEBHOOK_SECRET\` for your order system (*Orders* below). Locally: \`stripe listen --forward-to {{devUrl}}/api/stripe-webhook\` with \`pnpm dev\` running.`, check: `a test purchase: the endpoint's log in the dashboard shows 200, and the order system receives \`order.paid\`.` },
  ],
  readme: `## Commerce: Stripe

**Account:** a Stripe account (test mode is enough to start). Products come from the content source: with Markdown content they live in \`packages/content/content/products/\`, one \`.md\` file each: \`name\`, \`description\`, \`price\` in cents (\`1800\` is 18.00), \`currency\` (\`usd\`) and \`image\` (a file beside it, or a URL); the body is the long description. With a CMS they are its product type (its section above says how), and these files are the demo products it falls back to until it is configured. They are listed on \`/products/\`, each on \`/products/<slug>/\`.

**How a sale works:** a product page has a plain \`<form method="post" action="/api/checkout/">\` naming the product (never its price) and a quantity. \`/api/checkout\` looks the product up in the content package, creates a Checkout Session with the content's price (\`stripe\` SDK), and answers 303 to Stripe's hosted page; afterwards Stripe sends the buyer to \`/checkout/success/\` or \`/checkout/cancel/\`. A form posted from another site, an unknown product or a quantity outside 1–10 gets a 4xx and no session. The form also carries the price the page shows, compared and never charged: a page built before a price change in the CMS (a static page until its rebuild) gets 409 and a sentence with the new price instead of a sale at a price it does not display. The product pages load no JavaScript.

**Env:** \`STRIPE_SECRET_KEY\` (secret, server only). Until it is set, product pages show a notice instead of the Buy button and the build says so in one line.

**Orders:** in the dashboard (Developers › Webhooks) add an endpoint \`https://<your site>/api/stripe-webhook/\` for three events: \`checkout.session.completed\`, \`checkout.session.async_payment_succeeded\` and \`checkout.session.async_payment_failed\`, and set its signing secret as \`STRIPE_WEBHOOK_SECRET\`. The function checks \`Stripe-Signature\` on the raw body (\`constructEventAsync\`, Web Crypto; a bad signature gets 400), and follows Stripe's fulfilment guide: a checkout is an order once its money is there. Card payments are \`paid\` when the checkout completes; delayed methods (SEPA Direct Debit, ACH, Boleto…) complete \`unpaid\`, which sends nothing (it is logged as awaiting payment) until Stripe reports the payment succeeded or failed, days later. It reads the session's line items from Stripe (the quantities: \`STRIPE_SECRET_KEY\` is needed here too) and POSTs one JSON event to \`ORDER_WEBHOOK_URL\` (it logs it when that is empty):

| Stripe event | sent |
| --- | --- |
| \`checkout.session.completed\`, \`payment_status\` \`paid\` (or \`no_payment_required\`: a 0 total, say a 100% coupon) | \`order.paid\` |
| \`checkout.session.completed\`, \`unpaid\` | nothing (200, so Stripe does not retry) |
| \`checkout.session.async_payment_succeeded\` | \`order.paid\` |
| \`checkout.session.async_payment_failed\` | \`order.canceled\`: no \`order.paid\` came or will come for it; nothing to ship |

\`\`\`json
{ "version": 1, "type": "order.paid", "event": "evt_…", "stripeEvent": "checkout.session.completed", "created": 1767225600, "livemode": false,
  "session": "cs_…", "paymentStatus": "paid", "items": [{ "product": "jam-jar-mug", "name": "Jam jar mug", "quantity": 2, "amountTotal": 3600, "currency": "usd" }],
  "quantity": 2, "amountSubtotal": 3600, "amountTotal": 3600, "currency": "usd", "email": "ada@example.com" }
\`\`\`

Amounts are in the currency's smallest unit (cents). Each request carries \`Order-Signature: t=<Unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">\`, keyed by \`ORDER_WEBHOOK_SECRET\` (at least 32 characters, \`openssl rand -hex 32\`; set the same value in the order system; while \`ORDER_WEBHOOK_URL\` is set without it, the function sends nothing and answers 503, so Stripe keeps the events for up to three days), \`Idempotency-Key: <the Stripe event id>\` and \`Order-Session: <the session id>\`. Anything non-2xx from the order system gets Stripe to retry the event later. The receiver checks the signature on the raw body before it parses it, so (Web Crypto: Node 20+, Deno, Bun, Workers):

\`\`\`js
// Order-Signature: "t=<Unix seconds>,v1=<hex HMAC-SHA256(secret, t + '.' + rawBody)>".
export async function verifyOrder(rawBody, header, secret, toleranceSeconds = 300) {
  // Without this, a missing variable would make the key the text "undefined", which anyone can sign with.
  if (!secret) throw new Error("ORDER_WEBHOOK_SECRET is not set");
  const parts = Object.fromEntries((header ?? "").split(",").map((part) => [part.slice(0, part.indexOf("=")), part.slice(part.indexOf("=") + 1)]));
  const t = Number(parts.t);
  // A stale timestamp is a replay: the time is signed, so it cannot be refreshed.
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  if (!/^[0-9a-f]{64}$/.test(parts.v1 ?? "")) return false;
  const utf8 = (s) => new TextEncoder().encode(s);
  const key = await crypto.subtle.importKey("raw", utf8(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  const mac = Uint8Array.from(parts.v1.match(/../g), (hex) => parseInt(hex, 16));
  // crypto.subtle.verify compares in constant time.
  return crypto.subtle.verify("HMAC", key, mac, utf8(t + "." + rawBody));
}

// In the order system's handler:
const rawBody = await request.text();
if (!(await verifyOrder(rawBody, request.headers.get("order-signature"), process.env.ORDER_WEBHOOK_SECRET))) return new Response("bad signature", { status: 400 });
const order = JSON.parse(rawBody);
if (order.version !== 1) return new Response("unknown version", { status: 400 });
// Stripe delivers at least once: act on an order once, keyed by order.event (a unique key, stored
// with the work it did, in one transaction) and, for order.paid, by order.session; answer 200 to a repeat.
\`\`\`

What this protects: an order is sent only for money Stripe says is there (never for a delayed payment still on its way), with the quantities Stripe charged for, and only Stripe-signed events are read; a forged or altered request to the order system fails its check, and so does a captured one replayed more than five minutes later (a replay within them is a repeat, which deduping drops). What it does not: Stripe delivers at least once, and a retry or a second delivery can reach another instance of the function, which has its own short memory (only a repeat inside one warm instance is dropped), so **the order system must dedupe**, by \`event\` and for \`order.paid\` by \`session\` (one order per session). Events can arrive out of order (\`created\` says when each was made). The site never marks anything shipped, refunds or restocks: that is the order system's job, and so is a refund or a dispute (\`charge.refunded\`, \`charge.dispute.created\`, not sent on). Locally: \`stripe listen --events checkout.session.completed,checkout.session.async_payment_succeeded,checkout.session.async_payment_failed --forward-to {{devUrl}}/api/stripe-webhook\` (with \`pnpm dev\` running; it prints the signing secret to set as \`STRIPE_WEBHOOK_SECRET\` in \`.env\`).`,
});
