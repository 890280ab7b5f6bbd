// /sign-in/ with Firebase Auth: the visitor signs in (or creates an account) with email and password
// through the Firebase web SDK in <jam-firebase-sign-in> (widgets/firebase-sign-in.ts, loaded by
// this page only), which posts the ID token it gets to /api/auth/callback/. The password goes to
// Firebase only: its field has no name, so the form never sends it to this site.
import { escapeHtml } from "../html.ts";
import type { SectionPage } from "../types.ts";

/** The web app's config (Firebase console › Project settings › Your apps): public by design. */
function webConfig() {
  const value = (name: string) => process.env[name] || undefined;
  const apiKey = value("FIREBASE_API_KEY");
  const authDomain = value("FIREBASE_AUTH_DOMAIN");
  const projectId = value("FIREBASE_PROJECT_ID");
  // The Auth emulator (firebase emulators:start --only auth): for local runs and tests only.
  const emulator = value("FIREBASE_AUTH_EMULATOR_HOST");
  return apiKey && authDomain && projectId ? { apiKey, authDomain, projectId, emulator } : undefined;
}

export async function pages(): Promise<SectionPage[]> {
  const config = webConfig();
  const attrs = config
    ? Object.entries({ "api-key": config.apiKey, "auth-domain": config.authDomain, "project-id": config.projectId, emulator: config.emulator })
        .filter(([, v]) => v)
        .map(([k, v]) => ` data-${k}="${escapeHtml(v as string)}"`)
        .join("")
    : "";
  const body = config
    ? `<jam-firebase-sign-in${attrs}>
<form method="post" action="/api/auth/callback/">
<p><label>Email <input type="email" id="jam-email" required autocomplete="email"></label></p>
<p><label>Password <input type="password" id="jam-password" required minlength="6" autocomplete="current-password"></label></p>
<input type="hidden" name="idToken"><input type="hidden" name="returnTo" value="/account/">
<p><button type="submit" value="sign-in">Sign in</button> <button type="submit" value="sign-up">Create an account</button></p>
<p class="status" role="status"></p>
</form>
</jam-firebase-sign-in>
<script type="module" src="/_jam/firebase-sign-in.js"></script>`
    : `<p class="notice">Sign-in is not set up on this site yet: this site has no FIREBASE_API_KEY, FIREBASE_AUTH_DOMAIN and FIREBASE_PROJECT_ID.</p>`;
  return [{ path: "/sign-in/", title: "Sign in", description: "Sign in, or create an account.", html: `<h1>Sign in</h1>\n${body}` }];
}
