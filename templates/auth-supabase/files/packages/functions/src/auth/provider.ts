// Which sign-in provider /api/auth/* use: Supabase Auth, through supabase-js (OAuth with PKCE).
export { provider } from "./supabase.ts";
