// Comments in Cloud Firestore, through firebase-admin: one collection per post,
// posts/<slug>/comments (ordered by createdAt, which needs no composite index). The handler runs on
// the server with a service account (never in a page), so it writes the author it checked from
// the site's session; firestore.rules is for everyone else (anyone reads; a Firebase user creates
// only their own comment; nobody updates or deletes).
import { type App, cert, getApps, initializeApp } from "firebase-admin/app";
import { FieldValue, type Firestore, getFirestore, type Timestamp } from "firebase-admin/firestore";
import { env } from "../env.ts";
import { type Comment, type CommentStore, MAX_COMMENTS } from "./types.ts";

const CREDENTIALS = ["FIREBASE_CLIENT_EMAIL", "FIREBASE_PRIVATE_KEY"];
const APP_NAME = "create-jam-comments";

// The Firestore emulator (FIRESTORE_EMULATOR_HOST, read by firebase-admin itself) takes no credentials.
const emulated = () => Boolean(env("FIRESTORE_EMULATOR_HOST"));

/** firebase-admin for the project, one app per project id and service account. */
function db(): Firestore {
  const projectId = env("FIREBASE_PROJECT_ID") as string;
  const clientEmail = env("FIREBASE_CLIENT_EMAIL");
  const name = `${APP_NAME}-${projectId}-${emulated() ? "emulator" : clientEmail}`;
  // Hosts keep the key's line breaks as the two characters \n: the PEM needs real ones.
  const privateKey = env("FIREBASE_PRIVATE_KEY")?.replace(/\\n/g, "\n");
  const app: App =
    getApps().find((a) => a.name === name) ??
    initializeApp(emulated() ? { projectId } : { projectId, credential: cert({ projectId, clientEmail, privateKey }) }, name);
  return getFirestore(app);
}

type Fields = { entry: string; body: string; userId: string; authorName: string; createdAt: Timestamp };
const thread = (entry: string) => db().collection("posts").doc(entry).collection("comments");

/** A Firestore failure, named: the handler logs it and answers 502. */
const failed = (what: string, error: unknown) => new Error(`Firestore could not ${what}: ${(error as Error).message}`);

export const store: CommentStore = {
  name: "Firestore",
  missing: () => ["FIREBASE_PROJECT_ID", ...(emulated() ? [] : CREDENTIALS)].filter((n) => !env(n)),
  async list(entry) {
    try {
      const snapshot = await thread(entry).orderBy("createdAt").limit(MAX_COMMENTS).get();
      return snapshot.docs.map((doc): Comment => {
        const f = doc.data() as Partial<Fields>;
        return { id: doc.id, entry, body: String(f.body ?? ""), author: String(f.authorName ?? ""), date: (f.createdAt?.toDate() ?? doc.createTime.toDate()).toISOString() };
      });
    } catch (error) {
      throw failed("read the comments", error);
    }
  },
  async add({ entry, body, author }) {
    const ref = thread(entry).doc();
    try {
      // create(): a new document only; the server's clock dates it (the rules ask for request.time).
      const { writeTime } = await ref.create({ entry, body, userId: author.id, authorName: author.name, createdAt: FieldValue.serverTimestamp() });
      return { id: ref.id, entry, body, author: author.name, date: writeTime.toDate().toISOString() };
    } catch (error) {
      throw failed("store the comment", error);
    }
  },
};
