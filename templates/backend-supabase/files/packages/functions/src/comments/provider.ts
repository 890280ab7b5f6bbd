// Where comments live: Supabase, through supabase-js (the comments table of supabase/migrations/).
export { store } from "./supabase.ts";
