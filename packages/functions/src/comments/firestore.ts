// Comments in Cloud Firestore, through firebase-admin: one collection per post,
// posts/<slug>/comments (ordered by createdAt, which needs no composite index). The handler runs on
// the server with a service account (never in a page), which firestore.rules does not bind, and is
// the only writer: it writes the author it checked from the site's session. For every other caller
// the rules allow reading a post's comments and writing nothing.
//
// Anyone may read a comment's document, whole (rules cannot hide one field), so it holds only what
// the page shows. The author's user id (an Auth0 `sub`, a Firebase uid), which ties the comment to an
// account, is written beside it in commentAuthors/<comment id>: no rule matches that collection,
// so only the server reads it, as a moderator would need to (whose comments are these?).
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

/** A comment's document: public, what the page shows. */
type Fields = { entry: string; body: string; authorName: string; createdAt: Timestamp };
/** Its author's record, commentAuthors/<comment id>: server only. */
type AuthorFields = { entry: string; userId: string };
const AUTHORS = "commentAuthors";
const thread = (firestore: Firestore, entry: string) => firestore.collection("posts").doc(entry).collection("comments");

/** A Firestore failure, named: the handler logs it and answers 502. */
const failed = (what: string, error: unknown) => new Error(`Firestore could not ${what}: ${(error as Error).message}`);

export const store: CommentStore = {
  name: "Firestore",
  missing: () => ["FIREBASE_PROJECT_ID", ...(emulated() ? [] : CREDENTIALS)].filter((n) => !env(n)),
  async list(entry) {
    try {
      const snapshot = await thread(db(), entry).orderBy("createdAt").limit(MAX_COMMENTS).get();
      return snapshot.docs.map((doc): Comment => {
        const f = doc.data() as Partial<Fields>;
        return { id: doc.id, entry, body: String(f.body ?? ""), author: String(f.authorName ?? ""), date: (f.createdAt?.toDate() ?? doc.createTime.toDate()).toISOString() };
      });
    } catch (error) {
      throw failed("read the comments", error);
    }
  },
  async add({ entry, body, author }) {
    const firestore = db();
    const ref = thread(firestore, entry).doc();
    try {
      // One batch, so the comment and its author's record are stored together or not at all;
      // create(): new documents only; the server's clock dates the comment.
      const record: AuthorFields = { entry, userId: author.id };
      const [written] = await firestore
        .batch()
        .create(ref, { entry, body, authorName: author.name, createdAt: FieldValue.serverTimestamp() })
        .create(firestore.collection(AUTHORS).doc(ref.id), record)
        .commit();
      return { id: ref.id, entry, body, author: author.name, date: (written?.writeTime.toDate() ?? new Date()).toISOString() };
    } catch (error) {
      throw failed("store the comment", error);
    }
  },
};
