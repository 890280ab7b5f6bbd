// The router's rate limit on writes (checkout, comments): 429 with Retry-After past the route's
// allowance, counted per visitor by the host's own mechanism or this instance's memory; and the
// Cloudflare limiter against wrangler's own local runtime of the rate-limiting binding.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cloudflareLimiter, type Limit, memoryLimiter, visitorOf } from "../src/rate-limit.ts";
import { createRouter } from "../src/router.ts";

const limit: Limit = { name: "test", requests: 3, seconds: 60 };
const site = "https://site.example/api/x";

describe("the router's rate limit", () => {
  const handle = createRouter({ "/api/x": { methods: ["GET", "POST"], limit: { ...limit, name: `router-${Math.random()}` }, handler: async () => new Response("ok") } });
  const from = (ip: string, method = "POST") => handle(new Request(site, { method, headers: { "x-real-ip": ip } }));

  it("answers 429 with Retry-After past the allowance, per visitor, before the handler; reads are not counted", async () => {
    for (let i = 0; i < 3; i++) expect((await from("203.0.113.1")).status).toBe(200);
    const refused = await from("203.0.113.1");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect((await from("203.0.113.2")).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await from("203.0.113.1", "GET")).status).toBe(200);
  });

  it("uses the host's limiter when the mount gives one, and lets a request through when that limiter fails", async () => {
    const seen: string[] = [];
    const res = await handle(new Request(site, { method: "POST", headers: { "cf-connecting-ip": "198.51.100.7" } }), { limiter: async (l, key) => (seen.push(`${l.requests} ${key}`), false) });
    expect(res.status).toBe(429);
    expect(seen).toEqual(["3 198.51.100.7"]);
    const failing = await handle(new Request(site, { method: "POST" }), { limiter: async () => { throw new Error("binding down"); } });
    expect(failing.status).toBe(200);
  });
});

describe("the memory limiter", () => {
  it("opens a new window after the period, and forgets the oldest visitor past its bound", async () => {
    const short: Limit = { name: `short-${Math.random()}`, requests: 1, seconds: 10 };
    expect(await memoryLimiter(short, "a")).toBe(true);
    expect(await memoryLimiter(short, "a")).toBe(false);
    const realNow = Date.now;
    Date.now = () => realNow() + 10_001;
    try {
      expect(await memoryLimiter(short, "a")).toBe(true);
    } finally {
      Date.now = realNow;
    }
    // A flood of addresses: memory stays bounded, and each new address still gets its window.
    for (let i = 0; i < 20_000; i++) await memoryLimiter(short, `flood-${i}`);
    expect(await memoryLimiter(short, "flood-19999")).toBe(false);
  });

  it("reads the address the host sets first", () => {
    const req = (headers: Record<string, string>) => visitorOf(new Request(site, { headers }));
    expect(req({ "cf-connecting-ip": "1.1.1.1", "x-forwarded-for": "9.9.9.9" })).toBe("1.1.1.1");
    expect(req({ "x-nf-client-connection-ip": "2.2.2.2", "x-forwarded-for": "9.9.9.9" })).toBe("2.2.2.2");
    expect(req({ "x-forwarded-for": "3.3.3.3, 10.0.0.1" })).toBe("3.3.3.3");
    expect(req({})).toBe("unknown");
  });
});

describe("the Cloudflare limiter", () => {
  it("counts through the Worker's rate-limiting binding, run by wrangler's local runtime", async () => {
    const { getPlatformProxy } = await import("wrangler");
    const dir = mkdtempSync(join(tmpdir(), "jam-ratelimit-"));
    writeFileSync(
      join(dir, "wrangler.jsonc"),
      JSON.stringify({ name: "rate-limit-test", compatibility_date: "2025-09-01", ratelimits: [{ name: "LIMIT_TEST", namespace_id: "1001", simple: { limit: 3, period: 60 } }] }),
    );
    const proxy = await getPlatformProxy({ configPath: join(dir, "wrangler.jsonc"), persist: false });
    try {
      const limiter = cloudflareLimiter(proxy.env as Record<string, unknown>);
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await limiter(limit, "visitor-1"));
      expect(answers).toEqual([true, true, true, false, false]);
      expect(await limiter(limit, "visitor-2")).toBe(true);
    } finally {
      await proxy.dispose();
    }
  }, 60_000);
});
