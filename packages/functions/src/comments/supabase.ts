// Comments in Supabase: the `comments` table of supabase/migrations/, read and written with
// supabase-js. The handler runs on the server with the service-role key (never in a page), and is
// the only writer: it writes the author it checked from the site's session. Everyone else (the anon
// or publishable key, with or without a Supabase user's JWT) may only read the public columns.
// Reads name their columns (COLUMNS), never `*`, so the page is never sent user_id.
import { createClient } from "@supabase/supabase-js";
import { env } from "../env.ts";
import { type Comment, type CommentStore, MAX_COMMENTS } from "./types.ts";

const REQUIRED = ["SUPABASE_URL", "SUPABASE_SERVICE_ROLE_KEY"];
const COLUMNS = "id, entry, body, author_name, created_at";

type Row = { id: number | string; entry: string; body: string; author_name: string; created_at: string };
const comment = (r: Row): Comment => ({ id: String(r.id), entry: r.entry, body: r.body, author: r.author_name, date: r.created_at });

const client = () =>
  createClient(env("SUPABASE_URL") as string, env("SUPABASE_SERVICE_ROLE_KEY") as string, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });

/** A Supabase failure, named: the handler logs it and answers 502. */
const failed = (what: string, error: { message: string; code?: string }) => new Error(`Supabase could not ${what}: ${error.message}${error.code ? ` (${error.code})` : ""}`);

export const store: CommentStore = {
  name: "Supabase",
  missing: () => REQUIRED.filter((n) => !env(n)),
  async list(entry) {
    const { data, error } = await client().from("comments").select(COLUMNS).eq("entry", entry).order("created_at", { ascending: true }).limit(MAX_COMMENTS);
    if (error) throw failed("read the comments", error);
    return (data as Row[]).map(comment);
  },
  async add({ entry, body, author }) {
    const { data, error } = await client().from("comments").insert({ entry, body, user_id: author.id, author_name: author.name }).select(COLUMNS).single();
    if (error) throw failed("store the comment", error);
    return comment(data as Row);
  },
};
