// What every backend module shares, so that a backend is one module folder: /api/comments over its
// src/comments/provider.ts, the <jam-comments> widget after every post, and who may post (the
// auth module's session, or nobody: read-only comments in a stack without auth).
import type { JamModule, StackView } from "../../create-jam/src/engine/types.ts";

const signedIn = ({ has }: StackView) => Object.values(has.auth ?? {}).some(Boolean);

export function backendModule(spec: { id: string; files: string[]; dependencies: string[] }): Pick<JamModule, "id" | "kind" | "needs" | "header" | "widgets" | "packages" | "functions" | "workspaces" | "postFooter" | "derive"> {
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
    // With an auth module the session says who posts; without one, comments are read-only.
    derive: (view) => (signedIn(view) ? { packages: [{ from: "functions", to: "packages/functions", include: ["src/comments/visitor.ts"] }] } : { files: "shared/files-comments-read-only" }),
  };
}
