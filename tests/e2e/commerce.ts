// What the e2e tests of a Stripe stack share: a loopback server answering as Stripe's API does
// (reached through STRIPE_API_URL, the SDK's host/port/protocol options), the checkout form a
// product page posts, a signed checkout.session.completed event, and the checks of the pages.
import Stripe from "stripe";
import { expect } from "vitest";
import { startReceiver } from "../../packages/functions/test/receiver.ts";
import { mugLineItems } from "../../packages/functions/test/stripe-shapes.ts";
import { browser } from "./browser.ts";
import { read } from "./helpers.ts";

export const stripeKey = "sk_test_canary_stripe_e2e_5e1f";
export const webhookSecret = "whsec_canary_stripe_e2e_5e1f";
/** ORDER_WEBHOOK_SECRET: the key the function signs forwarded orders with. */
export const orderSecret = "ordsec_canary_stripe_e2e_5e1f_0123456789";

/**
 * POST /v1/checkout/sessions answers with a session whose url (Stripe's hosted page) is this
 * server's /c/pay/cs_test_e2e, so a browser sent there arrives somewhere real; the session's line
 * items (which the webhook reads for the quantity) are two jam jar mugs, in Stripe's list shape.
 */
export async function startStripeApi() {
  let sessionUrl = "";
  const api = await startReceiver(200, (c) =>
    c.url.startsWith("/v1/checkout/sessions/cs_test_e2e/line_items")
      ? mugLineItems("/v1/checkout/sessions/cs_test_e2e/line_items")
      : { id: "cs_test_e2e", object: "checkout.session", mode: "payment", url: c.url === "/v1/checkout/sessions" ? sessionUrl : null },
  );
  sessionUrl = `${api.url}/c/pay/cs_test_e2e`;
  return { ...api, sessionUrl };
}

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

const checkoutCompleted = (paymentStatus: string) =>
  JSON.stringify({
    id: `evt_e2e_${paymentStatus}`,
    object: "event",
    type: "checkout.session.completed",
    created: 1767225600,
    livemode: false,
    data: { object: { id: "cs_test_e2e", object: "checkout.session", mode: "payment", payment_status: paymentStatus, amount_subtotal: 3600, amount_total: 3600, currency: "usd", metadata: { product: "jam-jar-mug" }, customer_details: { email: "ada@example.com" } } },
  });

/**
 * A checkout.session.completed event signed with Stripe's own helper; `tampered` changes the body
 * after signing; `paymentStatus` "unpaid" is a delayed method's checkout, which forwards nothing.
 */
export function stripeEvent({ secret = webhookSecret, tampered = false, paymentStatus = "paid" } = {}) {
  const completed = checkoutCompleted(paymentStatus);
  const header = Stripe.webhooks.generateTestHeaderString({ payload: completed, secret });
  return { method: "POST", headers: { "stripe-signature": header, "content-type": "application/json" }, body: tampered ? completed.replace("3600", "1") : completed };
}

export type Provider = "stripe" | "snipcart";

/** The variables a provider sells with, as a host's settings would hold them (canaries for the secret ones). */
export const sellingEnv: Record<Provider, Record<string, string>> = {
  stripe: { STRIPE_SECRET_KEY: stripeKey, STRIPE_WEBHOOK_SECRET: webhookSecret, ORDER_WEBHOOK_SECRET: orderSecret },
  snipcart: { PUBLIC_SNIPCART_API_KEY: "pk_test_snipcart_e2e" },
};
export const secretValues = [stripeKey, webhookSecret, orderSecret];
export const missingLine: Record<Provider, string> = { stripe: "commerce: STRIPE_SECRET_KEY not set", snipcart: "commerce: PUBLIC_SNIPCART_API_KEY not set" };

/** /products/ lists every demo product; a product page is server-rendered with its price and the provider's control, or its notice. */
export function expectProductPages(out: string, provider: Provider, { selling }: { selling: boolean }) {
  const list = read(out, "products/index.html");
  for (const slug of ["jam-jar-mug", "static-sticker-pack", "edge-tote-bag"]) expect(list).toContain(`href="/products/${slug}/"`);
  const mug = read(out, "products/jam-jar-mug/index.html");
  expect(mug).toContain("<h1>Jam jar mug</h1>");
  expect(mug).toContain("$18.00");
  if (provider === "stripe") {
    if (selling) expect(mug).toMatch(/<form class="buy" method="post" action="\/api\/checkout\/">[\s\S]*name="product" value="jam-jar-mug"/);
    else expect(mug).toContain("Checkout is not set up yet");
    for (const page of ["checkout/success/index.html", "checkout/cancel/index.html"]) expect(read(out, page)).toContain("<h1>");
  } else if (selling) expect(mug).toContain('class="snipcart-add-item" data-item-id="jam-jar-mug" data-item-price="18.00"');
  else expect(mug).toContain("The cart is not set up yet");
}

const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
const buttons = (html: string) => [...html.matchAll(/<button[^>]*class="snipcart-add-item"[^>]*>/g)].map((m) => m[0]);

/**
 * What Snipcart's crawler does at checkout, for every product page of the built site: fetch each
 * button's data-item-url from the served site and find a button with the same id and price there.
 */
export async function crawlLikeSnipcart(out: string, baseUrl: string, slugs: string[]) {
  let checked = 0;
  for (const slug of slugs) {
    for (const button of buttons(read(out, `products/${slug}/index.html`))) {
      const [id, price, url] = [attr(button, "data-item-id"), attr(button, "data-item-price"), attr(button, "data-item-url")];
      expect(id && price && url, button).toBeTruthy();
      const res = await fetch(new URL(url!, baseUrl));
      expect(res.status, url).toBe(200);
      const there = buttons(await res.text()).find((b) => attr(b, "data-item-id") === id);
      expect(there && attr(there, "data-item-price"), `${url}: a button for ${id}`).toBe(price);
      checked++;
    }
  }
  expect(checked).toBe(slugs.length);
}

/** In Chromium: a product page's Buy button takes the browser to the Checkout page Stripe's API returned. */
export async function buyInBrowser(productUrl: string, sessionUrl: string, extraHTTPHeaders?: Record<string, string>) {
  const context = await (await browser()).newContext({ extraHTTPHeaders });
  try {
    const page = await context.newPage();
    // A host's header policy lets the form's 303 go to Stripe's hosted page only (form-action, which
    // Chromium checks on the redirect too): this stand-in's origin takes Stripe's place in it, and
    // the policy is enforced as the host sent it otherwise.
    await page.route(productUrl, async (route) => {
      const response = await route.fetch();
      const headers = response.headers();
      const csp = headers["content-security-policy"];
      if (csp) headers["content-security-policy"] = csp.replace("https://checkout.stripe.com", new URL(sessionUrl).origin);
      await route.fulfill({ response, headers });
    });
    await page.goto(productUrl, { waitUntil: "load" });
    await Promise.all([page.waitForURL(sessionUrl), page.click("form.buy button[type=submit]")]);
    expect(page.url()).toBe(sessionUrl);
  } finally {
    await context.close();
  }
}

/**
 * In Chromium: a Snipcart product page asks cdn.snipcart.com for nothing while the visitor reads,
 * scrolls and waits (longer than the 2.75 s after which Snipcart's own loader gives up waiting), and
 * for Snipcart's script once the visitor reaches for the button. The CDN is answered here (offline).
 */
export async function expectSnipcartOnReach(productUrl: string) {
  const context = await (await browser()).newContext();
  try {
    const page = await context.newPage();
    const cdn: string[] = [];
    await page.route("https://cdn.snipcart.com/**", (route) => {
      cdn.push(route.request().url());
      return route.fulfill({ status: 200, contentType: route.request().url().endsWith(".css") ? "text/css" : "text/javascript", body: "" });
    });
    await page.goto(productUrl, { waitUntil: "networkidle" });
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(3500);
    expect(cdn, "requests to Snipcart before the visitor reached for the cart").toEqual([]);
    await page.click(".snipcart-add-item");
    await expect.poll(() => cdn.filter((u) => u.endsWith("/snipcart.js")).length).toBe(1);
  } finally {
    await context.close();
  }
}
