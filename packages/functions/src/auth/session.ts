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
/** The shortest AUTH_SECRET that keys the cookie. */
export const MIN_SECRET_LENGTH = 32;

/** The cookie key, from a secret of at least 32 characters (`openssl rand -base64 32`). */
export async function sessionKey(secret: string | undefined): Promise<Uint8Array> {
  if (!secret || secret.length < MIN_SECRET_LENGTH) throw new Error("AUTH_SECRET must be set to at least 32 random characters: generate one with `openssl rand -base64 32`.");
  const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), "HKDF", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: new TextEncoder().encode(SALT), info: new TextEncoder().encode(SESSION_COOKIE) }, material, 256);
  return new Uint8Array(bits);
}

/** `claims` encrypted under AUTH_SECRET's key, for `seconds`: a cookie's value. */
export async function seal(subject: string, claims: Record<string, string | undefined>, secret: string | undefined, seconds: number): Promise<string> {
  return new EncryptJWT({ ...claims })
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime(`${seconds}s`)
    .encrypt(await sessionKey(secret));
}

/** What `seal` wrapped, or undefined when `value` is tampered, expired or under another key. */
export async function unseal(value: string | undefined, secret: string | undefined): Promise<({ sub: string } & Record<string, unknown>) | undefined> {
  if (!value) return undefined;
  const key = await sessionKey(secret);
  try {
    const { payload } = await jwtDecrypt(value, key, { contentEncryptionAlgorithms: ["A256GCM"], keyManagementAlgorithms: ["dir"] });
    return typeof payload.sub === "string" ? (payload as { sub: string } & Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A cookie of `request` by name. */
export const cookieOf = (request: Request, name: string) => parseCookie(request.headers.get("cookie") ?? "")[name];

/** Set-Cookie for `name`: HttpOnly, Secure, SameSite=Lax, on `path`; Max-Age 0 clears it. */
export const setCookie = (name: string, value: string, maxAge: number, path = "/") =>
  stringifySetCookie({ name, value, httpOnly: true, secure: true, sameSite: "lax", path, maxAge });

/** The Set-Cookie header that signs `user` in for `seconds`. */
export async function sessionCookie(user: SessionUser, secret: string | undefined, seconds = SESSION_SECONDS): Promise<string> {
  const { id, ...profile } = user;
  return setCookie(SESSION_COOKIE, await seal(id, profile, secret, seconds), seconds);
}

/** The Set-Cookie header that signs the visitor out. */
export function clearedSessionCookie(): string {
  return setCookie(SESSION_COOKIE, "", 0);
}

/** The visitor of `request`, or undefined: no cookie, another key, a tampered or expired one. */
export async function sessionOf(request: Request, secret: string | undefined): Promise<SessionUser | undefined> {
  const payload = await unseal(cookieOf(request, SESSION_COOKIE), secret);
  if (!payload) return undefined;
  const text = (k: string) => (typeof payload[k] === "string" ? (payload[k] as string) : undefined);
  return { id: payload.sub, name: text("name"), email: text("email"), picture: text("picture") };
}
