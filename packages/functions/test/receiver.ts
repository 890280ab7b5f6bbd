// A loopback HTTP server that records every request and answers with a set status: stands in for a
// host's deploy hook (or any URL a handler calls) so tests assert what was sent.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * `status`: one for every call, or per call (an order system that fails once, then takes the retry).
 * `answer`: the JSON body for a call (an API's documented shape); `{}` when left out.
 */
export async function startReceiver(status: number | ((call: Recorded) => number) = 200, answer: (call: Recorded) => unknown = () => ({})) {
  const calls: Recorded[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const call = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body };
      calls.push(call);
      res.writeHead(typeof status === "number" ? status : status(call), { "content-type": "application/json" }).end(JSON.stringify(answer(call)));
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, calls, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

export type VerifyOrder = (rawBody: string, header: string | null | undefined, secret: string, toleranceSeconds?: number) => Promise<boolean>;

/**
 * The order receiver's signature check exactly as the Stripe module's README gives it (its first
 * ```js block, up to the handler lines), run as written: a test that passes with it proves the
 * snippet a user copies works against what /api/stripe-webhook sends.
 */
export async function readmeVerifyOrder(): Promise<VerifyOrder> {
  const { default: stripeModule } = await import("../../../templates/commerce-stripe/module.ts");
  const block = /```js\n([\s\S]*?)```/.exec(stripeModule.readme ?? "")?.[1];
  const fn = block?.split("// In the order system's handler:")[0];
  if (!fn?.includes("export async function verifyOrder(")) throw new Error("the commerce-stripe README has no verifyOrder snippet");
  return new Function(`${fn.replace("export async function", "async function")}\nreturn verifyOrder;`)() as VerifyOrder;
}
