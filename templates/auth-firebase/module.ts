import { defineModule } from "../../create-jam/src/engine/define.ts";
import { authModule, authReadme } from "../shared/auth.ts";
import { authSecretEnv, firebaseProjectIdEnv } from "../shared/env.ts";
import pkg from "./package.json" with { type: "json" };

// The handlers, the badge, /account/ and members-only posts are every auth module's (../shared/auth.ts);
// this module brings Firebase Auth's /sign-in/ page (the web SDK in a widget) and the server's
// check of its ID token (src/auth/firebase.ts, firebase-admin).
export default defineModule(pkg, {
  // The sign-in widget's calls (Firebase Auth's REST endpoints, or the emulator a test build names)
  // and the auth domain's frame the SDK opens for popup and redirect flows, for the pages' policy.
  csp: {
    "connect-src": ["https://identitytoolkit.googleapis.com", "https://securetoken.googleapis.com", "https://www.googleapis.com", "$FIREBASE_AUTH_EMULATOR_HOST"],
    "frame-src": ["https://*.firebaseapp.com"],
  },
  ...authModule({
    id: "firebase",
    files: ["src/auth/firebase.ts", "src/origin.ts"],
    dependencies: ["firebase-admin"],
    page: {
      sections: [{ id: "sign-in" }],
      widgets: [{ name: "firebase-sign-in", what: "auth: the sign-in page's script (Firebase web SDK)" }],
      packages: [{ from: "sections", to: "packages/sections", include: ["src/sections/sign-in.ts", "widgets/firebase-sign-in.ts"] }],
      sectionsDependencies: ["firebase"],
    },
  }),
  label: "Firebase Auth",
  hint: "email and password sign-in on the site's own page (Firebase web SDK); firebase-admin checks the token",
  // firebase-admin 14 runs on Node 22 and newer.
  node: "22.0.0",
  // firebase-admin is CommonJS that reads its own files at run time (__dirname): a framework's
  // server bundle must leave it out.
  serverExternals: ["firebase-admin"],
  // The Firebase SDKs' install scripts (a version check, a defaults file) are not needed: pnpm 11
  // fails an install on scripts it was not told about.
  allowBuilds: { "@firebase/util": false, protobufjs: false },
  env: [
    { name: "FIREBASE_API_KEY", visibility: "public", description: "the web app's apiKey (Firebase console › Project settings › Your apps): it is in the sign-in page" },
    { name: "FIREBASE_AUTH_DOMAIN", visibility: "public", description: "the web app's authDomain, e.g. <project>.firebaseapp.com" },
    // The server accepts ID tokens of this project only.
    firebaseProjectIdEnv,
    authSecretEnv,
    { name: "FIREBASE_AUTH_EMULATOR_HOST", visibility: "public", description: "host:port of the Firebase Auth emulator (`firebase emulators:start --only auth`), for local runs and tests; leave empty" },
  ],
  goLive: [
    { phase: "account", do: `Create a Firebase project (Spark plan), enable *Email/Password* under Authentication › Sign-in method, register a web app under Project settings › Your apps, and add the site's domain under Authentication › Settings › Authorized domains.`, check: `Authorized domains lists the site's domain.` },
    { phase: "variables", do: `Set \`FIREBASE_API_KEY\`, \`FIREBASE_AUTH_DOMAIN\`, \`FIREBASE_PROJECT_ID\` (the web app's config) and \`AUTH_SECRET\` (32 or more random characters: \`openssl rand -hex 32\`) in \`.env\` and in the host's settings, for the build too: the sign-in page is built with the config.`, check: `\`/sign-in/\` shows the form instead of saying sign-in is not set up; \`curl -s https://<your site>/api/auth/me/\` answers \`"configured":true\`.` },
  ],
  readme: `## Auth: Firebase Auth

**Account:** a Firebase project (the free Spark plan is enough) with *Email/Password* enabled under *Authentication › Sign-in method*, and a web app registered under *Project settings › Your apps* for its config. Until \`FIREBASE_API_KEY\`, \`FIREBASE_AUTH_DOMAIN\`, \`FIREBASE_PROJECT_ID\` and \`AUTH_SECRET\` are set, \`/sign-in/\` says sign-in is not set up, \`/api/auth/login\` answers 503 naming the missing ones and \`/api/auth/me\` says the visitor is signed out. No service account is needed: verifying an ID token needs the project's id only.

**How sign-in works:** \`/api/auth/login/?returnTo=…\` sends the visitor to the site's own \`/sign-in/\`, where \`<jam-firebase-sign-in>\` (\`packages/sections/widgets/firebase-sign-in.ts\`, the Firebase web SDK bundled into \`/_jam/firebase-sign-in.js\`, loaded by that page only) signs them in or creates their account with email and password. The password goes to Firebase only: its field has no name, so the form never sends it to this site. The widget posts the ID token Firebase gave to \`/api/auth/callback/\` (a same-origin form POST: another origin's gets 403), where \`firebase-admin\` checks it (Google's signature, this project, the expiry) and the site sets its session: one cookie, \`__Host-jam_session\`, encrypted (JWE, A256GCM) with a key derived from \`AUTH_SECRET\` for sessions alone (the sign-in flow's cookie has a key and audience of its own, so neither passes for the other), HttpOnly, Secure, SameSite=Lax, for 8 hours. The browser keeps no Firebase session (in-memory persistence). \`returnTo\` only ever goes to a path on this site; \`/api/auth/logout/\` clears the cookie.

${authReadme}

**Offline:** \`pnpm dlx firebase-tools@15.34.2 emulators:start --only auth --project demo-<name>\` runs the Auth emulator (no account, no network); set \`FIREBASE_AUTH_EMULATOR_HOST=127.0.0.1:9099\` for the build and the functions, and both sides use it.

**Env:** \`AUTH_SECRET\` is a secret: server only. The web config is public by design (it is in the sign-in page).`,
});
