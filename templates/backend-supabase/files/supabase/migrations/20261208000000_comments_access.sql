-- Who may do what with public.comments. The site's server is the only writer: /api/comments checks
-- the visitor's session (or the name an anonymous visitor gives), then inserts with the
-- service-role key. Every other caller (a browser with the project's anon or publishable key, with
-- or without a Supabase user's JWT) may only read the public columns. So a key that leaks from a
-- page cannot post under someone else's name, edit or delete, and nobody can read `user_id`: it
-- ties a comment to an account at the auth provider (an Auth0 `sub` can carry a Google account's id).
--
-- Every statement can run again: this also mends a database that applied the first version of
-- 20261203000000_comments.sql, which let any signed-in Supabase user insert under any author_name
-- and let anyone read user_id.

drop policy if exists "A signed-in user adds comments as themselves" on public.comments;
drop policy if exists "Anyone reads comments" on public.comments;

alter table public.comments enable row level security;
-- The table's owner (whoever ran the migrations) skips row-level security unless it is forced.
-- Forced, a view or SECURITY DEFINER function that runs as the owner gets no row the policies do
-- not give. (Roles with BYPASSRLS still skip it: service_role, and Supabase's postgres, which the
-- dashboard's SQL editor uses for moderation.)
alter table public.comments force row level security;

-- No write for the clients' roles, two ways: no INSERT, UPDATE or DELETE policy, and no privilege
-- (Supabase grants every new public table to anon and authenticated), so a write policy added by
-- mistake still meets "permission denied".
revoke all on table public.comments from public, anon, authenticated;
revoke all on sequence public.comments_id_seq from public, anon, authenticated;

-- Reading: the public columns only, as column privileges, which PostgREST and supabase-js go by as
-- PostgreSQL does: `select('id, entry, body, author_name, created_at')` works; `select('*')`, a
-- filter on user_id or the whole row fails with 42501 (permission denied). A column added later is
-- private until granted here. (Not a view: a view reads the table with its owner's rights, past
-- these privileges, and past row-level security without security_invoker.)
grant select (id, entry, body, author_name, created_at) on table public.comments to anon, authenticated;
create policy "Anyone reads comments"
  on public.comments for select
  to anon, authenticated
  using (true);

-- The server's role: BYPASSRLS, and Supabase grants it every new table; granted here too so the
-- server's insert and read do not hang on a project's default privileges.
grant select, insert on table public.comments to service_role;
