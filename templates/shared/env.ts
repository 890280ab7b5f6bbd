// Variables more than one module reads, described once.
import type { EnvVar } from "../../create-jam/src/engine/types.ts";

/** Every auth module's: the session cookie's key. */
export const authSecretEnv: EnvVar = { name: "AUTH_SECRET", visibility: "secret", description: "32 or more random characters (`openssl rand -base64 32`): the session cookie is encrypted with a key derived from it" };

/** Supabase Auth's and the Supabase backend's. */
export const supabaseUrlEnv: EnvVar = { name: "SUPABASE_URL", visibility: "public", description: "the project's URL (dashboard › Project Settings › API), e.g. https://<ref>.supabase.co" };

/** Firebase Auth's and the Firebase backend's. */
export const firebaseProjectIdEnv: EnvVar = { name: "FIREBASE_PROJECT_ID", visibility: "public", description: "the Firebase project's id (Firebase console › Project settings › General), e.g. my-site-1a2b3" };
