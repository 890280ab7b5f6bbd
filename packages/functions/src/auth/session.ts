// The signed-in visitor, kept in one cookie the browser cannot read or forge: a JWE (jose, A256GCM
// with a key derived from AUTH_SECRET by HKDF), so the session is both secret and tamper-proof, and
// it runs on every fetch runtime (Web Crypto only). HttpOnly (no script reads it), Secure (HTTPS
// only; browsers count localhost as secure), SameSite=Lax (not sent on another site's POST).
import { parseCookie, stringifySetCookie } from "cookie";
import { EncryptJWT, jwtDecrypt } from "jose";

/** What a page may know of the visitor: /api/auth/me answers it. */
export interface SessionUser {
  /** The provider's stable id for the user (the OIDC `sub`, the Supabase or Firebase uid). */
  id: string;
  name?: string;
  email?: string;
  picture?: string;
}

export const SESSION_COOKIE = "jam_session";
/** Eight hours: a visitor signs in again once a working day. */
export const SESSION_SECONDS = 8 * 60 * 60;
const SALT = "create-jam session";

/** The cookie key, from a secret of at least 32 characters (`openssl rand -base64 32`). */
export async function sessionKey(secret: string | undefined): Promise<Uint8Array> {
  if (!secret || secret.length < 32) throw new Error("AUTH_SECRET must be set to at least 32 random characters: generate one with `openssl rand -base64 32`.");
  const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), "HKDF", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: new TextEncoder().encode(SALT), info: new TextEncoder().encode(SESSION_COOKIE) }, material, 256);
  return new Uint8Array(bits);
}

/** The Set-Cookie header that signs `user` in for `seconds`. */
export async function sessionCookie(user: SessionUser, secret: string | undefined, seconds = SESSION_SECONDS): Promise<string> {
  const { id, ...profile } = user;
  const value = await new EncryptJWT({ ...profile })
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setSubject(id)
    .setIssuedAt()
    .setExpirationTime(`${seconds}s`)
    .encrypt(await sessionKey(secret));
  return stringifySetCookie({ name: SESSION_COOKIE, value, httpOnly: true, secure: true, sameSite: "lax", path: "/", maxAge: seconds });
}

/** The Set-Cookie header that signs the visitor out. */
export function clearedSessionCookie(): string {
  return stringifySetCookie({ name: SESSION_COOKIE, value: "", httpOnly: true, secure: true, sameSite: "lax", path: "/", maxAge: 0 });
}

/** The visitor of `request`, or undefined: no cookie, another key, a tampered or expired one. */
export async function sessionOf(request: Request, secret: string | undefined): Promise<SessionUser | undefined> {
  const value = parseCookie(request.headers.get("cookie") ?? "")[SESSION_COOKIE];
  if (!value) return undefined;
  const key = await sessionKey(secret);
  try {
    const { payload } = await jwtDecrypt(value, key, { contentEncryptionAlgorithms: ["A256GCM"], keyManagementAlgorithms: ["dir"] });
    if (typeof payload.sub !== "string") return undefined;
    const text = (k: string) => (typeof payload[k] === "string" ? (payload[k] as string) : undefined);
    return { id: payload.sub, name: text("name"), email: text("email"), picture: text("picture") };
  } catch {
    return undefined;
  }
}
