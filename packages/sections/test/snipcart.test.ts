// Snipcart's buy control: the crawler's attributes, the loader, the notice.
import { getProduct } from "@repo/content/products";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buy, snipcartPrice } from "../src/commerce/snipcart.ts";

afterEach(() => vi.unstubAllEnvs());
const mug = async () => (await getProduct("jam-jar-mug"))!;

describe("Snipcart's control on a product page", () => {
  it("is a snipcart-add-item button whose id, price and url are what the crawler compares", async () => {
    vi.stubEnv("PUBLIC_SNIPCART_API_KEY", "pk_test_public");
    const html = buy.control(await mug());
    expect(html).toMatch(/<button type="button" class="snipcart-add-item" data-item-id="jam-jar-mug" data-item-price="18.00" data-item-url="\/products\/jam-jar-mug\/" data-item-name="Jam jar mug"/);
    expect(html).toContain('data-item-image="data:image/svg+xml;base64,');
  });

  it("loads Snipcart only from a listener on the buyer's reach for a cart control, never at once", async () => {
    vi.stubEnv("PUBLIC_SNIPCART_API_KEY", "pk_test_public");
    const html = buy.control(await mug());
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).toContain('loadStrategy: "manual"');
    expect(html).toMatch(/for \(const type of \["pointerover", "focusin", "touchstart"\]\) document\.addEventListener\(type, load/);
    expect(html).toContain("https://cdn.snipcart.com/themes/v3.0/default/snipcart");
  });

  it("keeps a hostile key from ending the inline script", async () => {
    vi.stubEnv("PUBLIC_SNIPCART_API_KEY", "</script><script>alert(1)</script>");
    const html = buy.control(await mug());
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });

  it("shows a notice instead of the cart without PUBLIC_SNIPCART_API_KEY, and names the variable", async () => {
    vi.stubEnv("PUBLIC_SNIPCART_API_KEY", "");
    expect(buy.control(await mug())).toContain("The cart is not set up yet");
    expect(buy.missing()).toEqual(["PUBLIC_SNIPCART_API_KEY"]);
  });

  it("writes the price in the currency's major unit", async () => {
    expect(snipcartPrice({ ...(await mug()), price: 500, currency: "jpy" })).toBe("500");
    expect(snipcartPrice({ ...(await mug()), price: 1234, currency: "eur" })).toBe("12.34");
  });
});
