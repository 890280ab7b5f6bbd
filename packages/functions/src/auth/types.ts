/**
 * One sign-in provider (Auth0, Supabase Auth, Firebase Auth): each auth module writes
 * src/auth/provider.ts naming its own, and /api/auth/* answer through it.
 */
export interface AuthProvider {
  /** For messages: "Auth0". */
  name: string;
  /** The variables it cannot work without (empty when configured); AUTH_SECRET is checked apart. */
  missing(): string[];
  /** GET /api/auth/login: to the provider's sign-in (or the site's own sign-in page). */
  login(request: Request): Promise<Response>;
  /** GET /api/auth/callback: back from the provider, signed in (see callbackMethod). */
  callback(request: Request): Promise<Response>;
  /**
   * "POST" where the visitor signs in on the site's own page and it posts the proof (Firebase
   * Auth's ID token); "GET" (the default) where the provider sends them back with a code.
   */
  callbackMethod?: "GET" | "POST";
  /** GET /api/auth/logout: the session cleared (and the provider's, where it has one). */
  logout(request: Request): Promise<Response>;
}
