// The section pages every framework renders: products with their buy control, and checkout's.
import { listProducts } from "@repo/content/products";
import { afterEach, describe, expect, it, vi } from "vitest";
import { formatPrice } from "../src/price.ts";
import { getSectionPage, listSectionPages, restOf } from "../src/index.ts";

afterEach(() => vi.unstubAllEnvs());

describe("the products section", () => {
  it("has a listing linking every product, and a page per product", async () => {
    const products = await listProducts();
    const pages = await listSectionPages("products");
    expect(pages.map((p) => p.path)).toEqual(["/products/", ...products.map((p) => `/products/${p.slug}/`)]);
    for (const p of products) expect(pages[0]?.html).toContain(`href="/products/${p.slug}/"`);
    expect(pages.map(restOf)).toEqual(["", ...products.map((p) => p.slug)]);
  });

  it("sells through a same-origin form naming the product and the price it shows (compared, never charged), when Stripe is set up", async () => {
    vi.stubEnv("STRIPE_SECRET_KEY", "sk_test_x");
    const page = await getSectionPage("/products/jam-jar-mug");
    expect(page?.html).toContain('<form class="buy" method="post" action="/api/checkout/">');
    expect(page?.html).toContain('name="product" value="jam-jar-mug"');
    expect(page?.html).not.toMatch(/name="(price|amount|unit_amount)"/);
    // The price this page was built with: /api/checkout refuses it once the content holds another.
    expect(page?.html).toContain('<input type="hidden" name="shown" value="1800 usd">');
    expect(page?.html).toContain("$18.00");
  });

  it("shows a notice instead of the form without STRIPE_SECRET_KEY", async () => {
    vi.stubEnv("STRIPE_SECRET_KEY", "");
    const page = await getSectionPage("/products/jam-jar-mug/");
    expect(page?.html).not.toContain("<form");
    expect(page?.html).toContain("Checkout is not set up yet");
  });

  it("escapes content placed in the HTML", async () => {
    const html = (await listSectionPages("products"))[0]?.html ?? "";
    expect(html).not.toMatch(/<script/i);
  });
});

describe("the checkout section and lookups", () => {
  it("has the pages Stripe sends the buyer back to", async () => {
    expect((await listSectionPages("checkout")).map((p) => p.path)).toEqual(["/checkout/success/", "/checkout/cancel/"]);
  });

  it("finds nothing outside the sections, and names them for an unknown one", async () => {
    expect(await getSectionPage("/posts/hello-jamstack/")).toBeUndefined();
    expect(await getSectionPage("/products/no-such-thing/")).toBeUndefined();
    await expect(listSectionPages("nope")).rejects.toThrow('no section "nope": the sections are checkout, products');
  });

  it("writes prices in the currency's own minor unit", () => {
    expect(formatPrice(1800, "usd")).toBe("$18.00");
    expect(formatPrice(500, "jpy")).toBe("¥500");
    expect(formatPrice(1234, "eur")).toBe("€12.34");
  });
});
