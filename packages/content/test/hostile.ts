// A hostile entry through @repo/content's own entry points (index.ts's getEntry, members.ts,
// products.ts), as pages, /api/members and the product pages read it: each provider test mocks
// src/provider.ts with its CMS, so the body takes the CMS's SDK and renderer and then the package's
// sanitiser, exactly as in a generated site.
import { expect } from "vitest";
import { htmlVectors, urlVectors } from "./fixtures/xss-vectors.ts";
import { scriptingConstructs } from "./script-free.ts";

export { htmlVectors, urlVectors };

export async function publicApi() {
  const { getEntry } = await import("../src/index.ts");
  const { getMembersEntry } = await import("../src/members.ts");
  const { getProduct, listProducts } = await import("../src/products.ts");
  return { getEntry, getMembersEntry, getProduct, listProducts };
}

/** The body was rendered (`phrase` from the entry survives) and holds nothing that runs. */
export function expectSafe(html: string | undefined, phrase: string) {
  expect(html).toContain(phrase);
  expect(scriptingConstructs(html ?? "")).toEqual([]);
}

/** The provider's own renderer lets something through: without the sanitiser this would be on the page. */
export function expectUnsafe(html: string | undefined) {
  expect(scriptingConstructs(html ?? "").length).toBeGreaterThan(0);
}

/** Every entry point a body leaves the package by, for the hostile slugs a fixture server answers. */
export async function expectEveryWayOutSafe({ entry, members, product }: { entry: string; members: string; product?: string }, phrase: string) {
  const api = await publicApi();
  expectSafe((await api.getEntry("posts", entry))?.html, phrase);
  expectSafe((await api.getMembersEntry("posts", members))?.html, phrase);
  if (product) {
    expectSafe((await api.getProduct(product))?.html, phrase);
    for (const p of await api.listProducts()) expect(scriptingConstructs(p.html), p.slug).toEqual([]);
  }
}
