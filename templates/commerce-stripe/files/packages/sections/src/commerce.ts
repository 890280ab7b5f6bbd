// Stripe sells the products: a form to /api/checkout on each product page.
export { buy } from "./commerce/stripe.ts";
