// What every backend module shares, so that a backend is one module folder: /api/comments over its
// src/comments/provider.ts, the <jam-comments> widget after every post, and who may post (the
// auth module's session; without auth, nobody, or anyone with a name under --anonymous-comments).
import type { JamModule, StackView } from "../../create-jam/src/engine/types.ts";

const signedIn = ({ has }: StackView) => Object.values(has.auth ?? {}).some(Boolean);

export function backendModule(spec: { id: string; files: string[]; dependencies: string[] }): Pick<JamModule, "id" | "kind" | "needs" | "header" | "widgets" | "packages" | "functions" | "workspaces" | "postFooter" | "derive" | "flags"> {
  return {
    id: spec.id,
    kind: "backend",
    needs: [{ capability: "functions", why: "comments are read and posted through /api/comments, a server route" }],
    // Every page loads the widget's script, so a post reached by client-side navigation has it too.
    header: `<script type="module" src="/_jam/comments.js"></script>`,
    widgets: [{ name: "comments", what: "backend: the comments' script" }],
    packages: [
      { from: "functions", to: "packages/functions", include: ["src/handlers/comments.ts", "src/comments/types.ts", "src/origin.ts", ...spec.files] },
      { from: "sections", to: "packages/sections", include: ["widgets/comments.ts"] },
    ],
    functions: [{ path: "/api/comments", handler: "comments" }],
    // After every post (@repo/content's getEntry adds it). Whether visitors may post is the widget's
    // question to /api/auth/me/, which a stack without an auth module does not have.
    postFooter: `<section class="comments" data-pagefind-ignore><h2>Comments</h2><jam-comments data-entry="{slug}"><p>The comments load as you reach them.</p></jam-comments></section>`,
    workspaces: { "packages/functions": { dependencies: spec.dependencies } },
    flags: [ANONYMOUS],
    // With an auth module the session says who posts; without one, comments are read-only, or open
    // to anyone who gives a name.
    derive: (view) =>
      signedIn(view)
        ? { packages: [{ from: "functions", to: "packages/functions", include: ["src/comments/visitor.ts"] }] }
        : { files: view.flags.includes(ANONYMOUS.name) ? "shared/files-comments-anonymous" : "shared/files-comments-read-only" },
  };
}

/** --anonymous-comments: a stack without sign-in takes comments from anyone who gives a name. */
const ANONYMOUS = {
  name: "anonymous-comments",
  help: "Let visitors comment without signing in, under a name they give",
  without: { kind: "auth", why: "with an auth module, commenters sign in: the session names them" },
} as const;

/** The part of a backend's README section that every backend shares: the widget, the handler, who may post. */
export const commentsReadme = `Every post ends with \`<jam-comments>\` (\`packages/sections/widgets/comments.ts\`, bundled into \`/_jam/comments.js\`), which loads the post's comments from \`GET /api/comments/?entry=<slug>\` once it scrolls near the screen and writes them as text, never as HTML. A comment is posted to \`POST /api/comments/\` (JSON or a form: \`entry\`, \`body\`): from this site's pages only (403 otherwise), for a post that exists, 1 to 2000 characters. Who may post is \`packages/functions/src/comments/visitor.ts\`: with an auth module, a signed-in visitor (401 otherwise), and the author is the session's user, never a field of the form; without one, nobody (comments are read-only), unless the project was made with \`--anonymous-comments\`: then anyone may post under a name they give (1 to 80 characters). Nothing checks who they are, and a hidden \`website\` field that bots fill in and people never see is the only spam guard: watch the comments, or add an auth module.`;
