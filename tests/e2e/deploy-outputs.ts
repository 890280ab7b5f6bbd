// What a hybrid site hands its host, checked offline: the serverless functions a deploy would run,
// called with a web Request the way the host's Node runtime calls them.
import { execa } from "execa";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { gitIdentity } from "./helpers.ts";

/** Calls a function file in a plain Node process (call-function.ts), as `host`'s runtime would. */
/** The prefix of call-function.ts's result line (kept in step with its RESULT). */
const RESULT_MARK = "call-function-result:";

export interface CallInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The function's environment (its host's settings), besides this process's. */
  env?: Record<string, string>;
  /** The site's origin as the function sees it (default https://site.example). */
  origin?: string;
}

async function callFunction(host: "vercel" | "netlify", file: string, url: string, { env, ...init }: CallInit = {}): Promise<Response> {
  const args = [join(import.meta.dirname, "call-function.ts"), host, file, url, JSON.stringify(init)];
  const r = await execa(process.execPath, args, { reject: false, all: true, stdin: "ignore", env });
  if (r.exitCode !== 0) throw new Error(`${host} function ${file} failed on ${url}:\n${r.all}`);
  // The function's own console.log lines come first; the result is the marked line.
  const line = r.stdout.split("\n").find((l) => l.startsWith(RESULT_MARK));
  if (!line) throw new Error(`${host} function ${file} gave no result on ${url}:\n${r.all}`);
  const { status, headers, body } = JSON.parse(line.slice(RESULT_MARK.length)) as { status: number; headers: Record<string, string>; body: string };
  return new Response(status === 204 || status === 304 ? null : body, { status, headers });
}

// --- Vercel: the Build Output API folder (.vercel/output) a framework adapter writes -----------

interface VercelRoute {
  src?: string;
  dest?: string;
  status?: number;
  headers?: Record<string, string>;
  continue?: boolean;
  handle?: string;
}

/**
 * The headers `.vercel/output/config.json`'s routes give a response for `path`: each route with
 * `headers` and `continue: true` whose src matches adds its own, as Vercel applies them (vercel.json's
 * `headers` take that form). A later route's value for a header replaces an earlier one's.
 */
export function vercelRouteHeaders(outputDir: string, path: string): Record<string, string> {
  const config = JSON.parse(readFileSync(join(outputDir, "config.json"), "utf8")) as { routes: VercelRoute[] };
  const out: Record<string, string> = {};
  for (const route of config.routes) {
    if (route.handle) break;
    if (!route.src || !route.continue || !route.headers) continue;
    if (new RegExp(`^(?:${route.src.replace(/^\^/, "").replace(/\$$/, "")})$`).test(path)) for (const [k, v] of Object.entries(route.headers)) out[k.toLowerCase()] = v;
  }
  return out;
}

/**
 * Follows `.vercel/output/config.json`'s routes (redirects included) to the function that serves
 * `path`, then calls that function as Vercel's Node runtime would.
 */
export async function callVercelFunction(outputDir: string, path: string, init: CallInit = {}, redirects = 0): Promise<Response> {
  const config = JSON.parse(readFileSync(join(outputDir, "config.json"), "utf8")) as { version: number; routes: VercelRoute[] };
  if (config.version !== 3) throw new Error(`${outputDir}/config.json: Build Output API version ${config.version}, expected 3`);
  for (const route of config.routes) {
    if (!route.src || route.continue) continue;
    // Vercel matches a route's src against the whole path.
    const match = new RegExp(`^(?:${route.src.replace(/^\^/, "").replace(/\$$/, "")})$`).exec(path);
    if (!match) continue;
    const fill = (s: string) => s.replace(/\$(\d+|[A-Za-z_]\w*)/g, (_, k: string) => (/^\d+$/.test(k) ? match[Number(k)] : match.groups?.[k]) ?? "");
    const location = route.headers?.Location;
    if (route.status && location && redirects < 3) return callVercelFunction(outputDir, fill(location), init, redirects + 1);
    if (!route.dest || route.status) break;
    const [fn, query = ""] = fill(route.dest).replace(/^\//, "").split("?");
    const dir = join(outputDir, "functions", `${fn}.func`);
    if (!existsSync(dir)) continue;
    const vc = JSON.parse(readFileSync(join(dir, ".vc-config.json"), "utf8")) as { handler: string; launcherType: string };
    if (vc.launcherType !== "Nodejs") throw new Error(`${dir}: launcher ${vc.launcherType}, expected Nodejs`);
    return callFunction("vercel", join(dir, vc.handler), `${path}${query ? `?${query}` : ""}`, init);
  }
  throw new Error(`${outputDir}: no route sends ${path} to a function`);
}

// --- Netlify: Netlify's own build, offline, from the monorepo root with apps/web as the package ----

const netlifyBin = () => join(createRequire(import.meta.url).resolve("netlify-cli/package.json"), "../bin/run.js");

/** `netlify build --offline --filter web`, as Netlify's CI runs it for the `web` package (NETLIFY=true). */
export async function netlifyBuild(site: string) {
  const r = await execa(process.execPath, [netlifyBin(), "build", "--offline", "--filter", "web"], {
    cwd: site,
    stdin: "ignore",
    reject: false,
    all: true,
    // Netlify adds its Essential Gatsby plugin to a Gatsby site, and installing it fetches sharp's
    // libvips from GitHub, which this machine cannot reach; a static Gatsby site runs without it.
    env: { CI: "true", NETLIFY: "true", NETLIFY_SKIP_GATSBY_BUILD_PLUGIN: "true", ...gitIdentity },
  });
  if (r.exitCode !== 0) throw new Error(`netlify build failed in ${site} (exit ${r.exitCode}):\n${r.all}`);
  return r.all ?? "";
}

export interface NetlifyFunction {
  name: string;
  /** The zip the build packed. */
  path: string;
  mainFile: string;
  runtimeVersion: string;
  buildData: { runtimeAPIVersion?: number };
  /** A framework's routes carry a regular expression; a function's own config.path a literal. */
  routes?: { expression?: string; literal?: string }[];
  /** The function's rate limit (its config.rateLimit), as Netlify enforces it. */
  trafficRules?: { action?: { type: string; config?: Record<string, unknown> } };
}

/** The functions Netlify's build packaged for deploy (its manifest), with the routes they serve. */
export function netlifyFunctions(webDir: string): NetlifyFunction[] {
  return JSON.parse(readFileSync(join(webDir, ".netlify/functions/manifest.json"), "utf8")).functions;
}

/**
 * Calls the packaged function with Netlify's v2 signature, (Request, Context), following its
 * redirects on the same site as a browser would (a trailing-slash redirect, say).
 */
export async function callNetlifyFunction(fn: NetlifyFunction, path: string, init: CallInit = {}): Promise<Response> {
  let url = path;
  for (let hops = 0; hops < 3; hops++) {
    const res = await callFunction("netlify", fn.mainFile, url, init);
    const location = res.headers.get("location");
    if (res.status < 300 || res.status >= 400 || !location) return res;
    const origin = init.origin ?? "https://site.example";
    const next = new URL(location, `${origin}${url}`);
    if (next.origin !== origin) return res;
    url = next.pathname + next.search;
  }
  throw new Error(`${fn.mainFile}: more than 3 redirects from ${path}`);
}

export const servesPath = (fn: NetlifyFunction, path: string) => (fn.routes ?? []).some((r) => (r.expression ? new RegExp(r.expression).test(path) : r.literal === path));

// --- A static site's server routes: the host functions create-jam writes (packages/functions) -----

/** apps/web/api/<route>.mts, called as Vercel's Node runtime calls a function of a static site. */
export const callVercelApiFile = (webDir: string, path: `/api/${string}`, init?: CallInit) => callFunction("vercel", join(webDir, `${path}.mts`), path, init);

/**
 * Unpacks the zip Netlify's build made for `fn` (what Netlify would upload, symlinks included) and
 * calls the module its entry point hands to the Lambda bootstrap, with the v2 signature.
 */
export async function callPackagedNetlifyFunction(fn: NetlifyFunction, path: string, into: string, init: CallInit = {}): Promise<Response> {
  const { default: extract } = await import("extract-zip");
  await extract(fn.path, { dir: into });
  const entry = readFileSync(join(into, "___netlify-entry-point.mjs"), "utf8");
  const inner = /getLambdaHandler\('([^']+)'\)/.exec(entry)?.[1];
  if (!inner) throw new Error(`${fn.path}: no module named in its entry point:\n${entry}`);
  return callNetlifyFunction({ ...fn, mainFile: join(into, inner) }, path, init);
}
