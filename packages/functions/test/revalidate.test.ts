// POST /api/revalidate through the router: verified calls refresh, refused ones trigger nothing.
import { encodeSignatureHeader, SIGNATURE_HEADER_NAME } from "@sanity/webhook";
import { afterEach, describe, expect, it, vi } from "vitest";
import { handle } from "../src/index.ts";
import { startReceiver } from "./receiver.ts";

const secret = "sanity-secret-0123456789";
const body = JSON.stringify({ _type: "post", slug: "hello-jamstack" });
const webhook = async (payload = body, key = secret) =>
  new Request("https://site.example/api/revalidate", { method: "POST", body: payload, headers: { [SIGNATURE_HEADER_NAME]: await encodeSignatureHeader(payload, Date.now(), key) } });

afterEach(() => vi.unstubAllEnvs());
vi.spyOn(console, "warn").mockImplementation(() => {});
vi.spyOn(console, "error").mockImplementation(() => {});

describe("POST /api/revalidate", () => {
  it("in a hybrid mount, revalidates the post's page and the home page", async () => {
    vi.stubEnv("SANITY_REVALIDATE_SECRET", secret);
    const revalidate = vi.fn(async () => {});
    const res = await handle(await webhook(), { revalidate });
    expect(res.status).toBe(200);
    expect(revalidate).toHaveBeenCalledExactlyOnceWith(["/", "/posts/hello-jamstack/"]);
  });

  it("in a static mount, POSTs each configured deploy hook once", async () => {
    const vercel = await startReceiver();
    const netlify = await startReceiver();
    try {
      vi.stubEnv("SANITY_REVALIDATE_SECRET", secret);
      vi.stubEnv("VERCEL_DEPLOY_HOOK_URL", `${vercel.url}/v1/integrations/deploy/prj_1/hook`);
      vi.stubEnv("NETLIFY_BUILD_HOOK_URL", `${netlify.url}/build_hooks/abc`);
      const res = await handle(await webhook());
      expect(res.status).toBe(202);
      expect(vercel.calls.map((c) => `${c.method} ${c.url}`)).toEqual(["POST /v1/integrations/deploy/prj_1/hook"]);
      expect(netlify.calls.map((c) => `${c.method} ${c.url}`)).toEqual(["POST /build_hooks/abc"]);
    } finally {
      await vercel.close();
      await netlify.close();
    }
  });

  it("refuses a bad signature with 401 and calls no hook", async () => {
    const hook = await startReceiver();
    try {
      vi.stubEnv("SANITY_REVALIDATE_SECRET", secret);
      vi.stubEnv("NETLIFY_BUILD_HOOK_URL", hook.url);
      const revalidate = vi.fn(async () => {});
      expect((await handle(await webhook(body, "wrong"))).status).toBe(401);
      expect((await handle(await webhook(body, "wrong"), { revalidate })).status).toBe(401);
      expect(hook.calls).toHaveLength(0);
      expect(revalidate).not.toHaveBeenCalled();
    } finally {
      await hook.close();
    }
  });

  it("says so when a static site has no deploy hook (503), and when the hook fails (502)", async () => {
    vi.stubEnv("SANITY_REVALIDATE_SECRET", secret);
    expect((await handle(await webhook())).status).toBe(503);
    const failing = await startReceiver(500);
    try {
      vi.stubEnv("VERCEL_DEPLOY_HOOK_URL", failing.url);
      expect((await handle(await webhook())).status).toBe(502);
      expect(failing.calls).toHaveLength(1);
    } finally {
      await failing.close();
    }
  });
});
