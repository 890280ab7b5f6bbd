// A loopback Supabase Auth (GoTrue) for the OAuth flow with PKCE, in its documented shape:
// GET /auth/v1/authorize?provider=…&redirect_to=…&code_challenge=…&code_challenge_method=s256 sends
// the visitor straight back to redirect_to with a one-time code (as it would after the provider's
// sign-in page), and POST /auth/v1/token?grant_type=pkce trades that code for a session only with
// the verifier whose S256 challenge came with it. Every request is recorded for the test to assert.
import { createHash, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface GoTrueCall {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export const gotrueUser = { id: "8d0fd2b3-9ca3-4d3a-9f3b-6c1b1c0c7a11", email: "grace@example.com", name: "Grace Hopper" };

export async function startGoTrue() {
  const calls: GoTrueCall[] = [];
  const codes = new Map<string, string>(); // code -> its code_challenge
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://gotrue");
      calls.push({ method: req.method ?? "", path: url.pathname, query: url.searchParams, headers: req.headers, body });
      const json = (status: number, value: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
      if (req.method === "GET" && url.pathname === "/auth/v1/authorize") {
        const back = url.searchParams.get("redirect_to");
        const challenge = url.searchParams.get("code_challenge");
        if (!back || !challenge || url.searchParams.get("code_challenge_method") !== "s256") return json(400, { code: 400, error_code: "validation_failed", msg: "PKCE flow requires code_challenge and code_challenge_method" });
        const code = randomUUID();
        codes.set(code, challenge);
        const to = new URL(back);
        to.searchParams.set("code", code);
        return res.writeHead(302, { location: to.href }).end();
      }
      if (req.method === "POST" && url.pathname === "/auth/v1/token" && url.searchParams.get("grant_type") === "pkce") {
        const { auth_code, code_verifier } = JSON.parse(body || "{}") as { auth_code?: string; code_verifier?: string };
        const challenge = auth_code ? codes.get(auth_code) : undefined;
        if (!challenge) return json(404, { code: 404, error_code: "flow_state_not_found", msg: "invalid flow state, no valid flow state found" });
        codes.delete(auth_code as string);
        if (createHash("sha256").update(code_verifier ?? "").digest("base64url") !== challenge) return json(403, { code: 403, error_code: "bad_code_verifier", msg: "code challenge does not match previously saved code verifier" });
        const now = Math.floor(Date.now() / 1000);
        return json(200, {
          access_token: "gotrue-access-token",
          token_type: "bearer",
          expires_in: 3600,
          expires_at: now + 3600,
          refresh_token: "gotrue-refresh-token",
          user: {
            id: gotrueUser.id,
            aud: "authenticated",
            role: "authenticated",
            email: gotrueUser.email,
            app_metadata: { provider: "github", providers: ["github"] },
            user_metadata: { full_name: gotrueUser.name, avatar_url: "https://avatars.example/grace.png" },
            created_at: new Date().toISOString(),
          },
        });
      }
      return json(404, { code: 404, error_code: "not_found", msg: `no ${req.method} ${url.pathname} here` });
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, calls, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}
