// The hybrid stacks hybrid.test.ts generates, one per framework whose module data allows
// `--rendering hybrid`: which providers each one runs on its own server. cloudflare.test.ts runs
// the frameworks whose stack here Cloudflare refuses in a stack of their own.
import { isAllowed } from "../../create-jam/src/engine/stack.ts";
import { matrix } from "../../create-jam/src/engine/matrix.ts";
import { registry } from "../../create-jam/src/engine/registry.ts";
import type { Provider } from "./commerce.ts";

export const hybridFrameworks = [...new Set(matrix(registry).allowed.filter((c) => c.rendering === "hybrid").map((c) => c.framework))];

// Stripe where the framework refuses cross-origin form posts itself (Astro, SvelteKit), Snipcart in
// the others (frameworks.test.ts sells with both in static stacks).
// JAM_COMMERCE=all: every hybrid framework with every provider (the wider set, not in CI's run).
const providersOf = (framework: string): Provider[] =>
  process.env.JAM_COMMERCE === "all" ? ["stripe", "snipcart"] : [["astro", "sveltekit"].includes(framework) ? "stripe" : "snipcart"];
// Algolia in one hybrid framework (static: algolia.test.ts), Pagefind in the others.
const searchOf = (framework: string) => (framework === "nuxt" ? "algolia" : "pagefind");
// Sign-in through the framework's own server: Auth0's in Astro, Firebase Auth's in Nuxt.
const authOf = (framework: string) => ({ astro: "auth0", nuxt: "firebase" })[framework] ?? "none";
// Comments: the Supabase backend where visitors sign in with Auth0 (Astro); the Firebase backend,
// open to anyone who gives a name (--anonymous-comments), in SvelteKit.
const backendOf = (framework: string) => ({ astro: "supabase", sveltekit: "firebase" })[framework] ?? "none";
const moduleFlagsOf = (framework: string) => (framework === "sveltekit" ? ["--anonymous-comments"] : []);

export const hybridStacks = hybridFrameworks.flatMap((framework) =>
  providersOf(framework).map((commerce) => {
    const stack = { framework, commerce, search: searchOf(framework), auth: authOf(framework), backend: backendOf(framework), flags: moduleFlagsOf(framework) };
    const flags = stack.flags.map((f) => f.replace(/^--/, ""));
    // Also built for Cloudflare wherever its module's rules allow the stack.
    const cloudflare = isAllowed(registry, { ...stack, rendering: "hybrid", content: "markdown", deploy: ["cloudflare"], ...(flags.length ? { flags } : {}) });
    return { ...stack, cloudflare };
  }),
);
