// The Firebase backend's firestore.rules (templates/backend-firebase/files/), parsed and read for
// what it allows (./firestore-rules.ts), with the meaning of the Supabase migrations
// (comments-rls.test.ts): the server (firebase-admin, which the rules do not bind; tested in
// comments-firestore.test.ts) is the only writer. A client, signed in or not, reads a post's
// comments and writes nothing anywhere, and reaches no author's user id (commentAuthors).
// The rules stay inside what the reader understands: it refuses the rest, which the last tests check.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readRules, type RulesRequest } from "./firestore-rules.ts";

const source = readFileSync(join(import.meta.dirname, "../../../templates/backend-firebase/files/firestore.rules"), "utf8");
const rules = readRules(source);
const time = { serverTime: true };
const path = "posts/hello-jamstack/comments/c1";
const ada = { uid: "ada", token: { email: "ada@example.com", email_verified: true } };
/** A comment as a client might send it: the very fields and values an older version of the rules accepted. */
const comment = (over: Record<string, unknown> = {}) => ({ entry: "hello-jamstack", body: "First!", userId: "ada", authorName: "Ada Lovelace", createdAt: time, ...over });
/** The reader's own tests start from this file, whatever the template says. */
const fixture = `rules_version = '2';
service cloud.firestore {
  match /databases/{database}/documents {
    match /posts/{entry}/comments/{comment} {
      allow read: if true;
      allow write: if false;
    }
  }
}
`;
const may = (r: Partial<RulesRequest>) => rules.allows({ method: "create", path, time, ...r } as RulesRequest);
const WRITES = ["create", "update", "delete"] as const;
const visitors = [
  ["signed in", ada],
  ["not signed in", null],
] as const;

describe("firestore.rules for comments", () => {
  it("lets anyone read a post's comments, one or the list", () => {
    for (const [, auth] of visitors) {
      expect(may({ method: "get", auth, existing: comment() })).toBe(true);
      expect(may({ method: "list", auth })).toBe(true);
    }
  });

  it.each(visitors)("refuses every client write on posts/<slug>/comments, %s: its own comment, another's, on any post", (_, auth) => {
    const attempts: Partial<RulesRequest>[] = [
      { data: comment() },
      { data: comment({ userId: "mallory", authorName: "Mallory" }) },
      { data: comment({ authorName: "Grace Hopper" }) },
      { path: "posts/no-such-post/comments/c2", data: comment({ entry: "no-such-post" }) },
      { path: "posts/members-only/comments/c3", data: comment({ entry: "members-only" }) },
    ];
    for (const attempt of attempts) for (const method of WRITES) expect(may({ auth, existing: method === "create" ? undefined : comment(), ...attempt, method }), `${method} ${JSON.stringify(attempt)}`).toBe(false);
  });

  it("grants nothing outside posts/<slug>/comments: not the authors' records, not the posts, not anything else", () => {
    for (const [, auth] of visitors) {
      for (const method of ["get", "list", ...WRITES] as const) {
        expect(may({ method, auth, path: "commentAuthors/c1", existing: { entry: "hello-jamstack", userId: "ada" }, data: { entry: "hello-jamstack", userId: "ada" } })).toBe(false);
        expect(may({ method, auth, path: "posts/hello-jamstack", data: { title: "Hi" } })).toBe(false);
        expect(may({ method, auth, path: "users/ada", data: { name: "Ada" } })).toBe(false);
        expect(may({ method, auth, path: "posts/hello-jamstack/comments/c1/replies/r1", data: comment() })).toBe(false);
      }
    }
  });

  // Any path, any visitor, any method, any data: including, for a path under posts/<slug>/comments,
  // the well-formed comment an honest client of an older version would send as itself.
  const segment = fc.oneof(
    fc.constantFrom("posts", "comments", "commentAuthors", "users", "hello-jamstack", "no-such-post", "c1", "(default)"),
    fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
    fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes("/")),
  );
  const anyPath = fc.oneof(
    fc.tuple(segment, segment).map(([entry, id]) => `posts/${entry}/comments/${id}`),
    fc.array(segment, { minLength: 1, maxLength: 8 }).map((parts) => parts.join("/")),
  );
  const anyAuth = fc.option(fc.record({ uid: fc.string({ minLength: 1, maxLength: 28 }), token: fc.dictionary(fc.string(), fc.jsonValue()) }), { nil: null });
  const anyRequest = (methods: readonly RulesRequest["method"][]) =>
    fc.record({ path: anyPath, auth: anyAuth, method: fc.constantFrom(...methods) }).chain((r) => {
      const honest = fc
        .record({ body: fc.string({ minLength: 1, maxLength: 200 }), authorName: fc.string({ maxLength: 100 }) })
        .map((f) => ({ entry: r.path.split("/")[1], userId: r.auth?.uid ?? "anonymous", createdAt: time, ...f }));
      const document = fc.oneof(honest, fc.dictionary(fc.string(), fc.jsonValue()), fc.constant(undefined));
      return fc.record({ data: document, existing: document }).map((d): RulesRequest => ({ ...r, ...d, time }));
    });
  const commentsPath = (p: string) => /^posts\/[^/]+\/comments\/[^/]+$/.test(p);

  it("allows no client write, for any path, visitor and document (property)", () => {
    fc.assert(
      fc.property(anyRequest(WRITES), (r) => rules.allows(r) === false),
      { numRuns: 2000 },
    );
  });

  it("allows a read exactly on posts/<slug>/comments/<id> (property)", () => {
    fc.assert(
      fc.property(anyRequest(["get", "list"]), (r) => rules.allows(r) === commentsPath(r.path)),
      { numRuns: 1000 },
    );
  });

  it("would catch a client write: the same property fails on a rule that allows one", () => {
    const leaky = readRules(fixture.replace("allow write: if false;", "allow create: if request.auth != null && request.resource.data.userId == request.auth.uid;"));
    expect(() => fc.assert(fc.property(anyRequest(WRITES), (r) => leaky.allows(r) === false), { numRuns: 2000 })).toThrow(/Property failed/);
  });
});

describe("the rules reader", () => {
  const read = (rule: string) => () => readRules(fixture.replace("allow write: if false;", rule));

  it("throws on a syntax error", () => {
    expect(read("allow write: if (;")).toThrow();
  });

  it("refuses what it does not evaluate, when it reads the file, even in a rule no request reaches", () => {
    for (const rule of [
      "allow write: if exists(/databases/$(database)/documents/x);",
      "allow write: if false || true;",
      "allow write: if request.auth.uid in ['ada'];",
      "allow write: if someName == 1;",
    ]) {
      expect(read(rule), rule).toThrow(/does not know/);
    }
    expect(() => readRules(fixture.replace("match /posts/{entry}/comments/{comment} {", "function signedIn() { return request.auth != null; }\n    match /posts/{entry}/comments/{comment} {"))).toThrow(/does not know/);
  });

  it("refuses what the grammar would read wrongly: a negation, brackets, a recursive wildcard", () => {
    // The grammar reads `!false` as `false` and `(a)` as `a`: taken as they parse, these would say "denied".
    expect(read("allow write: if !false;")).toThrow(/does not know/);
    expect(read("allow write: if !(request.auth == null);")).toThrow(/does not know/);
    expect(read("allow write: if (true);")).toThrow(/does not know/);
    // {rest=**} matches any depth: the reader would match it as one literal segment, and miss it.
    expect(() => readRules(fixture.replace("match /posts/{entry}/comments/{comment} {", "match /{document=**} { allow read, write: if true; }\n    match /posts/{entry}/comments/{comment} {"))).toThrow(/does not know/);
  });

  it("reads `allow <method>;` with no condition as allowed", () => {
    expect(read("allow create;")().allows({ method: "create", path, auth: null, data: {} })).toBe(true);
  });
});
