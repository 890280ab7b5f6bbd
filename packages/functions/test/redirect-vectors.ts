// Return paths an attacker sends to /api/auth/login and /logout: each names another host once a
// browser has normalised it. Every provider's sign-in and sign-out must land on the site with each.
export const REDIRECT_VECTORS = [
  "https://evil.example/",
  "//evil.example/x",
  "/\\evil.example",
  "/.//evil.example",
  "/%2e//evil.example",
  "/a/..//evil.example",
  "/x/../\\evil.example",
  "/\t/evil.example",
];

/** Whether a browser given `Location: location` by a page at `from` stays on `from`'s origin. */
export const staysOn = (location: string | null, from: string) => location !== null && new URL(location, from).origin === new URL(from).origin;
