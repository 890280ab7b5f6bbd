// <jam-comments data-entry="<slug>"> after each post (a backend module's post footer): loads the
// post's comments from /api/comments/ once it scrolls near the screen, then a form as the answer's
// `posting` says: for a signed-in visitor (else a sign-in link), for anyone with a name field
// (--anonymous-comments), or none (read-only). Every comment is written with textContent, so a
// comment holding <script> shows as the text it is. Loaded by every page's header as
// /_jam/comments.js (bundled by scripts/steps/widgets.ts), so client-side navigation finds it.
// Where anyone may post, the answer names a challenge (Cloudflare Turnstile's site key): its script
// loads when the form appears, and its token goes with the comment (the server checks it).

/** Turnstile's browser API (challenges.cloudflare.com/turnstile/v0/api.js), the part used here. */
interface Turnstile {
  render(container: HTMLElement, options: { sitekey: string; action: string; callback: (token: string) => void; "expired-callback": () => void }): string;
  reset(widget: string): void;
}
const turnstileOf = () => (window as Window & { turnstile?: Turnstile }).turnstile;
const TURNSTILE_SCRIPT = "https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit";

/** Turnstile's API, its script added once to the page. */
let turnstileLoaded: Promise<Turnstile> | undefined;
function loadTurnstile(): Promise<Turnstile> {
  turnstileLoaded ??= new Promise<Turnstile>((resolve, reject) => {
    const script = el("script");
    script.src = TURNSTILE_SCRIPT;
    script.async = true;
    script.addEventListener("load", () => {
      const api = turnstileOf();
      if (api) resolve(api);
      else reject(new Error("no turnstile"));
    });
    script.addEventListener("error", () => reject(new Error("Turnstile could not load")));
    document.head.append(script);
  });
  return turnstileLoaded;
}

interface Comment {
  id: string;
  body: string;
  author: string;
  date: string;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text = "", className = ""): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  if (className) node.className = className;
  return node;
};

function item(c: Comment): HTMLLIElement {
  const li = el("li");
  const meta = el("p", "", "comment-author");
  meta.append(el("strong", c.author), ` · ${new Date(c.date).toLocaleDateString("en", { dateStyle: "medium" })}`);
  li.append(meta, el("p", c.body, "comment-body"));
  return li;
}

class JamComments extends HTMLElement {
  connectedCallback() {
    const seen = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      seen.disconnect();
      void this.load();
    }, { rootMargin: "300px" });
    seen.observe(this);
  }

  async load() {
    const entry = this.dataset.entry ?? "";
    const answer = await fetch(`/api/comments/?entry=${encodeURIComponent(entry)}`, { cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<{ comments: Comment[]; configured: boolean; posting: "signed-in" | "anyone" | "nobody"; challenge?: { turnstile: string } }>) : undefined))
      .catch(() => undefined);
    const list = el("ol", "", "comment-list");
    if (!answer) this.replaceChildren(el("p", "The comments could not be loaded.", "notice"));
    else if (!answer.configured) this.replaceChildren(el("p", "Comments are not set up on this site yet.", "notice"));
    else {
      list.append(...answer.comments.map(item));
      this.replaceChildren(answer.comments.length ? list : el("p", "No comments yet.", "comment-none"));
    }
    if (!answer?.configured) return;
    if (answer.posting === "anyone") this.form(entry, list, true, answer.challenge?.turnstile);
    else if (answer.posting === "signed-in") await this.signedIn(entry, list);
  }

  async signedIn(entry: string, list: HTMLOListElement) {
    const me = (await fetch("/api/auth/me/", { cache: "no-store" }).then((r) => (r.ok ? r.json() : undefined)).catch(() => undefined)) as { user?: { name?: string } | null; configured?: boolean } | undefined;
    if (!me?.configured) return;
    if (!me.user) {
      const a = el("a", "Sign in to comment");
      a.href = `/api/auth/login/?returnTo=${encodeURIComponent(location.pathname)}`;
      const p = el("p");
      p.append(a);
      this.append(p);
      return;
    }
    this.form(entry, list, false);
  }

  /** The comment form; `named`: it asks for the visitor's name (anyone may post), behind Turnstile's challenge when `siteKey` is given. */
  form(entry: string, list: HTMLOListElement, named: boolean, siteKey?: string) {
    const form = el("form", "", "comment-form");
    const fields: HTMLElement[] = [];
    const name = el("input");
    const trap = el("input");
    if (named) {
      const label = el("label", "Your name");
      name.name = "name";
      name.required = true;
      name.maxLength = 80;
      name.autocomplete = "name";
      label.append(name);
      // Bots fill in every field; people never see this one (the server refuses a post with it filled in).
      const hidden = el("label", "Leave this empty");
      hidden.setAttribute("aria-hidden", "true");
      hidden.style.cssText = "position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden";
      trap.name = "website";
      trap.tabIndex = -1;
      trap.autocomplete = "off";
      hidden.append(trap);
      fields.push(label, hidden);
    }
    const label = el("label", "Your comment");
    const text = el("textarea");
    text.name = "body";
    text.required = true;
    text.maxLength = 2000;
    text.rows = 4;
    label.append(text);
    const status = el("p", "", "status");
    status.setAttribute("role", "status");
    // The challenge's token: single use, so a new one is asked for after each post.
    let token = "";
    let reset = () => {};
    const check = el("div", "", "comment-check");
    if (siteKey) {
      loadTurnstile()
        .then((turnstile) => {
          const widget = turnstile.render(check, {
            sitekey: siteKey,
            action: "comment",
            callback: (t) => {
              token = t;
            },
            "expired-callback": () => {
              token = "";
            },
          });
          reset = () => {
            token = "";
            turnstile.reset(widget);
          };
        })
        .catch(() => {
          status.textContent = "The anti-spam check could not load: reload the page to comment.";
        });
    }
    form.append(...fields, label, ...(siteKey ? [check] : []), el("button", "Post comment"), status);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      status.textContent = "Posting…";
      const res = await fetch("/api/comments/", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ entry, body: text.value, ...(named ? { name: name.value, website: trap.value } : {}), ...(siteKey ? { "cf-turnstile-response": token } : {}) }) }).catch(() => undefined);
      if (siteKey) reset();
      const data = (await res?.json().catch(() => ({}))) as { comment?: Comment; error?: string };
      if (!res?.ok || !data.comment) {
        status.textContent = data.error ?? "The comment could not be posted.";
        return;
      }
      this.querySelector(".comment-none")?.replaceWith(list);
      list.append(item(data.comment));
      text.value = "";
      status.textContent = "Posted.";
    });
    this.append(form);
  }
}

customElements.define("jam-comments", JamComments);
