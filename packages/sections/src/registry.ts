// The sections of the site: create-jam writes this file from the chosen modules (this
// repository's copy, for its tests, has every section).
import * as checkout from "./sections/checkout.ts";
import * as products from "./sections/products.ts";

export const sources = { checkout, products };
