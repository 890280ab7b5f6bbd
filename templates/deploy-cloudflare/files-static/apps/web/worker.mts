import { handle } from "@repo/functions/host";

// Every route of packages/functions as this Worker's fetch handler. wrangler.jsonc runs it first
// for /api/* only: every other request is a file of the build, served by Cloudflare's asset layer
// without starting the Worker.
export default {
  fetch: (request: Request) => handle(request),
};
