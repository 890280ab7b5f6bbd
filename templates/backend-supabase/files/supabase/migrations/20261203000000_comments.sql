-- Comments on posts (the site's /api/comments reads and writes them with the service-role key,
-- after checking the visitor's session). Row-level security is for every other caller: anyone may
-- read; a signed-in Supabase user may add a comment only as themselves. Apply with
-- `supabase db push` (or paste into the dashboard's SQL editor).
create table public.comments (
  id bigint generated always as identity primary key,
  -- The post's slug, as in /posts/<slug>/.
  entry text not null check (entry ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(entry) <= 200),
  body text not null check (length(btrim(body)) between 1 and 2000),
  -- The auth provider's id for the author (an Auth0 `sub`, a Supabase or Firebase uid): text, not uuid.
  user_id text not null,
  author_name text not null check (length(author_name) between 1 and 100),
  created_at timestamptz not null default now()
);

create index comments_entry_created_at on public.comments (entry, created_at);

alter table public.comments enable row level security;

create policy "Anyone reads comments"
  on public.comments for select
  to anon, authenticated
  using (true);

create policy "A signed-in user adds comments as themselves"
  on public.comments for insert
  to authenticated
  with check ((select auth.jwt() ->> 'sub') = user_id);

-- Only what the policies allow: no updates or deletes except with the service role.
revoke all on public.comments from anon, authenticated;
grant select on public.comments to anon, authenticated;
grant insert (entry, body, user_id, author_name) on public.comments to authenticated;
