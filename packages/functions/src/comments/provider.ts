// Where comments live. Each backend module writes this file in a generated project; here it names
// one so the package type-checks and tests in place.
export { store } from "./supabase.ts";
