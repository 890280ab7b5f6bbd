// Written by create-jam from the stack's hosts (this copy, for the tests, has them all): how each
// host that keeps copies of rendered pages drops them after a content change.
import { netlify } from "./purge/netlify.ts";
import type { Purger } from "./purge/types.ts";
import { vercel } from "./purge/vercel.ts";

export const purgers: Purger[] = [vercel, netlify];
