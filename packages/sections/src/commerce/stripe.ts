// Stripe Checkout: a same-origin form posting the product's slug to /api/checkout, which answers
// with a redirect to Stripe's page. No JavaScript. The form also says which price the page shows
// (`shown`): never charged, only compared, so a page built before a price change cannot sell at a
// price other than the one it displays.
import { escapeHtml } from "../html.ts";
import type { Commerce } from "./types.ts";

/** The price a page shows, as its form sends it: "1800 usd". */
const shownPrice = (product: { price: number; currency: string }) => `${product.price} ${product.currency}`;

const missing = () => (process.env.STRIPE_SECRET_KEY ? [] : ["STRIPE_SECRET_KEY"]);

export const buy: Commerce = {
  name: "Stripe",
  missing,
  control(product) {
    if (missing().length) return `<p class="notice">Checkout is not set up yet: this site has no STRIPE_SECRET_KEY.</p>`;
    return `<form class="buy" method="post" action="/api/checkout/">
<input type="hidden" name="product" value="${escapeHtml(product.slug)}">
<input type="hidden" name="shown" value="${escapeHtml(shownPrice(product))}">
<label>Quantity <input type="number" name="quantity" value="1" min="1" max="10" inputmode="numeric"></label>
<button type="submit">Buy now</button>
</form>`;
  },
};
