// Stripe Checkout: a same-origin form posting the product's slug (never its price) to
// /api/checkout, which answers with a redirect to Stripe's page. No JavaScript.
import { escapeHtml } from "../html.ts";
import type { Commerce } from "./types.ts";

const missing = () => (process.env.STRIPE_SECRET_KEY ? [] : ["STRIPE_SECRET_KEY"]);

export const buy: Commerce = {
  name: "Stripe",
  missing,
  control(product) {
    if (missing().length) return `<p class="notice">Checkout is not set up yet: this site has no STRIPE_SECRET_KEY.</p>`;
    return `<form class="buy" method="post" action="/api/checkout/">
<input type="hidden" name="product" value="${escapeHtml(product.slug)}">
<label>Quantity <input type="number" name="quantity" value="1" min="1" max="10" inputmode="numeric"></label>
<button type="submit">Buy now</button>
</form>`;
  },
};
