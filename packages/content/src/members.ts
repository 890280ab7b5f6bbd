// A members-only entry with its body, for the auth module's /api/members function only: it checks
// the session before it calls this. Pages read ./index.ts, which never gives this body.
import { provider } from "./safe-provider.ts";
import type { Collection, Entry } from "./types.ts";

/** The full members-only entry; undefined for an entry anyone may read (pages already have it) or none. */
export async function getMembersEntry(collection: Collection, slug: string): Promise<Entry | undefined> {
  const entry = await provider.getEntry(collection, slug);
  return entry?.members ? entry : undefined;
}
