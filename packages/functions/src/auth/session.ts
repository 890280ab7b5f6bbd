// The signed-in visitor, kept in one cookie the browser cannot read or forge: a JWE (jose, A256GCM
// with a key derived from AUTH_SECRET by HKDF), so the session is both secret and tamper-proof, and
// it runs on every fetch runtime (Web Crypto only). HttpOnly (no script reads it), Secure (HTTPS
// only; browsers count localhost as secure), SameSite=Lax (not sent on another site's POST), and
// named `__Host-`, so the browser takes it only from this origin over HTTPS, for Path=/ and with no
// Domain: no subdomain and no plain-HTTP page can plant or overwrite it.
//
// The session is stateless: signing out clears the cookie in that browser, but a copy taken before
// (by malware, say) stays valid until its `exp`, eight hours at most. Rotating AUTH_SECRET ends every
// session at once.
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

/**
 * Everything AUTH_SECRET seals, each for one purpose: the session, and the sign-in flow's state
 * (PKCE verifier, return path) between /api/auth/login and /api/auth/callback. Each purpose has its
 * own key (HKDF info) and its own audience, so a token sealed for one is refused as any other: a
 * flow cookie copied into the session cookie signs nobody in.
 */
export const PURPOSES = ["session", "auth-flow"] as const;
export type Purpose = (typeof PURPOSES)[number];

export const SESSION_COOKIE = "__Host-jam_session";
/** Eight hours: a visitor signs in again once a working day. */
const SESSION_SECONDS = 8 * 60 * 60;
const SALT = "create-jam";
/** The shortest AUTH_SECRET that keys the cookie. */
export const MIN_SECRET_LENGTH = 32;

/** The key for one purpose, from a secret of at least 32 characters (`openssl rand -base64 32`). */
export async function sealingKey(purpose: Purpose, secret: string | undefined): Promise<Uint8Array> {
  if (!secret || secret.length < MIN_SECRET_LENGTH) throw new Error("AUTH_SECRET must be set to at least 32 random characters: generate one with `openssl rand -base64 32`.");
  const encode = (text: string) => new TextEncoder().encode(text);
  const material = await crypto.subtle.importKey("raw", encode(secret), "HKDF", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: encode(SALT), info: encode(`create-jam ${purpose}`) }, material, 256);
  return new Uint8Array(bits);
}

/** `claims` about `subject` encrypted for `purpose` under AUTH_SECRET, for `seconds`: a cookie's value. */
export async function seal(purpose: Purpose, subject: string, claims: Record<string, string | undefined>, secret: string | undefined, seconds: number): Promise<string> {
  return new EncryptJWT({ ...claims })
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setAudience(purpose)
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime(`${seconds}s`)
    .encrypt(await sealingKey(purpose, secret));
}

/**
 * What `seal` wrapped for `purpose`, or undefined when `value` is tampered, expired, under another
 * key, sealed for another purpose, or lacks a subject or an expiry.
 */
export async function unseal(purpose: Purpose, value: string | undefined, secret: string | undefined): Promise<({ sub: string } & Record<string, unknown>) | undefined> {
  if (!value) return undefined;
  const key = await sealingKey(purpose, secret);
  try {
    const { payload } = await jwtDecrypt(value, key, {
      contentEncryptionAlgorithms: ["A256GCM"],
      keyManagementAlgorithms: ["dir"],
      audience: purpose,
      // jose checks exp only when it is there: a token without one would never expire.
      requiredClaims: ["exp", "iat", "sub"],
    });
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
  return setCookie(SESSION_COOKIE, await seal("session", id, profile, secret, seconds), seconds);
}

/** The Set-Cookie header that signs the visitor out. */
export function clearedSessionCookie(): string {
  return setCookie(SESSION_COOKIE, "", 0);
}

/** The visitor of `request`, or undefined: no cookie, another key or purpose, a tampered or expired one. */
export async function sessionOf(request: Request, secret: string | undefined): Promise<SessionUser | undefined> {
  const payload = await unseal("session", cookieOf(request, SESSION_COOKIE), secret);
  if (!payload) return undefined;
  const text = (k: string) => (typeof payload[k] === "string" ? (payload[k] as string) : undefined);
  return { id: payload.sub, name: text("name"), email: text("email"), picture: text("picture") };
}
