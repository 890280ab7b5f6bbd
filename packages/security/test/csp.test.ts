import { describe, expect, it } from "vitest";
import { inlineScriptHashes, pagePolicy, withPagePolicy } from "../src/csp.ts";

// The CSP spec's own example: the hash of `alert('Hello, world.');`.
const HELLO = "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='";

describe("a page's policy", () => {
  it("hashes each inline script as the browser does, and skips scripts with a src", () => {
    const html = `<script>alert('Hello, world.');</script><script type="module" src="/_jam/account.js"></script><script data-x="a>b">alert('Hello, world.');</script>`;
    expect(inlineScriptHashes(html)).toEqual([HELLO]);
    // The parser turns CR LF into LF before the check.
    expect(inlineScriptHashes("<script>a\r\nb</script>")).toEqual(inlineScriptHashes("<script>a\nb</script>"));
    expect(inlineScriptHashes("<script>a</script><SCRIPT>b</SCRIPT >")).toHaveLength(2);
  });

  it("allows scripts by hash and integrations' sources, never 'unsafe-inline' for scripts", () => {
    const policy = pagePolicy([HELLO], { "script-src": ["'wasm-unsafe-eval'"], "connect-src": ["https://*.algolia.net", "$ALGOLIA_HOSTS"] }, { ALGOLIA_HOSTS: "127.0.0.1:8080, https://search.example" });
    const script = policy.split("; ").find((d) => d.startsWith("script-src "));
    expect(script).toBe(`script-src 'self' ${HELLO} 'wasm-unsafe-eval'`);
    expect(policy).toContain("connect-src 'self' https://*.algolia.net http://127.0.0.1:8080 https://search.example");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    // What a <meta> policy cannot carry, or must not (form-action adds up with the header's).
    expect(policy).not.toMatch(/frame-ancestors|form-action|report-uri|sandbox/);
    // An unset variable adds nothing.
    expect(pagePolicy([], { "connect-src": ["$NOPE"] })).toContain("connect-src 'self';");
  });

  it("goes first in <head>, after <meta charset>, once however often the step runs", () => {
    const page = `<!doctype html><html lang="en"><head>\n<meta charset="utf-8"><title>x</title></head><body><script>alert('Hello, world.');</script></body></html>`;
    const once = withPagePolicy(page) as string;
    expect(once).toMatch(/^<!doctype html><html lang="en"><head>\n<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'sha256-/);
    expect(once).toContain(HELLO);
    expect(withPagePolicy(once)).toBe(once);
    expect(withPagePolicy("<svg></svg>")).toBeUndefined();
  });
});
