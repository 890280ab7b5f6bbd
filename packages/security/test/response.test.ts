import { describe, expect, it } from "vitest";
import headers from "../headers.json" with { type: "json" };
import { securedHtml } from "../src/html.ts";
import { securedResponse } from "../src/response.ts";

// The CSP spec's own example: the hash of `alert('Hello, world.');`.
const HELLO = "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='";
const page = `<!doctype html><html><head><meta charset="utf-8"><title>x</title></head><body><script>alert('Hello, world.');</script></body></html>`;

describe("a hybrid server's answers (packages/security's hook)", () => {
  it("a page gets every host header and its policy <meta> with this answer's inline scripts' hashes", async () => {
    const res = await securedResponse(new Response(page, { status: 200, headers: { "content-type": "text/html; charset=utf-8", "content-length": String(page.length), "cache-control": "s-maxage=60" } }));
    for (const [name, value] of Object.entries(headers)) expect(res.headers.get(name), name).toBe(value);
    // What the framework set stays; the length, which the <meta> changed, goes.
    expect(res.headers.get("cache-control")).toBe("s-maxage=60");
    expect(res.headers.get("content-length")).toBeNull();
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' [^"]*"><title>/);
    expect(html).toContain(`script-src 'self' ${HELLO}`);
    expect(html).not.toContain("'unsafe-inline' ;");
  });

  it("an answer that set a header of its own keeps it (the router's strict /api/* policy)", async () => {
    const api = new Response("{}", { headers: { "content-type": "application/json", "content-security-policy": "default-src 'none'" } });
    const res = await securedResponse(api);
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(await res.text()).toBe("{}");
  });

  it("leaves what is not a page as it is, status and all: a redirect, a file, an empty answer", async () => {
    const redirect = await securedResponse(new Response(null, { status: 303, headers: { location: "/x/" } }));
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get("location")).toBe("/x/");
    const text = await securedResponse(new Response("<script>not a page</script>", { headers: { "content-type": "text/plain" } }));
    expect(await text.text()).toBe("<script>not a page</script>");
    const notFound = await securedResponse(new Response(page, { status: 404, statusText: "Not Found", headers: { "content-type": "text/html" } }));
    expect([notFound.status, notFound.statusText]).toEqual([404, "Not Found"]);
    expect(await notFound.text()).toContain('http-equiv="Content-Security-Policy"');
  });

  it("HTML from a hook that has no Response (Nitro's) gets the same policy, once however often it passes", () => {
    const once = securedHtml(page);
    expect(securedHtml(once)).toBe(once);
    expect(once.match(/Content-Security-Policy/g)).toHaveLength(1);
    // A fragment without <head> is left alone.
    expect(securedHtml("<p>x</p>")).toBe("<p>x</p>");
  });
});
