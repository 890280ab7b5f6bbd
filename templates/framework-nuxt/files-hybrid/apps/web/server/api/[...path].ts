import { handle, renderedOnRequest } from "@repo/functions";

// Every route of @repo/functions (packages/functions/src/routes.ts) runs here, on each request:
// the Node server locally, a function on Vercel and Netlify. Nitro hands it a Web Request.
export default fromWebHandler((request) => handle(request, renderedOnRequest));
