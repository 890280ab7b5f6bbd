// The auth module's three custom elements, bundled into /_jam/account.js, which every page's header
// loads (a module script: after the page is parsed, never blocking it). Pages stay static: who is
// signed in is asked of /api/auth/me once per page load, never cached, and only ever written
// with textContent, so a name or an entry's title can hold no markup.
//   <jam-account>          the header's badge: "Sign in", or the visitor's name linking to /account/
//   <jam-account-details>  /account/: who is signed in and a sign-out link, or a sign-in link
//   <jam-members>          a members-only entry's body, fetched from /api/members/ for a session

interface Me {
  user: { id: string; name?: string; email?: string } | null;
  configured: boolean;
}

let me: Promise<Me> | undefined;
/** The visitor, asked once per page however many elements want it. */
const whoAmI = () =>
  (me ??= fetch("/api/auth/me/", { cache: "no-store", credentials: "same-origin" })
    .then((r) => (r.ok ? (r.json() as Promise<Me>) : { user: null, configured: false }))
    .catch(() => ({ user: null, configured: false })));

/** Sign-in that comes back to this page (the server keeps returnTo on the site). */
const signInHref = (back = location.pathname) => `/api/auth/login/?returnTo=${encodeURIComponent(back)}`;

function link(href: string, text: string): HTMLAnchorElement {
  const a = document.createElement("a");
  a.href = href;
  a.textContent = text;
  return a;
}

function paragraph(text: string, className?: string): HTMLParagraphElement {
  const p = document.createElement("p");
  p.textContent = text;
  if (className) p.className = className;
  return p;
}

class JamAccount extends HTMLElement {
  async connectedCallback() {
    const { user } = await whoAmI();
    if (user) this.replaceChildren(link("/account/", user.name || user.email || "Account"));
    else this.replaceChildren(link(signInHref(), "Sign in"));
  }
}

class JamAccountDetails extends HTMLElement {
  async connectedCallback() {
    const { user, configured } = await whoAmI();
    if (!configured) {
      this.replaceChildren(paragraph("Sign-in is not set up on this site yet: see the README's Auth section.", "notice"));
    } else if (user) {
      const who = paragraph(`Signed in as ${user.name || user.id}`);
      who.dataset.user = user.id;
      this.replaceChildren(who, ...(user.email ? [paragraph(user.email)] : []), link("/api/auth/logout/", "Sign out"));
    } else {
      this.replaceChildren(paragraph("You are not signed in."), link(signInHref("/account/"), "Sign in"));
    }
  }
}

class JamMembers extends HTMLElement {
  async connectedCallback() {
    const entry = this.dataset.entry ?? "";
    const { user } = await whoAmI();
    if (!user) {
      this.append(link(signInHref(), "Sign in to read it"));
      return;
    }
    const response = await fetch(`/api/members/?entry=${encodeURIComponent(entry)}`, { cache: "no-store", credentials: "same-origin" });
    if (!response.ok) {
      this.replaceChildren(paragraph(`This post could not be loaded (${response.status}).`, "notice"));
      return;
    }
    const { html } = (await response.json()) as { html: string };
    // The one thing this widget sets as HTML, so it must only ever be sanitised HTML: /api/members
    // answers with the body @repo/content/members gives it, which every provider's HTML leaves
    // through packages/content/src/safe-html.ts (sanitize-html's allow-list: no script, handler,
    // iframe, form or javascript: link), the same rule as every public page's body. It comes from
    // this site's own server only (same-origin fetch). Element.setHTML would add the browser's own
    // sanitiser, but its default drops images and classes the public pages keep, so not here.
    const body = document.createElement("div");
    body.innerHTML = html;
    this.replaceChildren(body);
  }
}

customElements.define("jam-account", JamAccount);
customElements.define("jam-account-details", JamAccountDetails);
customElements.define("jam-members", JamMembers);
