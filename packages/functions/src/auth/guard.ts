// What /api/auth/* share: sign-in needs the provider's variables and an AUTH_SECRET long enough to
// key the cookie. Without them sign-in answers 503 with one sentence naming them, and /me says the
// visitor is signed out: the site still builds and runs.
import { env } from "../env.ts";
import type { Route } from "../types.ts";
import { provider } from "./provider.ts";
import { MIN_SECRET_LENGTH } from "./session.ts";

/** The variables sign-in still needs; empty when it is set up. */
export const missingVariables = () => [...provider.missing(), ...((env("AUTH_SECRET")?.length ?? 0) < MIN_SECRET_LENGTH ? ["AUTH_SECRET"] : [])];

/** A route (GET unless told) that runs `step` once sign-in is set up, and answers 503 naming what is missing before. */
export function guarded(step: (request: Request) => Promise<Response>, method: "GET" | "POST" = "GET"): Route {
  return {
    methods: [method],
    handler: async (request) => {
      const missing = missingVariables();
      if (!missing.length) return step(request);
      console.error(`auth: ${provider.name} sign-in is not set up: set ${missing.join(", ")} (see README, Auth).`);
      return new Response(`Sign-in is not set up on this site yet (${missing.join(", ")} not set).\n`, { status: 503, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
    },
  };
}
