// Snipcart sells the products: snipcart-add-item buttons on each product page.
export { buy } from "./commerce/snipcart.ts";
