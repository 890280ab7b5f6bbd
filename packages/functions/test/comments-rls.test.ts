// The Supabase backend's migrations (templates/backend-supabase/files/supabase/migrations/) against a
// real PostgreSQL started here, with the roles and JWT claims PostgREST sets. The server is the only
// writer: anon and authenticated (a leaked anon key, a Supabase user's own JWT) insert, update and
// delete nothing and read the public columns only, never user_id; service_role (the server's key)
// inserts and reads. Requests log in as `authenticator`, as PostgREST does, never as the superuser
// or the table's owner, who would skip row-level security and make every check here pass.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asRequest, type Postgres, startPostgres, supabasePrelude } from "./postgres.ts";

const migrations = join(import.meta.dirname, "../../../templates/backend-supabase/files/supabase/migrations");
/** What supabase.ts selects: the columns anyone may read. */
const PUBLIC = "id, entry, body, author_name, created_at";
let pg: Postgres;

beforeAll(async () => {
  pg = await startPostgres();
  await pg.sql(supabasePrelude);
  // As the superuser, the way `supabase db push` applies them as the project's owner role.
  for (const file of readdirSync(migrations).sort()) await pg.sql(readFileSync(join(migrations, file), "utf8"));
}, 60_000);
afterAll(() => pg?.close());
// One comment before each test, stored by the superuser, so a write that wrongly got through in one
// test fails that test only.
beforeEach(() => pg.sql(`truncate public.comments; insert into public.comments (entry, body, user_id, author_name) values ('hello-jamstack', 'First!', 'auth0|ada', 'Ada');`));

type Role = Parameters<typeof asRequest>[0];
/** A request as PostgREST makes it: logged in as authenticator, then SET LOCAL ROLE with the JWT's claims. */
const request = (role: Role, claims: Record<string, unknown>, statements: string) => pg.sql(asRequest(role, claims, statements), "authenticator");
const insert = (userId: string, authorName = "Ada", body = "Hi") =>
  `insert into public.comments (entry, body, user_id, author_name) values ('hello-jamstack', '${body}', '${userId}', '${authorName}');`;
/** What the table holds, read by the server's role. */
const stored = () => request("service_role", {}, "select user_id || ':' || author_name || ':' || body from public.comments order by id;");

// Every client a leaked key or a Supabase session gives: anon, and a signed-in user with their own JWT.
const clients: [string, Role, Record<string, unknown>][] = [
  ["anon", "anon", {}],
  ["authenticated (Ada's own JWT)", "authenticated", { sub: "auth0|ada" }],
  ["authenticated (Mallory's JWT)", "authenticated", { sub: "auth0|mallory" }],
];

describe("the test's requests", () => {
  it("log in as a role that is neither superuser nor the table's owner, and take the request's role and claims inside their transaction", async () => {
    const who = await request("authenticated", { sub: "auth0|ada" }, "select current_user, session_user, r.rolsuper, r.rolbypassrls, pg_get_userbyid(c.relowner), auth.jwt() ->> 'sub' from pg_roles r, pg_class c where r.rolname = session_user and c.oid = 'public.comments'::regclass;");
    expect(who).toBe("authenticated|authenticator|f|f|postgres|auth0|ada");
  });
});

describe.each(clients)("%s", (_, role, claims) => {
  it("inserts nothing: not as themselves, not as another user, not under any name", async () => {
    const sub = String(claims.sub ?? "anon");
    const attempts = [insert(sub), insert(sub, "Ada Lovelace"), insert("auth0|ada", "Grace Hopper"), insert("anonymous", "Ada")];
    await Promise.all(attempts.map((statement) => expect(request(role, claims, statement), statement).rejects.toThrow(/permission denied for table comments/)));
    expect(await stored()).toBe("auth0|ada:Ada:First!");
  });

  it("updates and deletes nothing, not even their own comment, and cannot empty the table", async () => {
    const attempts = ["update public.comments set body = 'edited';", "update public.comments set author_name = 'Mallory' where id > 0;", "delete from public.comments;", "truncate public.comments;"];
    await Promise.all(attempts.map((statement) => expect(request(role, claims, statement), statement).rejects.toThrow(/permission denied for table comments/)));
    expect(await stored()).toBe("auth0|ada:Ada:First!");
  });

  it("reads the public columns, as supabase.ts selects them", async () => {
    expect(await request(role, claims, `select entry || ':' || body || ':' || author_name, id > 0, created_at <= now() from (select ${PUBLIC} from public.comments where entry = 'hello-jamstack' order by created_at limit 200) c;`)).toBe("hello-jamstack:First!:Ada|t|t");
  });

  it("never reads user_id: not as a column, not through select *, a filter or the whole row", async () => {
    const queries = [
      "select user_id from public.comments;",
      "select * from public.comments;",
      "select id from public.comments where user_id = 'auth0|ada';",
      "select count(*) from public.comments where user_id like 'auth0|%';",
      "select c::text from public.comments c;",
      "select to_jsonb(c) from public.comments c;",
    ];
    await Promise.all(queries.map((query) => expect(request(role, claims, query), query).rejects.toThrow(/permission denied for table comments/)));
  });
});

describe("the server's role (service_role, the service-role key)", () => {
  it("inserts a comment and gets back the public columns, as supabase.ts's insert().select(…).single() does", async () => {
    const row = await request("service_role", {}, `insert into public.comments (entry, body, user_id, author_name) values ('hello-jamstack', 'Second', 'auth0|bob', 'Bob') returning entry || ':' || body || ':' || author_name, id > 0;`);
    expect(row).toBe("hello-jamstack:Second:Bob|t");
    expect(await request("service_role", {}, `select string_agg(author_name, ',' order by created_at, id) from (select ${PUBLIC} from public.comments where entry = 'hello-jamstack' order by created_at limit 200) c;`)).toBe("Ada,Bob");
  });

  it("is still refused an empty or overlong body and an entry that is not a slug", async () => {
    const server = (entry: string, body: string) => request("service_role", {}, `insert into public.comments (entry, body, user_id, author_name) values ('${entry}', '${body}', 'auth0|ada', 'Ada');`);
    await expect(server("hello-jamstack", "   ")).rejects.toThrow(/check constraint/);
    await expect(server("hello-jamstack", "x".repeat(2001))).rejects.toThrow(/check constraint/);
    await expect(server("<script>", "Hi")).rejects.toThrow(/check constraint/);
  });
});

describe("the table's own settings", () => {
  it("has row-level security enabled and forced, and no policy that lets anyone write", async () => {
    expect(await pg.sql("select relrowsecurity, relforcerowsecurity from pg_class where oid = 'public.comments'::regclass;")).toBe("t|t");
    expect(await pg.sql("select cmd || ' to ' || array_to_string(roles, ',') from pg_policies where schemaname = 'public' and tablename = 'comments' order by policyname;")).toBe("SELECT to anon,authenticated");
  });

  it("grants anon and authenticated SELECT on the public columns and nothing else", async () => {
    for (const role of ["anon", "authenticated"]) {
      const readable = `select string_agg(attname, ', ' order by attnum) from pg_attribute where attrelid = 'public.comments'::regclass and attnum > 0 and not attisdropped and has_column_privilege('${role}', attrelid, attnum, 'SELECT');`;
      expect(await pg.sql(readable)).toBe(PUBLIC);
      const other = `select ${["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"].map((p) => `has_table_privilege('${role}', 'public.comments', '${p}')`).join(", ")}, has_any_column_privilege('${role}', 'public.comments', 'INSERT'), has_any_column_privilege('${role}', 'public.comments', 'UPDATE'), has_sequence_privilege('${role}', 'public.comments_id_seq', 'USAGE');`;
      expect(await pg.sql(other)).toBe("f|f|f|f|f|f|f|f|f|f");
    }
  });

  it("comes out the same from a database that applied the first version of the table's migration, and after the access migration runs twice", async () => {
    // What 20261203000000_comments.sql granted before it moved access to its own migration.
    const firstVersion = `create policy "A signed-in user adds comments as themselves" on public.comments for insert to authenticated with check ((select auth.jwt() ->> 'sub') = user_id);
      grant select on public.comments to anon, authenticated; grant insert (entry, body, user_id, author_name) on public.comments to authenticated; alter table public.comments no force row level security;`;
    const access = readFileSync(join(migrations, "20261208000000_comments_access.sql"), "utf8");
    const state = `select c.relforcerowsecurity, (select string_agg(cmd, ',') from pg_policies where tablename = 'comments'), has_table_privilege('authenticated', 'public.comments', 'INSERT'), has_any_column_privilege('authenticated', 'public.comments', 'INSERT'), has_column_privilege('anon', 'public.comments', 'user_id', 'SELECT'), has_column_privilege('anon', 'public.comments', 'body', 'SELECT') from pg_class c where c.oid = 'public.comments'::regclass;`;
    // In one transaction, rolled back: the other tests keep the database as the migrations left it.
    expect(await pg.sql(`begin; ${firstVersion} ${access} ${access} ${state} rollback;`)).toBe("t|SELECT|f|f|f|t");
  });

  it("holds even its owner to the policies, when the owner lacks BYPASSRLS (FORCE ROW LEVEL SECURITY)", async () => {
    // In a transaction that is rolled back: the table changes hands to a plain role that then writes.
    const asOwner = (statement: string) =>
      pg.sql(`begin; create role comments_owner nologin; alter table public.comments owner to comments_owner; set local role comments_owner; ${statement} rollback;`);
    await expect(asOwner(insert("auth0|ada", "Ada Lovelace"))).rejects.toThrow(/row-level security/);
    expect(await asOwner("select count(*) from public.comments;")).toBe("0");
  });
});
