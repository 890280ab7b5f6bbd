// What every auth module shares, so that a provider is one module folder: the /api/auth/* routes
// over its src/auth/provider.ts, /api/members, the header's account badge, the /account/ page and
// members-only posts. The widget (widgets/account.ts) is bundled into /_jam/account.js by the sections build.
import type { JamModule, PackageCopy, Section, Widget } from "../../create-jam/src/engine/types.ts";

/** The account badge: a sign-in link that works without script, then the visitor's name. */
const header = `<jam-account><a href="/api/auth/login/?returnTo=/account/">Sign in</a></jam-account><script type="module" src="/_jam/account.js"></script>`;

/**
 * `files`: the provider's own files in packages/functions; `dependencies`: the npm packages they use.
 * A provider whose sign-in form is the site's own page (Firebase) adds its page, widget and the
 * packages they need in `page`.
 */
export function authModule(spec: {
  id: string;
  files: string[];
  dependencies?: string[];
  page?: { sections: Section[]; widgets: Widget[]; packages: PackageCopy[]; sectionsDependencies: string[] };
}): Pick<JamModule, "id" | "kind" | "needs" | "header" | "widgets" | "sections" | "packages" | "functions" | "workspaces" | "derive"> {
  return {
    id: spec.id,
    kind: "auth",
    needs: [{ capability: "functions", why: "sign-in, its callback and the session are server routes" }],
    header,
    widgets: [{ name: "account", what: "auth: the account badge's script" }, ...(spec.page?.widgets ?? [])],
    sections: [{ id: "account" }, ...(spec.page?.sections ?? [])],
    // The demo members-only post (packages/content/content/posts/members-only.md), written alike by
    // every auth module (its own files/ folder holds its provider.ts).
    derive: () => ({ files: "shared/files-auth" }),
    packages: [
      {
        from: "functions",
        to: "packages/functions",
        include: ["src/handlers/authLogin.ts", "src/handlers/authCallback.ts", "src/handlers/authLogout.ts", "src/handlers/authMe.ts", "src/handlers/membersEntry.ts", "src/auth/guard.ts", "src/auth/types.ts", "src/auth/session.ts", "src/auth/return-to.ts", "src/auth/redirect.ts", "src/env.ts", ...spec.files],
      },
      { from: "content", to: "packages/content", include: ["src/members.ts"] },
      { from: "sections", to: "packages/sections", include: ["src/sections/account.ts", "widgets/account.ts"] },
      ...(spec.page?.packages ?? []),
    ],
    functions: [
      { path: "/api/auth/login", handler: "authLogin" },
      { path: "/api/auth/callback", handler: "authCallback" },
      { path: "/api/auth/logout", handler: "authLogout" },
      { path: "/api/auth/me", handler: "authMe" },
      { path: "/api/members", handler: "membersEntry" },
    ],
    workspaces: {
      // jose seals the session cookie; cookie reads and writes it.
      "packages/functions": { dependencies: ["jose", "cookie", ...(spec.dependencies ?? [])] },
      "packages/content": { fields: { exports: { ".": "./src/index.ts", "./members": "./src/members.ts" } } },
      ...(spec.page ? { "packages/sections": { devDependencies: spec.page.sectionsDependencies } } : {}),
    },
  };
}

/** The auth README's part every provider shares: the badge, /account/ and members-only posts. */
export const authReadme = `**Header and /account/:** every page's header has \`<jam-account>\`, a sign-in link that a small custom element (\`packages/sections/widgets/account.ts\`, bundled into \`apps/web/<public folder>/_jam/account.js\` by the sections build) turns into the visitor's name once \`/api/auth/me/\` says who is signed in: pages stay static and cacheable. \`/account/\` shows who is signed in, a sign-out link and the posts for members.

**Members-only posts:** give a post \`members: true\` (Markdown frontmatter; Sanity, Contentful and Strapi have a *Members only* boolean on posts; Notion a \`Members\` checkbox property). Its page then holds a placeholder, \`<jam-members>\`, and no static file, bundle or search index holds its body: the element asks \`/api/members/?entry=posts/<slug>\`, which answers a signed-in visitor only (401 otherwise, never cached). \`packages/content/content/posts/members-only.md\` is the example. A \`members\` value other than true or false (\`members: yes\`) fails the build naming the post, rather than publishing it.

**What this protects, and what it does not:** everything \`AUTH_SECRET\` seals is bound to one purpose (the session; the sign-in flow's state and verifier): each has its own key and audience and must carry an expiry, so one never passes for another. The session cookie is \`__Host-\` prefixed (set over HTTPS only, for this origin only: no subdomain can plant one), HttpOnly and SameSite=Lax; \`returnTo\` is resolved as a browser would and kept on this origin. The session is stateless: signing out clears the cookie in that browser, but a copy taken before stays valid until it expires (8 hours at most); rotating \`AUTH_SECRET\` ends every session at once. The provider's own account security (passwords, MFA) is the provider's.`;
