// /products/ (every product) and /products/<slug>/ (one, with the commerce module's buy control).
import { loadLocalEnv } from "@repo/content";
import { listProducts, type Product } from "@repo/content/products";
import { buy } from "../commerce.ts";
import { escapeHtml } from "../html.ts";
import { formatPrice } from "../price.ts";
import type { SectionPage } from "../types.ts";

// A CMS product may have no image: no empty <img>.
const image = (p: Product, size: number) => (p.image ? `<img src="${escapeHtml(p.image)}" alt="" width="${size}" height="${size}">` : "");

function listing(products: Product[]): SectionPage {
  const items = products.map(
    (p) => `<li><a href="/products/${escapeHtml(p.slug)}/">${image(p, 240)}<strong>${escapeHtml(p.name)}</strong></a> <span class="price">${formatPrice(p.price, p.currency)}</span><p>${escapeHtml(p.description)}</p></li>`,
  );
  return { path: "/products/", title: "Products", description: "Everything this site sells.", html: `<h1>Products</h1>\n<ul class="products">\n${items.join("\n")}\n</ul>` };
}

function detail(p: Product): SectionPage {
  return {
    path: `/products/${p.slug}/`,
    title: p.name,
    description: p.description,
    searchable: true,
    html: `<article class="product">
${image(p, 480)}
<h1>${escapeHtml(p.name)}</h1>
<p class="price">${formatPrice(p.price, p.currency)}</p>
${p.html}
${buy.control(p)}
</article>`,
  };
}

export async function pages(): Promise<SectionPage[]> {
  loadLocalEnv();
  const products = await listProducts();
  return [listing(products), ...products.map(detail)];
}
