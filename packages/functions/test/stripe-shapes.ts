// Stripe's API answers as Stripe documents them, for the loopback servers of the unit and e2e tests.

/**
 * GET /v1/checkout/sessions/:id/line_items with `expand[]=data.price.product` (a list of items):
 * two jam jar mugs, the product /api/checkout made, its slug in metadata.
 */
export const mugLineItems = (url: string) => ({
  object: "list",
  url,
  has_more: false,
  data: [
    {
      id: "li_test_1",
      object: "item",
      amount_discount: 0,
      amount_subtotal: 3600,
      amount_tax: 0,
      amount_total: 3600,
      currency: "usd",
      description: "Jam jar mug",
      price: {
        id: "price_test_1",
        object: "price",
        active: false,
        currency: "usd",
        type: "one_time",
        unit_amount: 1800,
        unit_amount_decimal: "1800",
        product: { id: "prod_test_1", object: "product", active: false, name: "Jam jar mug", metadata: { slug: "jam-jar-mug" } },
      },
      quantity: 2,
    },
  ],
});
