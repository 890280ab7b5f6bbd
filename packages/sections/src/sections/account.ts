// /account/ with an auth module: who is signed in (the <jam-account-details> element asks
// /api/auth/me/, so the page itself stays static and the same for everyone), and the posts that are
// for members only. No header link: the header's badge links here once someone is signed in.
import { listEntries } from "@repo/content";
import { escapeHtml } from "../html.ts";
import type { SectionPage } from "../types.ts";

export async function pages(): Promise<SectionPage[]> {
  const members = (await listEntries("posts")).filter((e) => e.members);
  const list = members.length
    ? `\n<h2>For members</h2>\n<ul class="posts">\n${members.map((e) => `<li><a href="/posts/${escapeHtml(e.slug)}/">${escapeHtml(e.title)}</a></li>`).join("\n")}\n</ul>`
    : "";
  return [
    {
      path: "/account/",
      title: "Your account",
      description: "Who is signed in, and the posts for members.",
      html: `<h1>Your account</h1>\n<jam-account-details><p>Checking who is signed in…</p></jam-account-details>${list}`,
    },
  ];
}
