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

/** `answer`: the JSON body for a call (an API's documented shape); `{}` when left out. */
export async function startReceiver(status = 200, answer: (call: Recorded) => unknown = () => ({})) {
  const calls: Recorded[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const call = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body };
      calls.push(call);
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(answer(call)));
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, calls, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}
