// `pnpm dev`'s functions server (scripts/dev.ts) holds the developer's real .env: it listens on
// loopback only, and answers only a Host that names loopback (a DNS-rebinding page gets 421).
import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { createServer, type AddressInfo } from "node:net";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let child: ChildProcess;
let port: number;
const freePort = () => new Promise<number>((resolve) => { const s = createServer().listen(0, "127.0.0.1", () => { const p = (s.address() as AddressInfo).port; s.close(() => resolve(p)); }); });

/** GET `path` from `address` with this Host header: the status, or the connection's error code. */
const get = (address: string, path: string, host: string) =>
  new Promise<number | string>((resolve) => {
    const req = request({ host: address, port, path, headers: { host } }, (res) => { res.resume(); resolve(res.statusCode as number); });
    req.on("error", (e: NodeJS.ErrnoException) => resolve(e.code as string));
    req.end();
  });

beforeAll(async () => {
  port = await freePort();
  // As a developer runs it: no FUNCTIONS_HOST.
  child = spawn(process.execPath, [join(import.meta.dirname, "../scripts/dev.ts"), String(await freePort())], { env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "FUNCTIONS_HOST")), FUNCTIONS_PORT: String(port) }, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve) => child.stdout?.on("data", (d: Buffer) => d.toString().includes("functions:") && resolve()));
}, 30_000);
afterAll(() => void child?.kill());

describe("pnpm dev's functions server", () => {
  it("answers /api/* on loopback by the names a browser uses for it", async () => {
    expect(await get("127.0.0.1", "/api/entries", `127.0.0.1:${port}`)).toBe(200);
    expect(await get("127.0.0.1", "/api/entries", `localhost:${port}`)).toBe(200);
  });

  it("refuses a Host that is not loopback (DNS rebinding) with 421, before the functions or the proxy", async () => {
    expect(await get("127.0.0.1", "/api/entries", `evil.example:${port}`)).toBe(421);
    expect(await get("127.0.0.1", "/", `evil.example:${port}`)).toBe(421);
    expect(await get("127.0.0.1", "/api/entries", "localhost")).toBe(421);
  });

  it("is not reachable on the machine's other addresses", async () => {
    const outside = Object.values(networkInterfaces()).flat().find((a) => a && a.family === "IPv4" && !a.internal)?.address;
    if (!outside) return;
    expect(await get(outside, "/api/entries", `localhost:${port}`)).toBe("ECONNREFUSED");
  });
});

describe("pnpm dev's functions server, configured in .env", () => {
  it("takes FUNCTIONS_PORT from the repository's .env, as the README says", async () => {
    const repo = mkdtempSync(join(tmpdir(), "jam-dev-env-"));
    const envPort = await freePort();
    writeFileSync(join(repo, "pnpm-workspace.yaml"), "packages: []\n");
    writeFileSync(join(repo, ".env"), `FUNCTIONS_PORT=${envPort}\n`);
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "FUNCTIONS_HOST" && k !== "FUNCTIONS_PORT"));
    const dev = spawn(process.execPath, [join(import.meta.dirname, "../scripts/dev.ts"), String(await freePort())], { cwd: repo, env, stdio: ["ignore", "pipe", "inherit"] });
    try {
      const line = await new Promise<string>((resolve) => dev.stdout?.on("data", (d: Buffer) => d.toString().includes("functions:") && resolve(d.toString())));
      expect(line).toContain(`http://localhost:${envPort}`);
    } finally {
      dev.kill();
      rmSync(repo, { recursive: true, force: true });
    }
  }, 30_000);
});
