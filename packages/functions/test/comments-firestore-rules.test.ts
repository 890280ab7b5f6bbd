// The Firebase backend's firestore.rules (templates/backend-firebase/files/), parsed by a grammar of
// the whole rules language and read for what it allows (./firestore-rules.ts): the same meaning
// as the Supabase table's row-level security (comments-rls.test.ts). Anyone reads; a signed-in
// user creates a comment only as themselves, on the post its path names, dated by the server,
// with the fields the handler writes; nobody updates or deletes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRules, type RulesRequest } from "./firestore-rules.ts";

const source = readFileSync(join(import.meta.dirname, "../../../templates/backend-firebase/files/firestore.rules"), "utf8");
const rules = readRules(source);
const time = { serverTime: true };
const path = "posts/hello-jamstack/comments/c1";
const ada = { uid: "ada" };
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

describe("firestore.rules for comments", () => {
  it("lets anyone read a post's comments, one or the list", () => {
    expect(may({ method: "get", existing: comment() })).toBe(true);
    expect(may({ method: "list", auth: null })).toBe(true);
  });

  it("lets a signed-in user add a comment as themselves", () => {
    expect(may({ auth: ada, data: comment() })).toBe(true);
  });

  it("refuses a comment from a visitor who is not signed in", () => {
    expect(may({ auth: null, data: comment() })).toBe(false);
  });

  it("refuses a comment in another user's name, on another post than its path, or dated by the client", () => {
    expect(may({ auth: { uid: "mallory" }, data: comment() })).toBe(false);
    expect(may({ auth: ada, data: comment({ entry: "another-post" }) })).toBe(false);
    expect(may({ auth: ada, data: comment({ createdAt: "2020-01-01T00:00:00Z" }) })).toBe(false);
  });

  it("refuses what the handler refuses: an empty, too long or non-text body, and fields it never writes", () => {
    expect(may({ auth: ada, data: comment({ body: "" }) })).toBe(false);
    expect(may({ auth: ada, data: comment({ body: "x".repeat(2001) }) })).toBe(false);
    expect(may({ auth: ada, data: comment({ body: "x".repeat(2000) }) })).toBe(true);
    expect(may({ auth: ada, data: comment({ body: 42 }) })).toBe(false);
    expect(may({ auth: ada, data: comment({ admin: true }) })).toBe(false);
  });

  it("lets nobody edit or delete a comment, not even its author", () => {
    expect(may({ method: "update", auth: ada, existing: comment(), data: comment({ body: "edited" }) })).toBe(false);
    expect(may({ method: "delete", auth: ada, existing: comment() })).toBe(false);
  });

  it("grants nothing outside posts/<slug>/comments", () => {
    expect(may({ method: "get", path: "users/ada" })).toBe(false);
    expect(may({ path: "posts/hello-jamstack", auth: ada, data: comment() })).toBe(false);
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
