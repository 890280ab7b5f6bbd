// What the e2e tests of a Stripe stack share: a loopback server answering as Stripe's API does
// (reached through STRIPE_API_URL, the SDK's host/port/protocol options), the checkout form a
// product page posts, a signed checkout.session.completed event, and the checks of the pages.
import Stripe from "stripe";
import { expect } from "vitest";
import { startReceiver } from "../../packages/functions/test/receiver.ts";
import { read } from "./helpers.ts";

export const sessionUrl = "https://checkout.stripe.com/c/pay/cs_test_e2e";
export const stripeKey = "sk_test_canary_stripe_e2e_5e1f";
export const webhookSecret = "whsec_canary_stripe_e2e_5e1f";

/** POST /v1/checkout/sessions answers with a session whose url is sessionUrl. */
export const startStripeApi = () =>
  startReceiver(200, (c) => ({ id: "cs_test_e2e", object: "checkout.session", mode: "payment", url: c.url === "/v1/checkout/sessions" ? sessionUrl : null }));

/** The form a product page posts, from the site's own origin. */
export const checkoutForm = (slug: string, origin = "https://site.example") => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded", origin },
  body: new URLSearchParams({ product: slug, quantity: "2" }).toString(),
});

/** What Stripe's API received for a checkout of two jam jar mugs. */
export function expectMugSession(body: string | undefined) {
  expect(Object.fromEntries(new URLSearchParams(body))).toMatchObject({
    mode: "payment",
    "line_items[0][quantity]": "2",
    "line_items[0][price_data][unit_amount]": "1800",
    "line_items[0][price_data][currency]": "usd",
    "line_items[0][price_data][product_data][name]": "Jam jar mug",
  });
}

const completed = JSON.stringify({
  id: "evt_e2e",
  object: "event",
  type: "checkout.session.completed",
  data: { object: { id: "cs_test_e2e", object: "checkout.session", amount_total: 3600, currency: "usd", metadata: { product: "jam-jar-mug" }, customer_details: { email: "ada@example.com" } } },
});

/** A checkout.session.completed event signed with Stripe's own helper; `tampered` changes the body after signing. */
export function stripeEvent({ secret = webhookSecret, tampered = false } = {}) {
  const header = Stripe.webhooks.generateTestHeaderString({ payload: completed, secret });
  return { method: "POST", headers: { "stripe-signature": header, "content-type": "application/json" }, body: tampered ? completed.replace("3600", "1") : completed };
}

/** /products/ lists every demo product; a product page is server-rendered with its price and, without STRIPE_SECRET_KEY, the notice. */
export function expectProductPages(out: string, { selling }: { selling: boolean }) {
  const list = read(out, "products/index.html");
  for (const slug of ["jam-jar-mug", "static-sticker-pack", "edge-tote-bag"]) expect(list).toContain(`href="/products/${slug}/"`);
  const mug = read(out, "products/jam-jar-mug/index.html");
  expect(mug).toContain("<h1>Jam jar mug</h1>");
  expect(mug).toContain("$18.00");
  if (selling) expect(mug).toMatch(/<form class="buy" method="post" action="\/api\/checkout">[\s\S]*name="product" value="jam-jar-mug"/);
  else expect(mug).toContain("Checkout is not set up yet");
  for (const page of ["checkout/success/index.html", "checkout/cancel/index.html"]) expect(read(out, page)).toContain("<h1>");
}
