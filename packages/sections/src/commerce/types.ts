import type { Product } from "@repo/content/products";

/** How a commerce provider sells a product on its page, without JavaScript until the buyer acts. */
export interface Commerce {
  /** The provider's name, for the build's notice. */
  name: string;
  /** The variables it needs to sell; none missing: the page has the real control. */
  missing(): string[];
  /** The HTML under a product's description: a buy control, or a notice when it is not set up. */
  control(product: Product): string;
}
