import { describe, expect, it } from "vitest";
import { handle } from "../src/index.ts";
import { createRouter } from "../src/router.ts";

const url = (path: string) => `https://site.example${path}`;

describe("the router", () => {
  it("serves /api/entries with the posts as JSON, with or without a trailing slash", async () => {
    for (const path of ["/api/entries", "/api/entries/"]) {
      const res = await handle(new Request(url(path)));
      expect(res.status).toBe(200);
      const titles = ((await res.json()) as { title: string }[]).map((e) => e.title);
      expect(titles).toEqual(["Hello, JAMstack", "Writing in Markdown", "Deploy on the first push"]);
    }
  });

  it("answers 404 for an unknown path and 405 with Allow for a wrong method", async () => {
    expect((await handle(new Request(url("/api/nope")))).status).toBe(404);
    const res = await handle(new Request(url("/api/entries"), { method: "DELETE" }));
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD");
    expect((await handle(new Request(url("/api/revalidate")))).status).toBe(405);
  });

  it("answers 500 without details when a handler throws", async () => {
    const boom = createRouter({ "/api/x": { methods: ["GET"], handler: async () => { throw new Error("secret detail"); } } });
    const res = await boom(new Request(url("/api/x")));
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain("secret detail");
  });
});
