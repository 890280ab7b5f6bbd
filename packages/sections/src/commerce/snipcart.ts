// Snipcart: server-rendered `snipcart-add-item` buttons, which Snipcart's crawler checks at
// checkout against the page at data-item-url (same id, same price), and a small loader that adds
// Snipcart's script and stylesheet only when the buyer reaches for a cart control: until then the
// page fetches no JavaScript.
import { basePath } from "@repo/content";
import type { Product } from "@repo/content/products";
import { escapeHtml } from "../html.ts";
import type { Commerce } from "./types.ts";

/** The Snipcart v3 theme the loader fetches (cdn.snipcart.com/themes/v<version>/default/). */
const SNIPCART_VERSION = "3.0";

const key = () => process.env.PUBLIC_SNIPCART_API_KEY;

/** A string as a JavaScript literal that cannot end the inline <script> it sits in. */
const jsString = (value: string) => JSON.stringify(value).replaceAll("<", "\\u003c");

/** The price as Snipcart reads it: major units with the currency's decimals ("18.00"). */
export function snipcartPrice(product: Product): string {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency: product.currency.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2;
  return (product.price / 10 ** digits).toFixed(digits);
}

// Loads Snipcart on the first pointer over, focus on or touch of a cart control, once. Settings
// follow Snipcart v3's: the #snipcart element carries the public key; "manual" keeps its own
// loader from running (it would load after a timeout even without the buyer).
const loader = (apiKey: string, currency: string) => `<script>
window.SnipcartSettings = { publicApiKey: ${jsString(apiKey)}, loadStrategy: "manual", version: "${SNIPCART_VERSION}", currency: ${jsString(currency)}, modalStyle: "side" };
(() => {
  const base = "https://cdn.snipcart.com/themes/v${SNIPCART_VERSION}/default/snipcart";
  let loaded = false;
  const load = (event) => {
    if (loaded || !(event.target instanceof Element) || !event.target.closest(".snipcart-add-item, .snipcart-checkout")) return;
    loaded = true;
    const root = Object.assign(document.createElement("div"), { id: "snipcart", hidden: true });
    Object.assign(root.dataset, { apiKey: SnipcartSettings.publicApiKey, currency: SnipcartSettings.currency, configModalStyle: SnipcartSettings.modalStyle });
    document.body.append(root);
    document.head.prepend(Object.assign(document.createElement("link"), { rel: "stylesheet", href: base + ".css" }));
    document.head.append(Object.assign(document.createElement("script"), { src: base + ".js", async: true }));
  };
  for (const type of ["pointerover", "focusin", "touchstart"]) document.addEventListener(type, load, { passive: true });
})();
</script>`;

export const buy: Commerce = {
  name: "Snipcart",
  missing: () => (key() ? [] : ["PUBLIC_SNIPCART_API_KEY"]),
  control(product) {
    const apiKey = key();
    if (!apiKey) return `<p class="notice">The cart is not set up yet: this site has no PUBLIC_SNIPCART_API_KEY.</p>`;
    const data: Record<string, string> = {
      id: product.slug,
      price: snipcartPrice(product),
      // Below the site's base path (BASE_PATH: GitHub Pages serves a project site under /<repo>).
      url: `${basePath()}/products/${product.slug}/`,
      name: product.name,
      description: product.description,
      image: product.image,
    };
    const attributes = Object.entries(data)
      .map(([k, v]) => `data-item-${k}="${escapeHtml(v)}"`)
      .join(" ");
    return `<p class="buy"><button type="button" class="snipcart-add-item" ${attributes}>Add to cart</button> <button type="button" class="snipcart-checkout">View cart</button></p>
${loader(apiKey, product.currency)}`;
  },
};
