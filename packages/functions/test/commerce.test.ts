// POST /api/checkout and /api/stripe-webhook with the real stripe SDK, against a loopback server
// answering as Stripe's API does (reached through the SDK's host/port/protocol options).
import { getProduct } from "@repo/content/products";
import Stripe from "stripe";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { checkout } from "../src/handlers/checkout.ts";
import { stripeWebhook } from "../src/handlers/stripeWebhook.ts";
import { type Recorded, readmeVerifyOrder, startReceiver, type VerifyOrder } from "./receiver.ts";
import { mugLineItems } from "./stripe-shapes.ts";

const site = "https://shop.example";
const sessionUrl = "https://checkout.stripe.com/c/pay/cs_test_a1";
// A Checkout Session as POST /v1/checkout/sessions returns it (the fields the handler reads).
const session = (call: Recorded) => ({ id: "cs_test_a1", object: "checkout.session", mode: "payment", url: call.url === "/v1/checkout/sessions" ? sessionUrl : null });
// GET /v1/checkout/sessions/:id/line_items as Stripe documents it.
const lineItems = (call: Recorded) => mugLineItems(call.url.split("?")[0] as string);
const stripeApi = (call: Recorded) => (/^\/v1\/checkout\/sessions\/[^/]+\/line_items/.test(call.url) ? lineItems(call) : session(call));

let api: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  api = await startReceiver(200, stripeApi);
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

  it("charges the price the page showed, and refuses (409, no session) a page that shows another price than the content's", async () => {
    withStripe();
    const product = await getProduct("jam-jar-mug");
    // What the product page's form sends (packages/sections/src/commerce/stripe.ts: `shown`).
    expect((await checkout.handler(form({ product: "jam-jar-mug", quantity: "1", shown: `${product?.price} ${product?.currency}` }), {})).status).toBe(303);
    expect(new URLSearchParams(api.calls[0]?.body).get("line_items[0][price_data][unit_amount]")).toBe("1800");
    api.calls.length = 0;
    // A static page built before the price became 18.00 still shows 15.00: it sells nothing.
    const stale = await checkout.handler(form({ product: "jam-jar-mug", quantity: "1", shown: "1500 usd" }), {});
    expect(stale.status).toBe(409);
    expect(await stale.text()).toBe("The price of Jam jar mug has changed since this page was made: it is now 18.00 USD. Reload the page to buy at that price.\n");
    expect((await checkout.handler(form({ product: "jam-jar-mug", shown: "1800 eur" }), {})).status).toBe(409);
    expect(api.calls).toHaveLength(0);
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
  const orderSecret = "ordsec_canary_0123456789abcdef0123456789";
  let verifyOrder: VerifyOrder;
  beforeAll(async () => {
    verifyOrder = await readmeVerifyOrder();
  });
  // Every test its own event ids: the handler remembers the ids it forwarded (per instance).
  let n = 0;
  const stripeEvent = (type: string, fields: Record<string, unknown> = {}, id = `evt_${++n}_${Date.now()}`) =>
    JSON.stringify({
      id,
      object: "event",
      type,
      created: 1767225600,
      livemode: false,
      data: { object: { id: "cs_test_a1", object: "checkout.session", mode: "payment", payment_status: "paid", amount_subtotal: 3600, amount_total: 3600, currency: "usd", metadata: { product: "jam-jar-mug" }, customer_details: { email: "ada@example.com" }, ...fields } },
    });
  const completed = (fields?: Record<string, unknown>, id?: string) => stripeEvent("checkout.session.completed", fields, id);
  const signed = (payload: string, key = secret, timestamp?: number) =>
    new Request(`${site}/api/stripe-webhook`, { method: "POST", body: payload, headers: { "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: key, timestamp }) } });
  const lineItemCalls = () => api.calls.filter((c) => c.url.includes("/line_items"));

  let orders: Awaited<ReturnType<typeof startReceiver>>;
  let failFirst = false;
  beforeAll(async () => {
    orders = await startReceiver((call) => (failFirst && orders.calls.indexOf(call) === 0 ? 500 : 200));
  });
  afterAll(() => orders.close());
  afterEach(() => {
    orders.calls.length = 0;
    failFirst = false;
  });
  /** Stripe, the webhook's secret, and an order system with its secret. */
  const selling = () => {
    withStripe();
    vi.stubEnv("STRIPE_WEBHOOK_SECRET", secret);
    vi.stubEnv("ORDER_WEBHOOK_URL", `${orders.url}/orders`);
    vi.stubEnv("ORDER_WEBHOOK_SECRET", orderSecret);
  };
  /** What the order system received, each checked as the README tells it to. */
  const received = async () =>
    Promise.all(
      orders.calls.map(async (c) => ({
        verified: await verifyOrder(c.body, c.headers["order-signature"] as string, orderSecret),
        idempotencyKey: c.headers["idempotency-key"],
        session: c.headers["order-session"],
        body: JSON.parse(c.body),
      })),
    );

  it("forwards a paid checkout once, signed, with the quantity Stripe's line items hold", async () => {
    selling();
    const payload = completed({}, "evt_paid");
    const res = await stripeWebhook.handler(signed(payload), {});
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: "evt_paid", forwarded: "order.paid" });
    // The SDK asked Stripe for the session's line items, with the product expanded for its slug.
    expect(lineItemCalls().map((c) => `${c.method} ${decodeURIComponent(c.url)}`)).toEqual(["GET /v1/checkout/sessions/cs_test_a1/line_items?limit=100&expand[0]=data.price.product"]);
    expect(lineItemCalls()[0]?.headers.authorization).toBe("Bearer sk_test_canary_0123456789");
    expect(orders.calls.map((c) => `${c.method} ${c.url}`)).toEqual(["POST /orders"]);
    expect(orders.calls[0]?.headers["content-type"]).toBe("application/json");
    expect(orders.calls[0]?.headers["order-signature"]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(await received()).toEqual([
      {
        verified: true,
        idempotencyKey: "evt_paid",
        session: "cs_test_a1",
        body: {
          version: 1,
          type: "order.paid",
          event: "evt_paid",
          stripeEvent: "checkout.session.completed",
          created: 1767225600,
          livemode: false,
          session: "cs_test_a1",
          paymentStatus: "paid",
          items: [{ product: "jam-jar-mug", name: "Jam jar mug", quantity: 2, amountTotal: 3600, currency: "usd" }],
          quantity: 2,
          amountSubtotal: 3600,
          amountTotal: 3600,
          currency: "usd",
          email: "ada@example.com",
        },
      },
    ]);
  });

  it("forwards nothing for a completed checkout still unpaid (a delayed method), answers 200 and logs it as awaiting payment", async () => {
    selling();
    const log = vi.spyOn(console, "log");
    const res = await stripeWebhook.handler(signed(completed({ payment_status: "unpaid" })), {});
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ awaitingPayment: true });
    expect(orders.calls).toHaveLength(0);
    expect(lineItemCalls()).toHaveLength(0);
    expect(log).toHaveBeenCalledWith(expect.stringContaining("checkout cs_test_a1 is awaiting payment"));
  });

  it("forwards the order as paid, with its quantity, when the delayed payment succeeds", async () => {
    selling();
    const res = await stripeWebhook.handler(signed(stripeEvent("checkout.session.async_payment_succeeded")), {});
    expect(res.status).toBe(200);
    const [order] = await received();
    expect(order?.verified).toBe(true);
    expect(order?.body).toMatchObject({ type: "order.paid", stripeEvent: "checkout.session.async_payment_succeeded", paymentStatus: "paid", quantity: 2, items: [{ product: "jam-jar-mug", quantity: 2 }], amountTotal: 3600 });
  });

  it("forwards a cancellation when the delayed payment fails", async () => {
    selling();
    const res = await stripeWebhook.handler(signed(stripeEvent("checkout.session.async_payment_failed", { payment_status: "unpaid" })), {});
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ forwarded: "order.canceled" });
    const [order] = await received();
    expect(order?.verified).toBe(true);
    expect(order?.body).toMatchObject({ type: "order.canceled", stripeEvent: "checkout.session.async_payment_failed", paymentStatus: "unpaid", session: "cs_test_a1", quantity: 2 });
  });

  it("fulfils a checkout with nothing to pay (no_payment_required: a 0 total)", async () => {
    selling();
    await stripeWebhook.handler(signed(completed({ payment_status: "no_payment_required", amount_total: 0 })), {});
    expect((await received()).map((o) => [o.body.type, o.body.paymentStatus])).toEqual([["order.paid", "no_payment_required"]]);
  });

  it("signs so that a tampered, replayed or wrongly keyed body fails the README's check", async () => {
    selling();
    await stripeWebhook.handler(signed(completed()), {});
    const [call] = orders.calls;
    const header = call?.headers["order-signature"] as string;
    const body = call?.body ?? "";
    expect(await verifyOrder(body, header, orderSecret)).toBe(true);
    expect(await verifyOrder(body.replace('"quantity":2', '"quantity":20'), header, orderSecret)).toBe(false);
    expect(await verifyOrder(body, header, "another-secret")).toBe(false);
    expect(await verifyOrder(body, header.replace(/^t=\d+/, `t=${Math.floor(Date.now() / 1000) + 1}`), orderSecret)).toBe(false);
    expect(await verifyOrder(body, undefined, orderSecret)).toBe(false);
    expect(await verifyOrder(body, "t=1,v1=zz", orderSecret)).toBe(false);
    // The receiver's own variable missing: an error, not a check against the key "undefined".
    await expect(verifyOrder(body, header, undefined as unknown as string)).rejects.toThrow("ORDER_WEBHOOK_SECRET is not set");
    // The same body signed ten minutes ago: a replay, refused although the signature is right.
    const { signOrder } = await import("../src/handlers/stripeWebhook.ts");
    expect(await verifyOrder(body, await signOrder(body, orderSecret, Math.floor(Date.now() / 1000) - 600), orderSecret)).toBe(false);
  });

  it("forwards one event once: the same signed event delivered twice, or twice at once", async () => {
    selling();
    const payload = completed();
    expect((await stripeWebhook.handler(signed(payload), {})).status).toBe(200);
    const again = await stripeWebhook.handler(signed(payload), {});
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true });
    expect(orders.calls).toHaveLength(1);
    const twin = completed();
    const both = await Promise.all([stripeWebhook.handler(signed(twin), {}), stripeWebhook.handler(signed(twin), {})]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(orders.calls).toHaveLength(2);
    expect((await received()).map((o) => o.idempotencyKey)).toEqual([JSON.parse(payload).id, JSON.parse(twin).id]);
  });

  it("answers 502 when the order system fails, and forwards Stripe's retry", async () => {
    selling();
    failFirst = true;
    const payload = completed();
    expect((await stripeWebhook.handler(signed(payload), {})).status).toBe(502);
    expect((await stripeWebhook.handler(signed(payload), {})).status).toBe(200);
    expect(orders.calls).toHaveLength(2);
  });

  it("answers 502 when Stripe's line items cannot be read, and forwards nothing", async () => {
    selling();
    vi.stubEnv("STRIPE_API_URL", "http://127.0.0.1:9");
    expect((await stripeWebhook.handler(signed(completed()), {})).status).toBe(502);
    expect(orders.calls).toHaveLength(0);
  });

  it.each([
    ["without ORDER_WEBHOOK_SECRET", "", "ORDER_WEBHOOK_SECRET is not,"],
    ["with a short ORDER_WEBHOOK_SECRET", "secret123", "ORDER_WEBHOOK_SECRET is shorter than 32 characters"],
  ])("refuses to forward (503, one log line) when ORDER_WEBHOOK_URL is set %s", async (_, value, line) => {
    selling();
    vi.stubEnv("ORDER_WEBHOOK_SECRET", value);
    const error = vi.spyOn(console, "error");
    error.mockClear();
    expect((await stripeWebhook.handler(signed(completed()), {})).status).toBe(503);
    expect(orders.calls).toHaveLength(0);
    expect(error.mock.calls).toEqual([[expect.stringContaining(line)]]);
  });

  it.each([
    ["a tampered body", () => new Request(`${site}/api/stripe-webhook`, { method: "POST", body: completed({}, "evt_t").replace("3600", "1"), headers: { "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload: completed({}, "evt_t"), secret }) } })],
    ["another secret", () => signed(completed(), "whsec_wrong")],
    ["a stale timestamp", () => signed(completed(), secret, Math.floor(Date.now() / 1000) - 3600)],
    ["no signature", () => new Request(`${site}/api/stripe-webhook`, { method: "POST", body: completed() })],
  ])("refuses %s with 400 and forwards nothing", async (_, request) => {
    selling();
    expect((await stripeWebhook.handler(request(), {})).status).toBe(400);
    expect(orders.calls).toHaveLength(0);
    expect(lineItemCalls()).toHaveLength(0);
  });

  it("logs the order without ORDER_WEBHOOK_URL, and ignores other events and other sessions", async () => {
    withStripe();
    vi.stubEnv("STRIPE_WEBHOOK_SECRET", secret);
    const log = vi.spyOn(console, "log");
    expect((await stripeWebhook.handler(signed(completed()), {})).status).toBe(200);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/"type":"order.paid".*"product":"jam-jar-mug".*"quantity":2/));
    const other = await stripeWebhook.handler(signed(JSON.stringify({ id: "evt_other", object: "event", type: "charge.refunded", data: { object: {} } })), {});
    expect(await other.json()).toEqual({ ignored: "charge.refunded" });
    const subscription = await stripeWebhook.handler(signed(completed({ mode: "subscription" })), {});
    expect(await subscription.json()).toEqual({ ignored: "checkout.session.completed (subscription)" });
  });

  it("answers 503 when STRIPE_WEBHOOK_SECRET is not set", async () => {
    expect((await stripeWebhook.handler(signed(completed()), {})).status).toBe(503);
  });
});
