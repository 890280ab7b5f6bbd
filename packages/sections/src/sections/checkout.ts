// Where Stripe Checkout sends the buyer back: /checkout/success/ and /checkout/cancel/.
import type { SectionPage } from "../types.ts";

export async function pages(): Promise<SectionPage[]> {
  return [
    {
      path: "/checkout/success/",
      title: "Thank you",
      description: "Your order is paid.",
      html: `<h1>Thank you</h1>\n<p>Your payment went through. A receipt is on its way to your email.</p>\n<p><a href="/products/">Back to the products</a></p>`,
    },
    {
      path: "/checkout/cancel/",
      title: "Checkout cancelled",
      description: "Nothing was charged.",
      html: `<h1>Checkout cancelled</h1>\n<p>Nothing was charged. Your basket is where you left it: pick up again from the product's page.</p>\n<p><a href="/products/">Back to the products</a></p>`,
    },
  ];
}
