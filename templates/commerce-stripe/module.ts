import { defineModule } from "../../create-jam/src/engine/define.ts";
import { commerceModule } from "../shared/commerce.ts";
import pkg from "./package.json" with { type: "json" };

// Stripe sends the buyer back to /checkout/success/ or /checkout/cancel/: a section of its own.
const shared = commerceModule({ id: "stripe", sections: [{ id: "checkout" }] });

export default defineModule(pkg, {
  ...shared,
  label: "Stripe",
  needs: [{ capability: "functions", why: "the Checkout Session is created by /api/checkout, with the secret key" }],
  hint: "Stripe Checkout from a plain form: no JavaScript on product pages",
  // The Buy form's answer is a 303 to Stripe's hosted page, which form-action checks too: the
  // hosts' header policy allows it (templates/shared/security-headers.ts).
  csp: { "form-action": ["https://checkout.stripe.com"] },
  packages: [
    ...(shared.packages ?? []),
    { from: "sections", to: "packages/sections", include: ["src/sections/checkout.ts"] },
    { from: "functions", to: "packages/functions", include: ["src/handlers/checkout.ts", "src/handlers/stripeWebhook.ts", "src/stripe.ts", "src/origin.ts"] },
  ],
  functions: [
    { path: "/api/checkout", handler: "checkout" },
    { path: "/api/stripe-webhook", handler: "stripeWebhook" },
  ],
  workspaces: {
    ...shared.workspaces,
    // The functions read products from the content package; the SDK creates the Checkout Session.
    "packages/functions": { dependencies: ["stripe"] },
  },
  env: [
    { name: "STRIPE_SECRET_KEY", visibility: "secret", description: "a secret key (dashboard › Developers › API keys; sk_test_... while testing): /api/checkout creates Checkout Sessions with it; without it product pages say checkout is not set up" },
    { name: "STRIPE_WEBHOOK_SECRET", visibility: "secret", description: "the signing secret of the webhook endpoint /api/stripe-webhook (whsec_...): events not signed with it get 400" },
    { name: "ORDER_WEBHOOK_URL", visibility: "secret", description: "where each paid checkout is POSTed as JSON (an order system, a Slack or Zapier hook); empty: the function logs it" },
    { name: "STRIPE_API_URL", visibility: "secret", description: "another API than Stripe's (a test server); leave empty" },
  ],
  readme: `## Commerce: Stripe

**Account:** a Stripe account (test mode is enough to start). Products come from the content source: with Markdown content they live in \`packages/content/content/products/\`, one \`.md\` file each: \`name\`, \`description\`, \`price\` in cents (\`1800\` is 18.00), \`currency\` (\`usd\`) and \`image\` (a file beside it, or a URL); the body is the long description. With a CMS they are its product type (its section above says how), and these files are the demo products it falls back to until it is configured. They are listed on \`/products/\`, each on \`/products/<slug>/\`.

**How a sale works:** a product page has a plain \`<form method="post" action="/api/checkout/">\` naming the product (never its price) and a quantity. \`/api/checkout\` looks the product up in the content package, creates a Checkout Session with the content's price (\`stripe\` SDK), and answers 303 to Stripe's hosted page; afterwards Stripe sends the buyer to \`/checkout/success/\` or \`/checkout/cancel/\`. A form posted from another site, an unknown product or a quantity outside 1–10 gets a 4xx and no session. The product pages load no JavaScript.

**Env:** \`STRIPE_SECRET_KEY\` (secret, server only). Until it is set, product pages show a notice instead of the Buy button and the build says so in one line.

**Orders:** in the dashboard (Developers › Webhooks) add an endpoint \`https://<your site>/api/stripe-webhook/\` for \`checkout.session.completed\` and set its signing secret as \`STRIPE_WEBHOOK_SECRET\`. The function checks \`Stripe-Signature\` on the raw body (\`constructEventAsync\`, Web Crypto) and POSTs each paid order as JSON to \`ORDER_WEBHOOK_URL\` when set (it logs it otherwise); a bad signature gets 400. Locally: \`stripe listen --forward-to localhost:<port>/api/stripe-webhook\`.

**Go live:** switch to live keys in the host's production environment (keep test keys for previews), and add the live webhook endpoint.`,
});
