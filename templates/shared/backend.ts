// What every backend module shares, so that a backend is one module folder: /api/comments over its
// src/comments/provider.ts, the <jam-comments> widget after every post, and who may post (the
// auth module's session; without auth, nobody, or anyone with a name under --anonymous-comments).
import type { EnvVar, JamModule, StackView } from "../../create-jam/src/engine/types.ts";

const signedIn = ({ has }: StackView) => Object.values(has.auth ?? {}).some(Boolean);

export function backendModule(spec: { id: string; files: string[]; dependencies: string[] }): Pick<JamModule, "id" | "kind" | "needs" | "header" | "widgets" | "packages" | "functions" | "workspaces" | "postFooter" | "derive" | "flags" | "when"> {
  return {
    id: spec.id,
    kind: "backend",
    needs: [{ capability: "functions", why: "comments are read and posted through /api/comments, a server route" }],
    // Every page loads the widget's script, so a post reached by client-side navigation has it too.
    header: `<script type="module" src="/_jam/comments.js"></script>`,
    widgets: [{ name: "comments", what: "backend: the comments' script" }],
    packages: [
      { from: "functions", to: "packages/functions", include: ["src/handlers/comments.ts", "src/comments/types.ts", "src/origin.ts", "src/env.ts", "src/limits.ts", ...spec.files] },
      { from: "sections", to: "packages/sections", include: ["widgets/comments.ts"] },
    ],
    functions: [{ path: "/api/comments", handler: "comments" }],
    // After every post (@repo/content's getEntry adds it). Whether visitors may post is the widget's
    // question to /api/auth/me/, which a stack without an auth module does not have.
    postFooter: `<section class="comments" data-pagefind-ignore><h2>Comments</h2><jam-comments data-entry="{slug}"><p>The comments load as you reach them.</p></jam-comments></section>`,
    workspaces: { "packages/functions": { dependencies: spec.dependencies } },
    flags: [ANONYMOUS],
    // Anonymous comments show Turnstile: its script and its challenge frame come from Cloudflare.
    when: [{ with: [`flag:${ANONYMOUS.name}`], csp: { "script-src": ["https://challenges.cloudflare.com"], "frame-src": ["https://challenges.cloudflare.com"] } }],
    // With an auth module the session says who posts; without one, comments are read-only, or open
    // to anyone who gives a name.
    derive: (view) =>
      signedIn(view)
        ? { packages: [{ from: "functions", to: "packages/functions", include: ["src/comments/visitor.ts"] }] }
        : view.flags.includes(ANONYMOUS.name)
          ? { files: "shared/files-comments-anonymous", packages: [{ from: "functions", to: "packages/functions", include: ["src/comments/anonymous.ts", "src/comments/turnstile.ts"] }], env: [...TURNSTILE_ENV], readme: anonymousReadme }
          : { files: "shared/files-comments-read-only" },
  };
}

/**
 * An anonymous comment passes Cloudflare Turnstile (packages/functions/src/comments/turnstile.ts).
 * The examples are Cloudflare's test keys, which always pass: a copied .env.example works locally,
 * and the server refuses them on any other origin than localhost.
 */
const TURNSTILE_ENV = [
  { name: "TURNSTILE_SITE_KEY", visibility: "public", description: "the Turnstile widget's site key (Cloudflare dashboard › Turnstile › Add widget, your site's hostname): anonymous comments pass its challenge", example: "1x00000000000000000000AA" },
  { name: "TURNSTILE_SECRET_KEY", visibility: "secret", description: "the same widget's secret key: /api/comments checks each token with it (the example is Cloudflare's test key, taken on localhost only)", example: "1x0000000000000000000000000000000AA" },
  { name: "TURNSTILE_SITEVERIFY_URL", visibility: "public", description: "another siteverify endpoint than Cloudflare's (a test server); leave empty" },
] satisfies EnvVar[];

/** --anonymous-comments: a stack without sign-in takes comments from anyone who gives a name. */
const ANONYMOUS = {
  name: "anonymous-comments",
  help: "Let visitors comment without signing in, under a name they give",
  without: { kind: "auth", why: "with an auth module, commenters sign in: the session names them" },
} as const;

/** The part of a backend's README section that every backend shares: the widget, the handler, who may post. */
export const commentsReadme = `Every post ends with \`<jam-comments>\` (\`packages/sections/widgets/comments.ts\`, bundled into \`/_jam/comments.js\`), which loads the post's comments from \`GET /api/comments/?entry=<slug>\` once it scrolls near the screen and writes them as text, never as HTML. A comment is posted to \`POST /api/comments/\` (JSON or a form: \`entry\`, \`body\`): from this site's pages only (403 otherwise), for a post that exists, 1 to 2000 characters. Who may post is \`packages/functions/src/comments/visitor.ts\`: with an auth module, a signed-in visitor (401 otherwise), and the author is the session's user, never a field of the form; without one, nobody (comments are read-only), unless the project was made with \`--anonymous-comments\`: then anyone may post under a name they give (1 to 80 characters), once they pass a Cloudflare Turnstile challenge (below).

**What this protects, and what it does not:** a comment is stored by the server alone (the database's own rules give browsers no write, and user ids are not readable), shown as text, and counted: five posts a minute from one address (\`packages/functions/src/rate-limit.ts\`; on Cloudflare by its rate-limiting binding, elsewhere per server instance). Comments on a members-only post are readable by anyone.`;

/** The README part a stack with --anonymous-comments adds: the challenge. */
export const anonymousReadme = `**Anonymous comments pass a challenge:** the widget shows Cloudflare Turnstile (its script loads from \`challenges.cloudflare.com\` when the form appears) and sends its token with the comment; \`/api/comments\` checks it with Turnstile's siteverify before anything is stored (valid, unused, for the \`comment\` action, on this site's hostname). Create a widget (Cloudflare dashboard › Turnstile › Add widget, with your site's hostname; no Cloudflare hosting needed) and set \`TURNSTILE_SITE_KEY\` and \`TURNSTILE_SECRET_KEY\` in the host's settings. Until they are set, anonymous posts answer 503. \`.env.example\` holds Cloudflare's test keys, which always pass: they work on \`localhost\` only. A hidden \`website\` field turns away the simplest bots first. Turnstile stops scripts, not people: watch the comments, or add an auth module.`;
