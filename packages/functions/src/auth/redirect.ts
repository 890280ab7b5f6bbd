// The no-store redirects of every sign-in and sign-out, with the cookies they set.
export const redirect = (location: string, cookies: string[] = [], status = 302) => {
  const headers = new Headers({ location, "cache-control": "no-store" });
  for (const c of cookies) headers.append("set-cookie", c);
  return new Response(null, { status, headers });
};
