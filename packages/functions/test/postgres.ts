// A throwaway PostgreSQL (Debian's, `apt-get install postgresql`; scripts/system-tools.mjs installs
// it) started by a test in a temp folder on a free port, reached through psql over its Unix socket.
// As root it runs as the `postgres` user, which initdb requires. `sql` runs statements and answers
// their output, or rejects with PostgreSQL's error; as the superuser `postgres` unless told which
// role to log in as (a request's statements log in as `authenticator`, as PostgREST does: a
// superuser would skip row-level security and so prove nothing about it).
import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });

/** The newest installed server's bin folder (/usr/lib/postgresql/<major>/bin), or JAM_POSTGRES_BIN. */
export function postgresBin(): string {
  if (process.env.JAM_POSTGRES_BIN) return process.env.JAM_POSTGRES_BIN;
  const root = "/usr/lib/postgresql";
  const majors = existsSync(root) ? readdirSync(root).filter((d) => existsSync(join(root, d, "bin/postgres"))).sort((a, b) => Number(b) - Number(a)) : [];
  if (!majors.length) throw new Error("PostgreSQL is not installed: run `node scripts/system-tools.mjs` (as root it installs Debian's postgresql).");
  return join(root, majors[0] as string, "bin");
}

export interface Postgres {
  sql(statements: string, user?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startPostgres(): Promise<Postgres> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), "jam-pg-"));
  const root = process.getuid?.() === 0;
  const as = (cmd: string, args: string[]) => (root ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args]) as [string, string[]];
  if (root) chownSync(dir, Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })), Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })));
  const port = await freePort();
  const data = join(dir, "data");
  execFileSync(...as(join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]), { stdio: "pipe" });
  execFileSync(...as(join(bin, "pg_ctl"), ["-D", data, "-l", join(dir, "log"), "-o", `-k ${dir} -p ${port} -c listen_addresses='' -c fsync=off`, "-w", "start"]), { stdio: "pipe" });
  const sql = (statements: string, user = "postgres") =>
    new Promise<string>((ok, fail) => {
      execFile("psql", ["-h", dir, "-p", String(port), "-U", user, "-d", "postgres", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", statements], { encoding: "utf8" }, (error, stdout, stderr) => {
        if (error) fail(new Error(stderr.trim() || error.message));
        else ok(stdout.trim());
      });
    });
  const close = async () => {
    try {
      execFileSync(...as(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]), { stdio: "pipe" });
    } catch {} // stopped already
  };
  return { sql, close };
}

/**
 * What a Supabase database has before a project's migrations, as far as row-level security sees
 * it: the anon, authenticated and service_role roles PostgREST switches to, from `authenticator`,
 * the login role it connects as (NOINHERIT: none of their rights until it switches, and neither
 * superuser nor owner of any table); auth.jwt() and auth.uid() reading the claims PostgREST sets per
 * request, and Supabase's default grants of every new public table to all three.
 */
export const supabasePrelude = `
create role anon nologin;
create role authenticated nologin;
create role service_role nologin bypassrls;
create role authenticator login noinherit nosuperuser nobypassrls;
grant anon, authenticated, service_role to authenticator;
create schema auth;
grant usage on schema public, auth to anon, authenticated, service_role;
create function auth.jwt() returns jsonb language sql stable as $$
  select coalesce(nullif(current_setting('request.jwt.claim', true), ''), nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb
$$;
create function auth.uid() returns uuid language sql stable as $$
  select nullif(auth.jwt() ->> 'sub', '')::uuid
$$;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
`;

/**
 * Statements run as PostgREST runs a request: in a transaction (SET LOCAL outside one only warns and
 * changes nothing), as `role`, with the JWT's claims. Send it with `sql(…, "authenticator")`.
 */
export const asRequest = (role: "anon" | "authenticated" | "service_role", claims: Record<string, unknown>, statements: string) =>
  // set_config(…, true) as PostgREST calls it, inside DO so that it prints nothing before the request's output.
  `begin; set local role ${role}; do $claims$ begin perform set_config('request.jwt.claims', '${JSON.stringify({ role, ...claims }).replaceAll("'", "''")}', true); end $claims$; ${statements} commit;`;
