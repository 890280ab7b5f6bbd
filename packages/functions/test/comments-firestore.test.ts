// /api/comments with the Firebase backend's store: firebase-admin's Firestore client against a
// loopback Firestore that speaks its gRPC protocol (./firestore-server.ts), reached through
// FIRESTORE_EMULATOR_HOST as the emulator is, recording each request for the asserts below.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { sessionCookie } from "../src/auth/session.ts";
import { store } from "../src/comments/firestore.ts";
import { comments } from "../src/handlers/comments.ts";
import { startFirestore } from "./firestore-server.ts";

// The handler as a stack with the Firebase backend has it (its src/comments/provider.ts names this store).
vi.mock("../src/comments/provider.ts", () => import("../src/comments/firestore.ts"));

const site = "https://site.example";
const secret = "a-test-secret-of-at-least-32-chars!!";
const project = "demo-comments";
let firestore: Awaited<ReturnType<typeof startFirestore>>;

beforeAll(async () => {
  firestore = await startFirestore();
});
afterAll(() => firestore?.close());
beforeEach(() => {
  vi.stubEnv("FIRESTORE_EMULATOR_HOST", firestore.host);
  vi.stubEnv("FIREBASE_PROJECT_ID", project);
  vi.stubEnv("AUTH_SECRET", secret);
  firestore.calls.length = 0;
  firestore.documents.clear();
});
afterEach(() => vi.unstubAllEnvs());

const signedIn = async (id = "firebase-uid-ada", name = "Ada Lovelace") => (await sessionCookie({ id, name }, secret)).split(";")[0] as string;
const post = async (body: unknown, cookie: string, origin = site) =>
  comments.handler(new Request(`${site}/api/comments/`, { method: "POST", headers: { cookie, origin, "content-type": "application/json" }, body: JSON.stringify(body) }));
const list = async (entry = "hello-jamstack") => (await comments.handler(new Request(`${site}/api/comments/?entry=${entry}`))).json();

describe("/api/comments with Firestore", () => {
  it("creates the comment at posts/<slug>/comments with the session's user and the server's time, never the form's; the user's id apart, in commentAuthors", async () => {
    const res = await post({ entry: "hello-jamstack", body: "  <script>alert(1)</script> hi  ", userId: "mallory", authorName: "Mallory" }, await signedIn());
    expect(res.status, await res.clone().text()).toBe(201);
    const { comment } = await res.json();
    expect(comment).toMatchObject({ entry: "hello-jamstack", body: "<script>alert(1)</script> hi", author: "Ada Lovelace" });
    const [call] = firestore.calls;
    expect(call?.method).toBe("Commit");
    expect(call?.authorization).toBe("Bearer owner");
    // One commit, two creates: the comment (public: what the page shows) and its author's record.
    const [write, record, ...more] = call?.request.writes ?? [];
    expect(more).toEqual([]);
    const fieldsOf = (w: { update: { fields: Record<string, { stringValue: string }> } }) => Object.fromEntries(Object.entries(w.update.fields).map(([k, v]) => [k, v.stringValue]));
    const documents = `projects/${project}/databases/(default)/documents`;
    expect(write.update.name).toBe(`${documents}/posts/hello-jamstack/comments/${comment.id}`);
    expect(write.currentDocument).toMatchObject({ exists: false });
    expect(fieldsOf(write)).toEqual({ entry: "hello-jamstack", body: "<script>alert(1)</script> hi", authorName: "Ada Lovelace" });
    expect(write.updateTransforms).toMatchObject([{ fieldPath: "createdAt", setToServerValue: "REQUEST_TIME" }]);
    // No rule matches commentAuthors: clients neither read nor write it (comments-firestore-rules.test.ts).
    expect(record.update.name).toBe(`${documents}/commentAuthors/${comment.id}`);
    expect(record.currentDocument).toMatchObject({ exists: false });
    expect(fieldsOf(record)).toEqual({ entry: "hello-jamstack", userId: "firebase-uid-ada" });
    expect(Date.parse(comment.date)).toBeGreaterThan(Date.now() - 60_000);
    // What anyone may read holds no user id.
    const readable = [...firestore.documents.values()].filter((d) => d.name.includes("/posts/"));
    expect(readable.map((d) => Object.keys(d.fields).sort())).toEqual([["authorName", "body", "createdAt", "entry"]]);
  });

  it("lists a post's comments oldest first, at most 200, and only that post's", async () => {
    await post({ entry: "hello-jamstack", body: "First" }, await signedIn());
    await post({ entry: "hello-jamstack", body: "Second" }, await signedIn("uid-bob", "Bob"));
    firestore.calls.length = 0;
    const { comments: thread, configured } = await list();
    expect(configured).toBe(true);
    expect(thread.map((c: { body: string; author: string }) => `${c.author}: ${c.body}`)).toEqual(["Ada Lovelace: First", "Bob: Second"]);
    const [call] = firestore.calls;
    expect(call?.method).toBe("RunQuery");
    expect(call?.request.parent).toBe(`projects/${project}/databases/(default)/documents/posts/hello-jamstack`);
    expect(call?.request.structuredQuery).toMatchObject({ from: [{ collectionId: "comments" }], orderBy: [{ field: { fieldPath: "createdAt" }, direction: "ASCENDING" }], limit: { value: 200 } });
    expect((await list("markdown-and-more")).comments).toEqual([]);
  });

  it("needs the project's id, and a service account unless the emulator is set", async () => {
    expect(store.missing()).toEqual([]);
    vi.stubEnv("FIRESTORE_EMULATOR_HOST", "");
    expect(store.missing()).toEqual(["FIREBASE_CLIENT_EMAIL", "FIREBASE_PRIVATE_KEY"]);
    vi.stubEnv("FIREBASE_PROJECT_ID", "");
    expect(await list()).toEqual({ comments: [], configured: false, posting: "signed-in" });
    expect(firestore.calls).toEqual([]);
  });

  it("refuses a post without a session or from another origin before Firestore hears of it", async () => {
    expect((await post({ entry: "hello-jamstack", body: "Hi" }, "")).status).toBe(401);
    expect((await post({ entry: "hello-jamstack", body: "Hi" }, await signedIn(), "https://evil.example")).status).toBe(403);
    expect(firestore.calls).toEqual([]);
  });

  it("answers 502 when Firestore refuses, naming it in the log only", async () => {
    firestore.state.failWith = { code: 7, details: "Missing or insufficient permissions." }; // PERMISSION_DENIED
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const res = await comments.handler(new Request(`${site}/api/comments/?entry=hello-jamstack`));
      expect(res.status).toBe(502);
      expect(await res.text()).not.toContain("permissions");
      expect((await post({ entry: "hello-jamstack", body: "Hi" }, await signedIn())).status).toBe(502);
      const logged = log.mock.calls.flat().join(" ");
      expect(logged).toContain("Firestore could not read the comments: 7 PERMISSION_DENIED: Missing or insufficient permissions.");
      expect(logged).toContain("Firestore could not store the comment");
    } finally {
      firestore.state.failWith = undefined;
      log.mockRestore();
    }
    // firebase-admin tries a failed query three times (about 7 s) before it gives up.
  }, 30_000);
});
