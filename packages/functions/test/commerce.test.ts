// POST /api/checkout and /api/stripe-webhook with the real stripe SDK, against a loopback server
// answering as Stripe's API does (reached through the SDK's host/port/protocol options).
import { getProduct } from "@repo/content/products";
import Stripe from "stripe";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { checkout } from "../src/handlers/checkout.ts";
import { stripeWebhook } from "../src/handlers/stripeWebhook.ts";
import { type Recorded, startReceiver } from "./receiver.ts";

const site = "https://shop.example";
const sessionUrl = "https://checkout.stripe.com/c/pay/cs_test_a1";
// A Checkout Session as POST /v1/checkout/sessions returns it (the fields the handler reads).
const session = (call: Recorded) => ({ id: "cs_test_a1", object: "checkout.session", mode: "payment", url: call.url === "/v1/checkout/sessions" ? sessionUrl : null });

let api: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  api = await startReceiver(200, session);
});
afterAll(() => api.close());
afterEach(() => {
  vi.unstubAllEnvs();
  api.calls.length = 0;
});
vi.spyOn(console, "error").mockImplementation(() => {});
vi.spyOn(console, "log").mockImplementation(() => {});

const form = (fields: Record<string, string>, headers: Record<string, string> = { origin: site }) =>
  new Request(`${site}/api/checkout`, { method: "POST", body: new URLSearchParams(fields), headers });
const withStripe = () => {
  vi.stubEnv("STRIPE_SECRET_KEY", "sk_test_canary_0123456789");
  vi.stubEnv("STRIPE_API_URL", api.url);
};

describe("POST /api/checkout", () => {
  it("creates a session with the content's price and answers 303 to the URL Stripe returned", async () => {
    withStripe();
    const product = await getProduct("jam-jar-mug");
    const res = await checkout.handler(form({ product: "jam-jar-mug", quantity: "2" }), {});
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(sessionUrl);
    expect(api.calls.map((c) => `${c.method} ${c.url}`)).toEqual(["POST /v1/checkout/sessions"]);
    expect(api.calls[0]?.headers.authorization).toBe("Bearer sk_test_canary_0123456789");
    const sent = Object.fromEntries(new URLSearchParams(api.calls[0]?.body));
    expect(sent).toMatchObject({
      mode: "payment",
      "line_items[0][quantity]": "2",
      "line_items[0][price_data][currency]": product?.currency,
      "line_items[0][price_data][unit_amount]": String(product?.price),
      "line_items[0][price_data][product_data][name]": product?.name,
      success_url: `${site}/checkout/success/?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${site}/checkout/cancel/?product=jam-jar-mug`,
    });
  });

  it("ignores a price in the form", async () => {
    withStripe();
    await checkout.handler(form({ product: "jam-jar-mug", price: "1", unit_amount: "1" }), {});
    expect(new URLSearchParams(api.calls[0]?.body).get("line_items[0][price_data][unit_amount]")).toBe("1800");
  });

  it.each([
    ["an unknown product", form({ product: "no-such-thing" }), 404],
    ["no product", form({}), 404],
    ["quantity 0", form({ product: "jam-jar-mug", quantity: "0" }), 400],
    ["quantity 11", form({ product: "jam-jar-mug", quantity: "11" }), 400],
    ["a fractional quantity", form({ product: "jam-jar-mug", quantity: "1.5" }), 400],
    ["a form from another origin", form({ product: "jam-jar-mug" }, { origin: "https://evil.example" }), 403],
    ["a cross-site fetch", form({ product: "jam-jar-mug" }, { "sec-fetch-site": "cross-site" }), 403],
    ["JSON instead of a form", new Request(`${site}/api/checkout`, { method: "POST", body: '{"product":"jam-jar-mug"}', headers: { origin: site, "content-type": "application/json" } }), 415],
  ])("refuses %s with 4xx and creates no session", async (_, request, status) => {
    withStripe();
    expect((await checkout.handler(request, {})).status).toBe(status);
    expect(api.calls).toHaveLength(0);
  });

  it("accepts SITE_URL's origin (a proxy in front of the functions)", async () => {
    withStripe();
    vi.stubEnv("SITE_URL", "https://www.shop.example/");
    const res = await checkout.handler(form({ product: "jam-jar-mug" }, { origin: "https://www.shop.example" }), {});
    expect(res.status).toBe(303);
  });

  it("says checkout is not set up (503) without STRIPE_SECRET_KEY", async () => {
    const res = await checkout.handler(form({ product: "jam-jar-mug" }), {});
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("not set up");
  });
});

describe("POST /api/stripe-webhook", () => {
  const secret = "whsec_canary_0123456789";
  const completed = JSON.stringify({
    id: "evt_1",
    object: "event",
    type: "checkout.session.completed",
    data: { object: { id: "cs_test_a1", object: "checkout.session", amount_total: 3600, currency: "usd", metadata: { product: "jam-jar-mug" }, customer_details: { email: "ada@example.com" } } },
  });
  const signed = (payload: string, key = secret, timestamp?: number) =>
    new Request(`${site}/api/stripe-webhook`, { method: "POST", body: payload, headers: { "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: key, timestamp }) } });

  it("forwards a paid checkout to ORDER_WEBHOOK_URL once", async () => {
    const orders = await startReceiver();
    try {
      vi.stubEnv("STRIPE_WEBHOOK_SECRET", secret);
      vi.stubEnv("ORDER_WEBHOOK_URL", `${orders.url}/orders`);
      const res = await stripeWebhook.handler(signed(completed), {});
      expect(res.status).toBe(200);
      expect(orders.calls.map((c) => `${c.method} ${c.url}`)).toEqual(["POST /orders"]);
      expect(JSON.parse(orders.calls[0]?.body ?? "")).toEqual({ session: "cs_test_a1", product: "jam-jar-mug", amountTotal: 3600, currency: "usd", email: "ada@example.com" });
    } finally {
      await orders.close();
    }
  });

  it.each([
    ["a tampered body", () => new Request(`${site}/api/stripe-webhook`, { method: "POST", body: completed.replace("3600", "1"), headers: { "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload: completed, secret }) } })],
    ["another secret", () => signed(completed, "whsec_wrong")],
    ["a stale timestamp", () => signed(completed, secret, Math.floor(Date.now() / 1000) - 3600)],
    ["no signature", () => new Request(`${site}/api/stripe-webhook`, { method: "POST", body: completed })],
  ])("refuses %s with 400 and forwards nothing", async (_, request) => {
    const orders = await startReceiver();
    try {
      vi.stubEnv("STRIPE_WEBHOOK_SECRET", secret);
      vi.stubEnv("ORDER_WEBHOOK_URL", orders.url);
      expect((await stripeWebhook.handler(request(), {})).status).toBe(400);
      expect(orders.calls).toHaveLength(0);
    } finally {
      await orders.close();
    }
  });

  it("logs the order without ORDER_WEBHOOK_URL, and ignores other events", async () => {
    vi.stubEnv("STRIPE_WEBHOOK_SECRET", secret);
    const log = vi.spyOn(console, "log");
    expect((await stripeWebhook.handler(signed(completed), {})).status).toBe(200);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('"product":"jam-jar-mug"'));
    const other = await stripeWebhook.handler(signed(JSON.stringify({ id: "evt_2", object: "event", type: "charge.refunded", data: { object: {} } })), {});
    expect(await other.json()).toEqual({ ignored: "charge.refunded" });
  });

  it("answers 503 when STRIPE_WEBHOOK_SECRET is not set", async () => {
    expect((await stripeWebhook.handler(signed(completed), {})).status).toBe(503);
  });
});
