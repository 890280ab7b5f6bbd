// Which commerce provider sells the products: each commerce module writes this file in the
// project it generates (this repository's copy, for its tests, is Stripe's).
export { buy } from "./commerce/stripe.ts";
