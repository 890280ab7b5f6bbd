// Serves the last build (public/, with its search index) as a static host would: /posts/x/ is
// public/posts/x/index.html, /posts/x redirects to /posts/x/, anything else missing is public/404.html.
// `pnpm dev` runs `hugo server` instead, which rebuilds from the sources.
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../public/", import.meta.url));
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? "localhost";
const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
};

const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;

createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  let path: string;
  try {
    path = normalize(join(root, decodeURIComponent(url.pathname)));
  } catch {
    path = "";
  }
  if (!path.startsWith(root)) path = "";
  if (path && !url.pathname.endsWith("/") && !isFile(path) && isFile(join(path, "index.html"))) {
    res.writeHead(308, { location: `${url.pathname}/${url.search}` }).end();
    return;
  }
  if (path && url.pathname.endsWith("/")) path = join(path, "index.html");
  const status = path && isFile(path) ? 200 : 404;
  const file = status === 200 ? path : join(root, "404.html");
  if (!isFile(file)) {
    res.writeHead(404, { "content-type": types[".txt"] }).end("Not found. Run `pnpm build` first.\n");
    return;
  }
  res.writeHead(status, { "content-type": types[extname(file)] ?? "application/octet-stream" });
  createReadStream(file).pipe(res);
}).listen(port, host, () => console.log(`Serving public/ at http://${host}:${port}/`));
