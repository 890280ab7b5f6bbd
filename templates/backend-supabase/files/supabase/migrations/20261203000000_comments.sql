-- Comments on posts. The site's /api/comments is the only writer: it checks the visitor's session,
-- then inserts with the service-role key, on the server. Who else may read or write the table is
-- the next migration (20261208000000_comments_access.sql). Until it runs, row-level security with
-- no policy keeps every client out. Apply both with `supabase db push` (or paste each, in order,
-- into the dashboard's SQL editor).
create table public.comments (
  id bigint generated always as identity primary key,
  -- The post's slug, as in /posts/<slug>/.
  entry text not null check (entry ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(entry) <= 200),
  body text not null check (length(btrim(body)) between 1 and 2000),
  -- The auth provider's id for the author (an Auth0 `sub`, a Supabase or Firebase uid): text, not
  -- uuid. Private: the next migration lets no client read it.
  user_id text not null,
  author_name text not null check (length(author_name) between 1 and 100),
  created_at timestamptz not null default now()
);

create index comments_entry_created_at on public.comments (entry, created_at);

alter table public.comments enable row level security;
