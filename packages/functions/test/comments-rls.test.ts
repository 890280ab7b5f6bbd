// The Supabase backend's migration (templates/backend-supabase/files/supabase/migrations/) against a
// real PostgreSQL started here, with the roles and JWT claims PostgREST sets: anyone reads, anon
// cannot write, a signed-in user adds comments only as themselves, nobody edits or deletes, and the
// table refuses what the handler would refuse.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asRequest, type Postgres, startPostgres, supabasePrelude } from "./postgres.ts";

const migrations = join(import.meta.dirname, "../../../templates/backend-supabase/files/supabase/migrations");
let pg: Postgres;

beforeAll(async () => {
  pg = await startPostgres();
  await pg.sql(supabasePrelude);
  for (const file of readdirSync(migrations).sort()) await pg.sql(readFileSync(join(migrations, file), "utf8"));
}, 60_000);
afterAll(() => pg?.close());

const insert = (entry: string, body: string, userId: string) =>
  `insert into public.comments (entry, body, user_id, author_name) values ('${entry}', '${body}', '${userId}', 'Ada');`;

describe("the comments table's row-level security", () => {
  it("lets a signed-in user add a comment as themselves, and anyone read it", async () => {
    await pg.sql(asRequest("authenticated", { sub: "auth0|ada" }, insert("hello-jamstack", "First!", "auth0|ada")));
    expect(await pg.sql(asRequest("anon", {}, "select entry || ':' || body from public.comments;"))).toContain("hello-jamstack:First!");
    expect(await pg.sql(asRequest("authenticated", { sub: "someone-else" }, "select count(*) from public.comments;"))).toMatch(/^1$/m);
  });

  it("refuses a comment in another user's name", async () => {
    await expect(pg.sql(asRequest("authenticated", { sub: "auth0|mallory" }, insert("hello-jamstack", "Posing", "auth0|ada")))).rejects.toThrow(/row-level security/);
  });

  it("refuses any write from anon", async () => {
    await expect(pg.sql(asRequest("anon", {}, insert("hello-jamstack", "Anonymous", "anon")))).rejects.toThrow(/permission denied/);
  });

  it("lets nobody but the service role edit or delete, even their own comment", async () => {
    await expect(pg.sql(asRequest("authenticated", { sub: "auth0|ada" }, "update public.comments set body = 'edited';"))).rejects.toThrow(/permission denied/);
    await expect(pg.sql(asRequest("authenticated", { sub: "auth0|ada" }, "delete from public.comments;"))).rejects.toThrow(/permission denied/);
  });

  it("refuses an empty or overlong body and an entry that is not a slug", async () => {
    const ada = (entry: string, body: string) => pg.sql(asRequest("authenticated", { sub: "auth0|ada" }, insert(entry, body, "auth0|ada")));
    await expect(ada("hello-jamstack", "   ")).rejects.toThrow(/check constraint/);
    await expect(ada("hello-jamstack", "x".repeat(2001))).rejects.toThrow(/check constraint/);
    await expect(ada("<script>", "Hi")).rejects.toThrow(/check constraint/);
  });
});
