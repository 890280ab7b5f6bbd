import { defineModule } from "../../create-jam/src/engine/define.ts";
import { backendModule, commentsReadme } from "../shared/backend.ts";
import { firebaseProjectIdEnv } from "../shared/env.ts";
import pkg from "./package.json" with { type: "json" };

// /api/comments, the widget and who may post are every backend module's (../shared/backend.ts);
// this module brings the rules (firestore.rules, deployed through firebase.json) and firebase-admin
// (src/comments/firestore.ts).
export default defineModule(pkg, {
  ...backendModule({ id: "firebase", files: ["src/comments/firestore.ts"], dependencies: ["firebase-admin"] }),
  label: "Firebase",
  hint: "comments on posts in Cloud Firestore, with security rules; read with firebase-admin",
  // firebase-admin 14 runs on Node 22 and newer.
  node: "22.0.0",
  // @google-cloud/firestore, inside firebase-admin, loads its gRPC protos from its own folder: a
  // framework's server bundle must leave it out.
  serverExternals: ["firebase-admin"],
  // The Firebase SDKs' install scripts (a version check, a defaults file) are not needed: pnpm 11
  // fails an install on scripts it was not told about.
  allowBuilds: { "@firebase/util": false, protobufjs: false },
  env: [
    firebaseProjectIdEnv,
    { name: "FIREBASE_CLIENT_EMAIL", visibility: "secret", description: "the service account's client_email (Project settings › Service accounts › Generate new private key): /api/comments writes to Firestore as it" },
    { name: "FIREBASE_PRIVATE_KEY", visibility: "secret", description: "that key file's private_key, on one line with \\n for its line breaks: server only" },
    { name: "FIRESTORE_EMULATOR_HOST", visibility: "secret", description: "host:port of the Firestore emulator (`firebase emulators:start --only firestore`), for local runs and tests: no service account needed then; leave empty" },
  ],
  goLive: [
    { phase: "account", do: `Create a Firebase project with a Firestore database, deploy \`firestore.rules\` (\`pnpm dlx firebase-tools@15.34.2 deploy --only firestore:rules --project <id>\`), and generate a service account key (Project settings › Service accounts).`, check: `Firestore › Rules shows the deployed rules.` },
    { phase: "variables", do: `Set \`FIREBASE_PROJECT_ID\`, \`FIREBASE_CLIENT_EMAIL\` and \`FIREBASE_PRIVATE_KEY\` (the key's \`client_email\` and \`private_key\`; secret: server only) in \`.env\` and in the host's settings.`, check: `\`curl -s 'https://<your site>/api/comments/?entry=hello-jamstack'\` answers \`"configured":true\`.` },
  ],
  readme: `## Backend: Firebase (comments in Firestore)

**Account:** a Firebase project (the free Spark plan is enough) with a Cloud Firestore database (*Build › Firestore Database › Create database*). \`firestore.rules\` says who may read and write comments; \`firebase.json\` points at it, so \`pnpm dlx firebase-tools@15.34.2 deploy --only firestore:rules --project <id>\` deploys it. The site's server writes with a service account: under *Project settings › Service accounts*, *Generate new private key*, and copy its \`client_email\` and \`private_key\`. Until \`FIREBASE_PROJECT_ID\`, \`FIREBASE_CLIENT_EMAIL\` and \`FIREBASE_PRIVATE_KEY\` are set, posts say comments are not set up and posting answers 503.

**How it works:** ${commentsReadme}

Each post's comments are the collection \`posts/<slug>/comments\` (\`entry\`, \`body\`, \`authorName\`, \`createdAt\`: the server's time), ordered by \`createdAt\`, which needs no composite index. The author's user id is kept apart, in \`commentAuthors/<comment id>\` (\`entry\`, \`userId\`), written in the same batch. The handler uses \`firebase-admin\`, whose service account is not bound by the rules, and is the only writer: it checks who posts before it writes.

**What the rules protect, and what they do not:** \`firestore.rules\` binds every other caller, such as a browser with the project's web config (its \`apiKey\` is public by design), signed in to Firebase or not, with the meaning of the Supabase backend's privileges: it may read \`posts/<slug>/comments\`, and write nothing anywhere. So nobody posts around the site's checks (under another's name, on a post that does not exist or is members-only, where comments are read-only), edits or deletes, and user ids are not public: rules cannot hide one field of a readable document, so no rule matches \`commentAuthors\`. They do not protect against the service account: whoever has \`FIREBASE_PRIVATE_KEY\` bypasses them, and whatever \`/api/comments\` lets post (see above), Firestore stores. Comments are public: every post's thread can be read straight from Firestore, members-only posts' too.

**Env:** \`FIREBASE_CLIENT_EMAIL\` and \`FIREBASE_PRIVATE_KEY\` are secrets (the service account bypasses the rules): the host's server environment only, never in a page or bundle.

**Offline:** the Firestore emulator (\`pnpm dlx firebase-tools@15.34.2 emulators:start --only firestore --project demo-<name>\`, which needs Java 21) takes no service account: set \`FIRESTORE_EMULATOR_HOST=127.0.0.1:8080\` and \`FIREBASE_PROJECT_ID=demo-<name>\` for the functions.`,
});
