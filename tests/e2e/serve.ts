// Serving a generated site on localhost, the two ways it gets deployed: its static build folder as a
// static host would serve it (serveStatic), or the framework's own production server (startServer).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import compression from "compression";
import sirv from "sirv";

export interface Served {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  close: () => Promise<void>;
}

const listen = (server: Server, port = 0) =>
  new Promise<number>((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => ok((server.address() as AddressInfo).port));
  });
// close() waits for open connections to end, and a browser may hold one open (Lighthouse's did):
// drop them, since nothing is served after close.
const shut = (server: Server) =>
  new Promise<void>((ok) => {
    server.close(() => ok());
    server.closeAllConnections();
  });

/**
 * A static host for a built site folder: `/dir/` serves `dir/index.html`, `/dir` redirects to `/dir/`
 * (as Netlify and GitHub Pages do), missing files get a 404 (the site's own `404.html` when it has one),
 * and content types come from the file extension (.wasm included; Pagefind's index files as octet-stream).
 * Text is gzipped for a browser that asks, as every static host does: Lighthouse's simulated network
 * counts the bytes sent, and uncompressed JavaScript would score a site below what its users get.
 * Files are read on each request, so a rebuilt folder is served as it is now.
 * `avoid`: a port chosen ahead (freePort) for another server, which this one must not take.
 * `base`: the path the site is served under ("/my-site", as GitHub Pages serves a project site):
 * `url` ends with it, and everything outside it is a 404.
 */
export async function serveStatic(dir: string, { avoid, base = "" }: { avoid?: number; base?: string } = {}): Promise<Served> {
  if (!existsSync(join(dir, "index.html"))) throw new Error(`serveStatic: no index.html in ${dir} (was the site built?)`);
  const notFound = join(dir, "404.html");
  const files = sirv(dir, {
    dev: true,
    dotfiles: false,
    // Pagefind's index files have extensions no MIME table knows; sirv would send an empty type.
    setHeaders: (res, path) => {
      if (/\.(pagefind|pf_\w+)$/.test(path)) res.setHeader("Content-Type", "application/octet-stream");
    },
  });
  const gzip = compression() as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  const handler = (req: IncomingMessage, res: ServerResponse) => gzip(req, res, () => {
    const full = new URL(req.url ?? "/", "http://x").pathname;
    // Under a base path (GitHub Pages' /<repo>/): nothing outside it is the site's.
    if (base && full === base) return void res.writeHead(301, { Location: `${base}/` }).end();
    if (base && !full.startsWith(`${base}/`)) return void res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found: outside the base path");
    const raw = full.slice(base.length);
    const query = req.url?.includes("?") ? req.url.slice(req.url.indexOf("?")) : "";
    let path = raw;
    try {
      path = decodeURI(raw);
    } catch {} // a malformed escape: look it up as written
    const onDisk = join(dir, path);
    if (!path.endsWith("/") && onDisk.startsWith(dir) && existsSync(join(onDisk, "index.html")) && statSync(onDisk).isDirectory()) {
      res.writeHead(301, { Location: `${base}${raw}/${query}` }).end();
      return;
    }
    // sirv serves req.url: the path below the base.
    if (base) req.url = raw + query;
    files(req, res, () => {
      const page = existsSync(notFound) ? readFileSync(notFound) : "Not found";
      res.writeHead(404, { "Content-Type": existsSync(notFound) ? "text/html;charset=utf-8" : "text/plain" }).end(page);
    });
  });
  let server = createServer(handler);
  let port = await listen(server);
  // The OS may hand out again a port freePort just released: then the server meant for it would
  // fail to bind, and its requests would reach this one (a 404 where a function was meant to answer).
  if (port === avoid) {
    const other = createServer(handler);
    const otherPort = await listen(other); // `avoid` is still held, so this one differs
    await shut(server);
    [server, port] = [other, otherPort];
  }
  return { url: `http://127.0.0.1:${port}${base}`, close: () => shut(server) };
}

/** A port nobody listens on right now, and none the OS hands out for a port-0 bind. */
// Below Linux's ephemeral range (ip_local_port_range, 32768-60999 by default), from which the OS
// picks every port-0 bind: a server that binds port 0 between freePort() and the bind it was chosen
// for (a static server, an OIDC server) can then never take the chosen port.
const CHOSEN_PORTS = { from: 20_000, to: 32_000 };

export async function freePort(): Promise<number> {
  for (;;) {
    const port = CHOSEN_PORTS.from + Math.floor(Math.random() * (CHOSEN_PORTS.to - CHOSEN_PORTS.from));
    const probe = createServer();
    const bound = await listen(probe, port).then(() => true, () => false);
    if (!bound) continue;
    await shut(probe);
    return port;
  }
}

export interface StartOptions {
  cwd: string;
  env?: Record<string, string>;
  /** How long the server gets to answer its first request (default 60 s). */
  timeout?: number;
  /**
   * A development server instead: the free port goes in this variable only (FUNCTIONS_PORT for
   * `pnpm dev`), with no PORT, HOST or NODE_ENV, which would move or change the framework's own.
   */
  devPortVariable?: string;
  /** A port chosen beforehand (a test's OIDC server must know the site's URL first); a free one otherwise. */
  port?: number;
}

/**
 * Starts a framework's own production server (`node dist/server/entry.mjs`, `node .output/server/index.mjs`,
 * `node build`, `pnpm exec next start`…) on a free port, with PORT and HOST=127.0.0.1 in its env, and
 * resolves once it answers HTTP. Fails with the server's output if it exits first or never answers.
 * `close` ends its whole process group (pnpm exec and the like start children of their own).
 */
export async function startServer(command: string, args: string[], { cwd, env = {}, timeout = 60_000, devPortVariable, port: chosen }: StartOptions): Promise<Served> {
  const port = chosen ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(command, args, {
    cwd,
    detached: true, // its own process group, so close() can end everything it started
    stdio: ["ignore", "pipe", "pipe"],
    env: devPortVariable
      ? { ...process.env, ...env, [devPortVariable]: String(port) }
      : { ...process.env, NODE_ENV: "production", ...env, PORT: String(port), HOST: "127.0.0.1", HOSTNAME: "127.0.0.1" },
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  let gone = ""; // set when the server ends before answering
  child.once("exit", (code, signal) => (gone = `exited (${signal ?? `code ${code}`})`));
  child.once("error", (e) => (gone = `failed to start: ${e.message}`));

  const what = `${command} ${args.join(" ")} (in ${cwd}, port ${port})`;
  const deadline = Date.now() + timeout;
  while (!gone) {
    if (Date.now() > deadline) {
      await stopGroup(child);
      throw new Error(`${what} did not answer HTTP within ${timeout / 1000} s. Its output:\n${output}`);
    }
    const answered = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2_000) }).then((r) => (void r.body?.cancel(), true), () => false);
    if (answered) return { url, close: () => stopGroup(child) };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stopGroup(child);
  throw new Error(`${what} ${gone} before answering HTTP. Its output:\n${output}`);
}

/** SIGTERM to the whole group, SIGKILL after 5 s; then SIGKILL for anything in it that outlived its leader. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return;
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {} // the group is gone already
  };
  if (child.exitCode === null && child.signalCode === null) {
    const done = new Promise<void>((ok) => child.once("exit", () => ok()));
    kill("SIGTERM");
    const late = setTimeout(() => kill("SIGKILL"), 5_000);
    await done;
    clearTimeout(late);
  }
  kill("SIGKILL");
}

/**
 * A static site with its server routes on one origin, as its host serves it: the built folder
 * (serveStatic) behind the project's own functions server (packages/functions/scripts/dev.ts, which
 * answers /api/* with the handlers and proxies the rest), with `env` for the handlers.
 */
export async function serveStaticWithFunctions(dir: string, site: string, { env = {}, port }: { env?: Record<string, string>; port?: number } = {}): Promise<Served> {
  const files = await serveStatic(dir, { avoid: port });
  try {
    const functions = await startServer("node", ["scripts/dev.ts", new URL(files.url).port], { cwd: join(site, "packages/functions"), env, port, devPortVariable: "FUNCTIONS_PORT" });
    return { url: functions.url, close: async () => void (await Promise.all([functions.close(), files.close()])) };
  } catch (error) {
    await files.close();
    throw error;
  }
}

/**
 * The built site as Cloudflare runs it: `wrangler dev` in apps/web (workerd, offline) serves the
 * build as the Worker's static assets and runs apps/web/worker.mts for /api/*, with `vars` as the
 * Worker's variables and secrets (apps/web/.dev.vars, which wrangler reads locally).
 */
export async function serveOnWorkers(site: string, { vars = {} }: { vars?: Record<string, string> } = {}): Promise<Served> {
  const web = join(site, "apps/web");
  const port = await freePort();
  // The site's own origin, which its POST handlers check (Next.js hands the Worker localhost for 127.0.0.1).
  const all = { SITE_URL: `http://127.0.0.1:${port}`, ...vars };
  writeFileSync(join(web, ".dev.vars"), Object.entries(all).map(([k, v]) => `${k}=${JSON.stringify(v)}\n`).join(""));
  // The project's own preview script (wrangler dev, or OpenNext's, which fills its cache first),
  // with wrangler's flags. Its own inspector port: wrangler's default (9229) would clash with a second one.
  const args = ["run", "preview:cloudflare", "--port", String(port), "--ip", "127.0.0.1", "--inspector-port", String(await freePort()), "--log-level", "warn"];
  return startServer("pnpm", args, { cwd: web, port, timeout: 120_000, env: { WRANGLER_SEND_METRICS: "false", CI: "true" } });
}
