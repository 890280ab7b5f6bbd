import { getProduct } from "@repo/content/products";
import { fromSite } from "../origin.ts";
import { stripeClient } from "../stripe.ts";
import { LIMITS } from "../limits.ts";
import type { Route } from "../types.ts";

const text = (status: number, body: string) => new Response(`${body}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** A price in the currency's major unit, as a buyer reads it ("18.00 USD"). */
function priceText({ price, currency }: { price: number; currency: string }) {
  const code = currency.toUpperCase();
  const digits = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
  return `${(price / 10 ** digits).toFixed(digits)} ${code}`;
}

/** How many of one product a checkout may hold. */
const MAX_QUANTITY = 10;

/**
 * POST /api/checkout: a product page's form (`product`, the product's slug, and an optional
 * `quantity`, and `shown`, the price the page displays). The price is the content's, never the
 * form's; a form showing another price than the content's gets 409 and no session. Answers 303 to Stripe Checkout's page;
 * a form from elsewhere, an unknown product or a bad quantity gets 4xx and no session.
 */
export const checkout: Route = {
  methods: ["POST"],
  limit: LIMITS.checkout,
  handler: async (request) => {
    if (!fromSite(request)) return text(403, "Checkout starts from this site's own product pages.");
    const type = request.headers.get("content-type") ?? "";
    if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) return text(415, "Send the product page's form.");
    const form = await request.formData();
    const slug = form.get("product");
    const product = typeof slug === "string" ? await getProduct(slug) : undefined;
    if (!product) return text(404, "There is no such product.");
    // The page the buyer saw was built with a price; the content may hold another since (a static
    // page not yet rebuilt after a change). The content's price is the one charged, so a page that
    // shows another one is refused rather than charged differently from what it said.
    const shown = form.get("shown");
    if (typeof shown === "string" && shown !== `${product.price} ${product.currency}`) {
      return text(409, `The price of ${product.name} has changed since this page was made: it is now ${priceText(product)}. Reload the page to buy at that price.`);
    }
    const rawQuantity = form.get("quantity") ?? "1";
    const quantity = typeof rawQuantity === "string" && /^\d{1,2}$/.test(rawQuantity) ? Number(rawQuantity) : 0;
    if (quantity < 1 || quantity > MAX_QUANTITY) return text(400, `The quantity must be a whole number from 1 to ${MAX_QUANTITY}.`);
    const stripe = stripeClient();
    if (!stripe) {
      console.error("checkout: STRIPE_SECRET_KEY is not set, so there is no checkout.");
      return text(503, "Checkout is not set up on this site yet.");
    }
    // Back to this site only: the request's own origin.
    const site = new URL(request.url).origin;
    const session = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [
        {
          quantity,
          price_data: {
            currency: product.currency,
            unit_amount: product.price,
            product_data: { name: product.name, description: product.description || undefined, metadata: { slug: product.slug } },
          },
        },
      ],
      metadata: { product: product.slug },
      success_url: `${site}/checkout/success/?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${site}/checkout/cancel/?product=${encodeURIComponent(product.slug)}`,
    });
    if (!session.url) return text(502, "Stripe gave no checkout page.");
    return new Response(null, { status: 303, headers: { location: session.url } });
  },
};
