import { defineModule } from "../../create-jam/src/engine/define.ts";
import { commerceModule } from "../shared/commerce.ts";
import pkg from "./package.json" with { type: "json" };

export default defineModule(pkg, {
  ...commerceModule({ id: "snipcart" }),
  label: "Snipcart",
  hint: "a cart in HTML attributes; no server code, no JavaScript until the buyer reaches for it",
  // What the loader adds and Snipcart's cart then reaches (its CDN's script, theme and fonts; its
  // API, and the payment form it frames), for the pages' policy (packages/security).
  csp: {
    "script-src": ["https://cdn.snipcart.com"],
    "style-src": ["https://cdn.snipcart.com"],
    "font-src": ["https://cdn.snipcart.com"],
    "connect-src": ["https://app.snipcart.com", "https://cdn.snipcart.com", "https://payment.snipcart.com"],
    "frame-src": ["https://app.snipcart.com", "https://payment.snipcart.com"],
  },
  env: [
    { name: "PUBLIC_SNIPCART_API_KEY", visibility: "public", description: "Snipcart's public API key (dashboard › Account › API keys; test or live): without it product pages say the cart is not set up" },
  ],
  goLive: [
    { phase: "account", do: `Create a Snipcart account (test mode is free), and add the site's domain under Account › Domains & URLs so its crawler may fetch the product pages (a preview behind Vercel's Deployment Protection cannot be crawled).`, check: `Domains & URLs lists the domain.` },
    { phase: "variables", do: `Set \`PUBLIC_SNIPCART_API_KEY\` in \`.env\` and in the host's settings (the live key in production only).`, check: `\`pnpm build\` prints \`commerce: Snipcart checkout is on.\`; a product page shows its cart button.` },
  ],
  readme: `## Commerce: Snipcart

**Account:** a Snipcart account (test mode is free). Products come from the content source: with Markdown content they live in \`packages/content/content/products/\`, one \`.md\` file each: \`name\`, \`description\`, \`price\` in cents (\`1800\` is 18.00), \`currency\` (\`usd\`) and \`image\` (a file beside it, or a URL); the body is the long description. With a CMS they are its product type (its section above says how), and these files are the demo products it falls back to until it is configured. They are listed on \`/products/\`, each on \`/products/<slug>/\`.

**How a sale works:** each product page carries a server-rendered \`<button class="snipcart-add-item">\` with \`data-item-id\` (the slug), \`data-item-price\`, \`data-item-url\` (the product's own page), \`data-item-name\`, \`data-item-description\` and \`data-item-image\`. At checkout Snipcart's crawler fetches \`data-item-url\` and checks that its button has the same id and price, so a price changed in the browser is refused. Snipcart's script and stylesheet (cdn.snipcart.com, theme v3.0) are added only when the buyer points at, focuses or touches a cart button: until then the page loads no JavaScript. There is no server code.

**Env:** \`PUBLIC_SNIPCART_API_KEY\` (public: it is in every product page). Until it is set, product pages show a notice instead of the cart and the build says so in one line.

**What this protects, and what it does not:** the price a buyer pays is the one on the product's own page: Snipcart's crawler fetches \`data-item-url\` at checkout and refuses an order whose price differs from the page's, so a price edited in the browser does not sell. The public API key is meant to be public; the site holds no secret of Snipcart's. Orders, payments and buyers' data live in Snipcart, under its account's security.`,
});
